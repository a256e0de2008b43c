import type { Article } from '../domain/types.ts';
import { articleId } from './article-id.ts';
import { MONTH_PATTERN, monthNumber, ymd } from './dates.ts';

/**
 * A leading dateline, then a dash (hyphen, en or em dash) and spaces:
 * `September 27, 2018 – `, `Sept. 27, 2018 — `, `2018-09-27 – `.
 */
const DATELINE = new RegExp(
  `^[^\\S\\n]*(?:(${MONTH_PATTERN})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))[^\\S\\n]*[–—-]\\s*`,
  'i',
);

/** Leading lines that hold only whitespace. */
const BLANK_LINES = /^(?:[^\S\n]*\n)+/;

/**
 * A `.txt` article: the first non-blank line is the title, the rest the body. The body is the
 * text after the title line and its blank line(s), untouched except that `\r\n` becomes `\n`,
 * trailing whitespace is trimmed and a leading dateline (which gives the date) is removed.
 * So for `Title\n\nBody…\n` the body is exactly `text.slice(text.indexOf('\n') + 2).trimEnd()`.
 * Never throws; the body may be empty (the loader skips such files).
 */
export function parseTxt(file: string, text: string): Article {
  let t = text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  t = t.replace(BLANK_LINES, '');
  const nl = t.indexOf('\n');
  const title = (nl < 0 ? t : t.slice(0, nl)).replace(/\s+/g, ' ').trim();
  let body = nl < 0 ? '' : t.slice(nl + 1).replace(BLANK_LINES, '');
  let date: string | null = null;
  const m = DATELINE.exec(body);
  if (m) {
    date =
      m[1] !== undefined
        ? ymd(Number(m[3]), monthNumber(m[1]), Number(m[2]))
        : ymd(Number(m[4]), Number(m[5]), Number(m[6]));
    body = body.slice(m[0].length);
  }
  body = body.trimEnd();
  return { id: articleId(title, body), file, title, date, source: null, url: null, tags: [], body };
}

import type { Article } from '../domain/types.ts';
import { articleId } from './article-id.ts';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** `September 27, 2018 – ` (en/em dash or hyphen) at the very start of the body. */
const DATELINE = new RegExp(`^(?:(${MONTHS})\\s+(\\d{1,2}),\\s+(\\d{4}))\\s*[–—-]\\s*`);

function isoDate(month: string, day: string, year: string): string | null {
  const m = MONTHS.split('|').indexOf(month) + 1;
  const d = Number(day);
  if (m < 1 || d < 1 || d > 31) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A `.txt` article: first line the title, then the body; a leading dateline gives the date. */
export function parseTxt(file: string, text: string): Article {
  const nl = text.indexOf('\n');
  const title = (nl < 0 ? text : text.slice(0, nl)).trim();
  let body = nl < 0 ? '' : text.slice(nl + 1).replace(/^\s+/, '');
  let date: string | null = null;
  const m = DATELINE.exec(body);
  if (m) {
    date = isoDate(m[1] as string, m[2] as string, m[3] as string);
    body = body.slice(m[0].length);
  }
  body = body.replace(/\s+$/, '');
  return { id: articleId(title, body), file, title, date, source: null, url: null, tags: [], body };
}

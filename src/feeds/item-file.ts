/**
 * A feed item as one Markdown article file: YAML front matter (`title`, `date`, `source`, `url`,
 * `tags`, `guid`) and the item's text as the body, escaped so the Markdown reader gives back
 * exactly that text (no heading, list, link or emphasis can be made from an item's words).
 * Files live at `feeds/<feed-name>/<YYYY-MM-DD>-<slug>.md`.
 */
import { stringify } from 'yaml';
import { normalizeParagraphs } from '../sources/parsed.ts';

export interface ItemArticle {
  readonly title: string;
  /** ISO timestamp. */
  readonly date: string;
  readonly source: string;
  readonly url: string;
  readonly tags: readonly string[];
  readonly guid: string;
  /** Plain text, paragraphs separated by a blank line. */
  readonly body: string;
}

/** Lower-case ASCII words joined by `-`, at most `max` characters, cut at a word end; `fallback` when nothing is left. */
export function slugify(text: string, max = 60, fallback = 'item'): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let out = '';
  for (const w of words) {
    const next = out === '' ? w : `${out}-${w}`;
    if (next.length > max) break;
    out = next;
  }
  return out === '' ? (words[0]?.slice(0, max) ?? fallback) || fallback : out;
}

/** `feeds/<feed>/<date>-<slug>.md`; `suffix` tells apart two items with the same date and title. */
export function itemFileName(
  feed: string,
  item: { readonly date: string; readonly title: string },
  suffix?: string,
): string {
  return `feeds/${feed}/${item.date.slice(0, 10)}-${slugify(item.title)}${suffix ? `-${suffix}` : ''}.md`;
}

/** Every ASCII punctuation mark Markdown may read as syntax (CommonMark lets any be backslash-escaped). */
const SYNTAX = /[\\`*_{}[\]<>#+\-!|~&=]/g;

function escapeParagraph(p: string): string {
  return p.replace(SYNTAX, (c) => `\\${c}`).replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Text → Markdown that reads back as the same text: each paragraph one line, syntax escaped. */
export function textToMarkdown(text: string): string {
  return normalizeParagraphs(text)
    .split('\n\n')
    .map((p) => escapeParagraph(p.replace(/\s+/g, ' ')))
    .join('\n\n');
}

export function renderItemFile(a: ItemArticle): string {
  const front = stringify(
    { title: a.title, date: a.date, source: a.source, url: a.url, tags: [...a.tags], guid: a.guid },
    { lineWidth: 0 },
  );
  return `---\n${front}---\n\n${textToMarkdown(a.body)}\n`;
}

/** The guid recorded in a file written by `renderItemFile`, or null. */
export function guidInFile(content: string): string | null {
  const m = /^guid: (.*)$/m.exec(content.slice(0, 8192));
  if (!m) return null;
  const raw = (m[1] ?? '').trim();
  if (raw.startsWith('"') || raw.startsWith("'")) {
    try {
      return raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.slice(1, -1).replace(/''/g, "'");
    } catch {
      return null;
    }
  }
  return raw;
}

/** What a format parser gives back, and the helpers every parser shares to build an Article. */
import type { Article } from '../domain/types.ts';
import { articleId } from './article-id.ts';

export interface SkippedFile {
  /** Path relative to the folder (`/`-separated); `name.json#3` for one element of a JSON array. */
  readonly file: string;
  readonly reason: string;
}

/** One parsed article, or why a file (or one element of it) was not loaded. */
export type Parsed = Article | SkippedFile;

export const isSkipped = (p: Parsed): p is SkippedFile => !('body' in p);

/** Everything of an Article but its id, which is derived from the content. */
export type ArticleFields = Omit<Article, 'id'>;

/** Builds the Article (with its content id), or a skip when it has no title or no body. */
export function makeArticle(f: ArticleFields): Parsed {
  const title = cleanLine(f.title);
  if (title === '') return { file: f.file, reason: 'no title' };
  if (!/\S/.test(f.body)) return { file: f.file, reason: 'no body text' };
  return {
    id: articleId(title, f.body),
    file: f.file,
    title,
    date: f.date,
    source: f.source,
    url: f.url,
    tags: f.tags,
    body: f.body,
  };
}

/** One line of metadata: whitespace runs collapsed, trimmed. */
export function cleanLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A metadata string or null when blank. */
export function optionalLine(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const c = cleanLine(s);
  return c === '' ? null : c;
}

/**
 * Plain-text body normalization for md/html/json: `\r\n` and `\r` → `\n`, trailing spaces
 * dropped, paragraphs separated by exactly one blank line, the whole trimmed.
 */
export function normalizeParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n\s*/)
    .map((p) =>
      (p.includes('\n')
        ? p
            .split('\n')
            .map((l) => l.trimEnd())
            .join('\n')
        : p
      ).trim(),
    )
    .filter((p) => /\S/.test(p))
    .join('\n\n');
}

/** Tags from a list or a comma-separated string: trimmed, blanks and duplicates dropped. */
export function normalizeTags(value: readonly (string | number)[] | string | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  const raw = typeof value === 'string' ? value.split(',') : value.map(String);
  const out: string[] = [];
  for (const t of raw) {
    const c = cleanLine(t);
    if (c !== '' && !out.includes(c)) out.push(c);
  }
  return out;
}

/** The file's name without folders or extension, as a last-resort title. */
export function titleFromFileName(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return cleanLine((dot > 0 ? base.slice(0, dot) : base).replace(/[_]+/g, ' '));
}

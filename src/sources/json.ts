/**
 * A `.json` file: one article object, an array of them, or `{"articles": [...]}`. Each object is
 * `{title, body | text | content, date?, source?, url?, tags?}`, validated with zod. Array elements
 * become separate articles named `file#index` (0-based); an invalid element is skipped on its own.
 * Never throws.
 */
import { describeIssues, jsonArticleSchema, normalizeMeta } from './meta.ts';
import { isSkipped, makeArticle, normalizeParagraphs, type Parsed, type SkippedFile } from './parsed.ts';

function one(file: string, value: unknown): Parsed {
  const r = jsonArticleSchema.safeParse(value);
  if (!r.success) return { file, reason: `invalid article: ${describeIssues(r.error)}` };
  const m = normalizeMeta(r.data);
  const raw = [r.data.body, r.data.text, r.data.content].find((s) => typeof s === 'string' && /\S/.test(s)) ?? '';
  return makeArticle({
    file,
    title: m.title ?? '',
    date: m.date,
    source: m.source,
    url: m.url,
    tags: m.tags,
    body: normalizeParagraphs(raw),
  });
}

/** Invalid elements up to this many get a line each; more are summed into one line. */
const LISTED_INVALID = 3;

/**
 * Each valid element becomes an article. A few invalid ones are skipped one line each; beyond
 * LISTED_INVALID they are summed into one skip line (a count and the first reason), so a huge
 * array of junk cannot flood the log.
 */
function fromArray(file: string, data: readonly unknown[]): Parsed[] {
  const articles: Parsed[] = [];
  const invalid: SkippedFile[] = [];
  let bad = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    const r: Parsed =
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? one(`${file}#${i}`, v)
        : { file: `${file}#${i}`, reason: 'invalid article: must be an object {"title", "body", …}' };
    if (!isSkipped(r)) articles.push(r);
    else if (++bad <= LISTED_INVALID + 1) invalid.push(r);
  }
  if (bad <= LISTED_INVALID) return [...articles, ...invalid].sort((a, b) => index(a.file) - index(b.file));
  const first = invalid[0] as SkippedFile;
  return [
    ...articles,
    { file, reason: `${bad} of ${data.length} array elements skipped; the first, ${first.file}: ${first.reason}` },
  ];
}

const index = (file: string): number => Number(file.slice(file.lastIndexOf('#') + 1));

export function parseJson(file: string, text: string): Parsed[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return [{ file, reason: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` }];
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && 'articles' in data && !('title' in data)) {
    data = (data as { articles: unknown }).articles;
  }
  if (Array.isArray(data)) {
    if (data.length === 0) return [{ file, reason: 'no articles (the JSON array is empty)' }];
    return fromArray(file, data);
  }
  if (data === null || typeof data !== 'object') {
    return [{ file, reason: 'JSON must be an article object {"title", "body", …} or an array of them' }];
  }
  return [one(file, data)];
}

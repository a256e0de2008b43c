/**
 * A `.json` file: one article object, an array of them, or `{"articles": [...]}`. Each object is
 * `{title, body | text | content, date?, source?, url?, tags?}`, validated with zod. Array elements
 * become separate articles named `file#index` (0-based); an invalid element is skipped on its own.
 * Never throws.
 */
import { describeIssues, jsonArticleSchema, normalizeMeta } from './meta.ts';
import { makeArticle, normalizeParagraphs, type Parsed } from './parsed.ts';

function one(file: string, value: unknown): Parsed {
  const r = jsonArticleSchema.safeParse(value);
  if (!r.success) return { file, reason: `invalid article: ${describeIssues(r.error)}` };
  const m = normalizeMeta(r.data);
  const raw = [r.data.body, r.data.text, r.data.content].find((s) => typeof s === 'string' && /\S/.test(s)) ?? '';
  return makeArticle({ file, title: m.title ?? '', date: m.date, source: m.source, url: m.url, tags: m.tags, body: normalizeParagraphs(raw) });
}

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
    return data.map((v: unknown, i) => one(`${file}#${i}`, v));
  }
  if (data === null || typeof data !== 'object') {
    return [{ file, reason: 'JSON must be an article object {"title", "body", …} or an array of them' }];
  }
  return [one(file, data)];
}

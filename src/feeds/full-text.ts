/**
 * `fullText: true`: an item's linked page read through the articles folder's HTML reader
 * (Readability over linkedom), so a feed that carries only excerpts still yields whole articles.
 */
import { parseHtml } from '../sources/html.ts';
import { isSkipped } from '../sources/parsed.ts';
import { httpGet } from './http-get.ts';

export type FullText = { readonly text: string } | { readonly error: string };

export async function readFullText(
  url: string,
  opts: { readonly timeoutMs: number; readonly maxBytes: number },
): Promise<FullText> {
  const got = await httpGet(url, {
    timeoutMs: opts.timeoutMs,
    maxBytes: opts.maxBytes,
    accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
  });
  if (got.kind === 'not-modified') return { error: 'the page answered 304 to a plain GET' };
  if (got.kind === 'retry-later') return { error: `HTTP ${got.status} (try later)` };
  if (got.kind === 'error') return { error: got.reason };
  const parsed = await parseHtml('page.html', got.body);
  if (isSkipped(parsed)) return { error: parsed.reason };
  return { text: parsed.body };
}

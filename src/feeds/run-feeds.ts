/**
 * Every configured feed fetched once, at most a few requests in flight, each feed's outcome as
 * one line: `feed NAME: new N, updated N, unchanged N` or `feed NAME: skipped: why`, and one
 * line per item left out. Used by `npm run feeds` and by the bot's poller.
 */
import type { FeedConfig } from '../config/feeds-section.ts';
import { fetchFeed, type FeedResult, type FetchFeedDeps } from './fetch-feed.ts';

export type RunFeedsDeps = Omit<FetchFeedDeps, 'namesInUse'>;

/** The one line naming a feed's outcome. */
export function feedLine(r: FeedResult): string {
  if (r.outcome === 'failed') return `feed ${r.name}: skipped: ${r.error ?? 'failed'} (${r.url})`;
  if (r.outcome === 'waiting') return `feed ${r.name}: not fetched: ${r.error ?? 'waiting'}`;
  const counts = `new ${r.added}, updated ${r.updated}, unchanged ${r.unchanged}`;
  const notes = [
    r.outcome === 'not-modified' ? 'not modified since the last fetch' : '',
    r.old > 0 ? `${r.old} older than the lookback left out` : '',
  ].filter((n) => n !== '');
  return `feed ${r.name}: ${counts}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

/** Lines for the items a feed left out: `feed NAME: skipped item 3 "Title": no link`. */
export function itemLines(r: FeedResult): string[] {
  return r.skipped.map((s) => `feed ${r.name}: skipped ${s}`);
}

/** Folder names the feeds' stored states already hold (name → url). */
export async function namesInUse(feeds: readonly FeedConfig[], deps: RunFeedsDeps): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const f of feeds) {
    const name = f.name ?? (await deps.store.feed(f.url))?.name;
    if (name) names.set(name, f.url);
  }
  return names;
}

export async function runFeeds(feeds: readonly FeedConfig[], deps: RunFeedsDeps): Promise<FeedResult[]> {
  const names = await namesInUse(feeds, deps);
  // Feeds are started together; the shared limiter keeps the requests in flight few.
  return Promise.all(feeds.map((f) => fetchFeed(f, { ...deps, namesInUse: names })));
}

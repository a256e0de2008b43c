import type { FeedState, SeenItem } from '../domain/feed-state.ts';

/** A `feed_state` row, the same on SQLite and PostgreSQL (timestamps stored as ISO text). */
export interface FeedStateRow {
  url: string;
  name: string | null;
  etag: string | null;
  last_modified: string | null;
  last_attempt_at: string | null;
  last_success_at: string | null;
  consecutive_failures: number;
  last_error: string | null;
  retry_after: string | null;
}

export interface FeedItemRow {
  guid: string;
  file: string | null;
  hash: string;
  seen_at: string;
}

export function toFeedState(r: FeedStateRow): FeedState {
  return {
    url: r.url,
    name: r.name,
    etag: r.etag,
    lastModified: r.last_modified,
    lastAttemptAt: r.last_attempt_at,
    lastSuccessAt: r.last_success_at,
    consecutiveFailures: Number(r.consecutive_failures),
    lastError: r.last_error,
    retryAfter: r.retry_after,
  };
}

export function feedStateParams(s: FeedState): (string | number | null)[] {
  return [
    s.url,
    s.name,
    s.etag,
    s.lastModified,
    s.lastAttemptAt,
    s.lastSuccessAt,
    s.consecutiveFailures,
    s.lastError,
    s.retryAfter,
  ];
}

export const toSeenItem = (r: FeedItemRow): SeenItem => ({
  guid: r.guid,
  file: r.file,
  hash: r.hash,
  seenAt: r.seen_at,
});

const COLUMNS =
  'url, name, etag, last_modified, last_attempt_at, last_success_at, consecutive_failures, last_error, retry_after';
const UPDATES =
  'name = excluded.name, etag = excluded.etag, last_modified = excluded.last_modified, last_attempt_at = excluded.last_attempt_at, ' +
  'last_success_at = excluded.last_success_at, consecutive_failures = excluded.consecutive_failures, last_error = excluded.last_error, retry_after = excluded.retry_after';

/** The upsert of one feed_state row; `p(i)` spells the i-th placeholder (`?` or `$i`). */
export function upsertFeedStateSql(p: (i: number) => string): string {
  return `INSERT INTO feed_state (${COLUMNS}) VALUES (${Array.from({ length: 9 }, (_, i) => p(i + 1)).join(', ')}) ON CONFLICT (url) DO UPDATE SET ${UPDATES}`;
}

export function upsertFeedItemSql(p: (i: number) => string): string {
  return `INSERT INTO feed_items (url, guid, file, hash, seen_at) VALUES (${[1, 2, 3, 4, 5].map(p).join(', ')})
          ON CONFLICT (url, guid) DO UPDATE SET file = excluded.file, hash = excluded.hash, seen_at = excluded.seen_at`;
}

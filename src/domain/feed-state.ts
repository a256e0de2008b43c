/**
 * What the bot remembers about each feed between fetches and restarts: the HTTP validators for
 * conditional GET, the failure streak behind backoff and health, a server-requested pause
 * (Retry-After), and every item identity seen with the file it was written to.
 */

export interface FeedState {
  /** The feed's URL as configured (the state's key). */
  readonly url: string;
  /** The folder name under feeds/ once known (configured, or the feed's title slugged on first success). */
  readonly name: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** ISO timestamps. */
  readonly lastAttemptAt: string | null;
  readonly lastSuccessAt: string | null;
  readonly consecutiveFailures: number;
  readonly lastError: string | null;
  /** No request before this ISO time: the server asked for a pause (429/503 with Retry-After). */
  readonly retryAfter: string | null;
}

/** One item identity seen in a feed. */
export interface SeenItem {
  /** The item's guid (Atom id, RDF about), else its link. */
  readonly guid: string;
  /** Path of its file relative to the articles folder; null when it was older than the first fetch's lookback. */
  readonly file: string | null;
  /** Hash of the item as the feed gave it: a different hash is an edit that rewrites the file. */
  readonly hash: string;
  readonly seenAt: string;
}

/** Per-feed state behind one small interface; SQLite and PostgreSQL implement it next to the state store. */
export interface FeedStateStore {
  feed(url: string): Promise<FeedState | null>;
  saveFeed(state: FeedState): Promise<void>;
  /** Every item seen in this feed, by guid. */
  seenItems(url: string): Promise<Map<string, SeenItem>>;
  saveItems(url: string, items: readonly SeenItem[]): Promise<void>;
}

export function emptyFeedState(url: string, name: string | null): FeedState {
  return {
    url,
    name,
    etag: null,
    lastModified: null,
    lastAttemptAt: null,
    lastSuccessAt: null,
    consecutiveFailures: 0,
    lastError: null,
    retryAfter: null,
  };
}

import type Database from 'better-sqlite3';
import type { FeedState, FeedStateStore, SeenItem } from '../domain/feed-state.ts';
import {
  feedStateParams,
  toFeedState,
  toSeenItem,
  upsertFeedItemSql,
  upsertFeedStateSql,
  type FeedItemRow,
  type FeedStateRow,
} from './feed-state-row.ts';

/** Feed state in the SQLite state file (migration 3), next to the digests and runs. */
export class SqliteFeedStateStore implements FeedStateStore {
  constructor(private readonly db: Database.Database) {}

  feed(url: string): Promise<FeedState | null> {
    const row = this.db.prepare('SELECT * FROM feed_state WHERE url = ?').get(url) as FeedStateRow | undefined;
    return Promise.resolve(row ? toFeedState(row) : null);
  }

  saveFeed(state: FeedState): Promise<void> {
    this.db.prepare(upsertFeedStateSql(() => '?')).run(...feedStateParams(state));
    return Promise.resolve();
  }

  seenItems(url: string): Promise<Map<string, SeenItem>> {
    const rows = this.db
      .prepare('SELECT guid, file, hash, seen_at FROM feed_items WHERE url = ?')
      .all(url) as FeedItemRow[];
    return Promise.resolve(new Map(rows.map((r) => [r.guid, toSeenItem(r)])));
  }

  saveItems(url: string, items: readonly SeenItem[]): Promise<void> {
    const stmt = this.db.prepare(upsertFeedItemSql(() => '?'));
    this.db.transaction(() => {
      for (const i of items) stmt.run(url, i.guid, i.file, i.hash, i.seenAt);
    })();
    return Promise.resolve();
  }
}

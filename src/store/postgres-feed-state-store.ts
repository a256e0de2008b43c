import type pg from 'pg';
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

/** Feed state on the shared PostgreSQL pool (migration 4), so replicas see one feed history. */
export class PostgresFeedStateStore implements FeedStateStore {
  constructor(private readonly pool: pg.Pool) {}

  async feed(url: string): Promise<FeedState | null> {
    const { rows } = await this.pool.query<FeedStateRow>('SELECT * FROM feed_state WHERE url = $1', [url]);
    return rows[0] ? toFeedState(rows[0]) : null;
  }

  async saveFeed(state: FeedState): Promise<void> {
    await this.pool.query(
      upsertFeedStateSql((i) => `$${i}`),
      feedStateParams(state),
    );
  }

  async seenItems(url: string): Promise<Map<string, SeenItem>> {
    const { rows } = await this.pool.query<FeedItemRow>(
      'SELECT guid, file, hash, seen_at FROM feed_items WHERE url = $1',
      [url],
    );
    return new Map(rows.map((r) => [r.guid, toSeenItem(r)]));
  }

  async saveItems(url: string, items: readonly SeenItem[]): Promise<void> {
    if (items.length === 0) return;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const i of items)
        await client.query(
          upsertFeedItemSql((n) => `$${n}`),
          [url, i.guid, i.file, i.hash, i.seenAt],
        );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}

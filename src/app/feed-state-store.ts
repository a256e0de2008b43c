import type { FeedStateStore } from '../domain/feed-state.ts';
import type { StateStore } from '../domain/state-store.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import { SqliteFeedStateStore } from '../store/sqlite-feed-state-store.ts';
import { PostgresStore } from '../store/postgres-store.ts';
import { PostgresFeedStateStore } from '../store/postgres-feed-state-store.ts';

/** The feed state living next to an opened StateStore: the same SQLite file or PostgreSQL pool. */
export function feedStateStoreFor(store: StateStore): FeedStateStore {
  if (store instanceof SqliteStore) return new SqliteFeedStateStore(store.db);
  if (store instanceof PostgresStore) return new PostgresFeedStateStore(store.pool);
  throw new Error(`the ${store.kind} state store keeps no feed state; use SQLite or PostgreSQL (DATABASE_URL)`);
}

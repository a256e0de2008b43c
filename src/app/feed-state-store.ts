import type { FeedStateStore } from '../domain/feed-state.ts';
import type { StoreBackend } from '../store/backend.ts';

/** The feed state living next to an opened backend: the same SQLite file or PostgreSQL pool. */
export function feedStateStoreFor(store: StoreBackend): FeedStateStore {
  return store.feedState();
}

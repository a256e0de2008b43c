import type { RunStore } from '../domain/run-store.ts';
import type { StoreBackend } from '../store/backend.ts';

/** The RunStore living next to an opened backend: the same SQLite file or PostgreSQL pool. */
export function runStoreFor(store: StoreBackend): RunStore {
  return store.runStore();
}

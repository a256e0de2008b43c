import type { StateStore } from '../domain/state-store.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import { SqliteRunStore } from '../store/sqlite-run-store.ts';
import type { RunStore } from '../domain/run-store.ts';

/**
 * The RunStore living next to an opened StateStore: the same SQLite file, or the same
 * PostgreSQL pool (`PostgresStore.runs`). Throws for a backend without run records.
 */
export function runStoreFor(store: StateStore): RunStore {
  if (store instanceof SqliteStore) return new SqliteRunStore(store.db);
  const runs = (store as { runs?: unknown }).runs;
  if (isRunStore(runs)) return runs;
  throw new Error(
    `the ${store.kind} state store has no scheduled-run records; use SQLite or PostgreSQL (DATABASE_URL)`,
  );
}

function isRunStore(x: unknown): x is RunStore {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as RunStore).claimRun === 'function' &&
    typeof (x as RunStore).acquireLease === 'function'
  );
}

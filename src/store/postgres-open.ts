import { PostgresStore, type PostgresStoreOptions } from './postgres-store.ts';

/**
 * Open the PostgreSQL store (`DATABASE_URL`): connects, applies pending migrations under an
 * advisory lock, and returns a StateStore whose `runs` is the scheduler's RunStore.
 */
export function openPostgresStore(url: string, opts: PostgresStoreOptions = {}): Promise<PostgresStore> {
  return PostgresStore.open(url, opts);
}

import type { StateStore } from './state-store.ts';

/** Placeholder until the PostgreSQL backend lands. */
export function openPostgresStore(_url: string): Promise<StateStore> {
  return Promise.reject(new Error('DATABASE_URL is set but the PostgreSQL store is not available yet; unset it to use SQLite.'));
}

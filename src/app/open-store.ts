import path from 'node:path';
import type { Config } from '../config/schema.ts';
import type { StateStore } from '../domain/state-store.ts';
import { SqliteStore } from '../store/sqlite-store.ts';

/** The configured state store: SQLite under the data folder unless PostgreSQL is configured. */
export async function openStore(config: Config): Promise<StateStore> {
  if (config.store.databaseUrl !== undefined) {
    const { openPostgresStore } = await import('../store/postgres-open.ts');
    return openPostgresStore(config.store.databaseUrl);
  }
  return new SqliteStore(config.store.sqliteFile ?? path.join(config.core.dataDir, 'state.db'));
}

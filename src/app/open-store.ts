import path from 'node:path';
import type { Config } from '../config/schema.ts';
import type { StoreBackend } from '../store/backend.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import { postgresOpenError, sqliteOpenError } from './store-errors.ts';

/** The configured state store: SQLite under the data folder unless PostgreSQL is configured. */
export async function openStore(config: Config): Promise<StoreBackend> {
  if (config.store.databaseUrl !== undefined) {
    const { openPostgresStore } = await import('../store/postgres-open.ts');
    const url = config.store.databaseUrl;
    return openPostgresStore(url).catch((err: unknown) => {
      throw postgresOpenError(url, err);
    });
  }
  const file = config.store.sqliteFile ?? path.join(config.core.dataDir, 'state.db');
  try {
    return new SqliteStore(file);
  } catch (err) {
    throw sqliteOpenError(file, config.store.sqliteFile !== undefined ? 'SQLITE_FILE' : 'DATA_DIR', err);
  }
}

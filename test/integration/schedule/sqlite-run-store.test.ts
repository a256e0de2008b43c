import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { SqliteRunStore } from '../../../src/store/sqlite-run-store.ts';
import { SQLITE_MIGRATIONS } from '../../../src/store/sqlite-migrations.ts';
import { runStoreFor } from '../../../src/app/open-run-store.ts';
import { runStoreContract } from './run-store-contract.ts';

runStoreContract('SQLite', () => {
  const store = new SqliteStore(':memory:');
  return Promise.resolve({ store: new SqliteRunStore(store.db), close: () => store.close() });
});

describe('SQLite run tables', () => {
  it('are added by an appended migration to an existing database', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'runs-'));
    try {
      const file = path.join(dir, 'state.db');
      // A database made before the run tables existed.
      const mine = SQLITE_MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE digest_runs'));
      const old = new Database(file);
      for (const m of SQLITE_MIGRATIONS.slice(0, mine)) old.exec(m);
      old.pragma(`user_version = ${mine}`);
      old.close();
      const again = new SqliteStore(file);
      expect(again.db.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length);
      const runs = runStoreFor(again);
      expect(runs.kind).toBe('sqlite');
      expect(await runs.acquireLease('L', 'A', 1000, new Date())).toBe(true);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

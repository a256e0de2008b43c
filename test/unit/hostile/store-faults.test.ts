import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/app/open-store.ts';
import { loadConfig } from '../../../src/config/load.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function temp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'store-faults-'));
  dirs.push(d);
  writeFileSync(path.join(d, 'default.yaml'), '{}\n');
  return d;
}

async function failure(env: Record<string, string>): Promise<Error> {
  const config = loadConfig({ env, configDir: temp() });
  const err = await openStore(config).then(
    async (s) => {
      await s.close();
      return null;
    },
    (e: unknown) => e as Error,
  );
  if (err === null) throw new Error('the store opened');
  return err;
}

describe('store faults name the file or setting and the fix, as a coded error (printed without a stack)', () => {
  it('a garbage or truncated state.db', async () => {
    const d = temp();
    writeFileSync(path.join(d, 'state.db'), 'this is not a database, just some text that is long enough '.repeat(200));
    const err = await failure({ DATA_DIR: d });
    expect(err).toMatchObject({ code: 'STORE_OPEN_FAILED' });
    expect(err.message).toMatch(
      /state\.db is damaged or not an SQLite database — restore it from a backup, or move it aside/,
    );
    expect(err.message).toContain('DATA_DIR');
  });

  it('DATA_DIR that is a file', async () => {
    const d = temp();
    const file = path.join(d, 'data');
    writeFileSync(file, 'x');
    const err = await failure({ DATA_DIR: file });
    expect(err.message).toMatch(/is a file .*point DATA_DIR at a folder path/);
  });

  it('SQLITE_FILE that is a folder', async () => {
    const d = temp();
    mkdirSync(path.join(d, 'state.db'));
    const err = await failure({ SQLITE_FILE: path.join(d, 'state.db') });
    expect(err.message).toMatch(/is a folder — point SQLITE_FILE at a file path/);
  });

  it('PostgreSQL: an unparsable URL and a closed port name DATABASE_URL', async () => {
    const bad = await failure({ DATABASE_URL: 'postgres://user:p@ss:w0rd@/x' }).catch((e: unknown) => e as Error);
    expect(bad.message).toMatch(/DATABASE_URL/);
    const closed = await failure({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test' });
    expect(closed.message).toMatch(
      /cannot reach the PostgreSQL server — start it, or fix the host and port in DATABASE_URL/,
    );
  }, 30_000);

  it('PostgreSQL: a missing database and a missing role name DATABASE_URL and the fix', async () => {
    const db = await failure({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/no_such_database_x' });
    expect(db.message).toMatch(/database in DATABASE_URL does not exist — create it/);
    const role = await failure({ DATABASE_URL: 'postgres://no_such_role_x@127.0.0.1:5432/test' });
    expect(role.message).toMatch(/refused the user in DATABASE_URL/);
  }, 30_000);
});

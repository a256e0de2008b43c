import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL the tests use: TEST_DATABASE_URL, else DATABASE_URL, else the CI default
 * (127.0.0.1:5432, trust auth, database `test`). Every test run works in its own schema
 * (`test_<random>`), dropped afterwards, so parallel runs do not collide.
 */
export const PG_URL =
  process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Null when reachable, else why not (the tests then skip with this message). */
export async function pgUnavailable(url = PG_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return `PostgreSQL is not reachable at ${url.replace(/:[^:@/]*@/, ':***@')} (${err instanceof Error ? err.message : String(err)}): skipping the PostgreSQL tests — start one or set TEST_DATABASE_URL`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function newSchemaName(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

export async function dropSchema(schema: string, url = PG_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** One query in `schema` on a short-lived connection. */
export async function queryIn<R extends pg.QueryResultRow>(
  schema: string,
  sql: string,
  params: unknown[] = [],
  url = PG_URL,
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const reason = await pgUnavailable();
if (reason !== null) process.stderr.write(`\n[postgres tests] ${reason}\n`);
/** Why the PostgreSQL tests skip here, or null when they run. */
export const PG_SKIP_REASON = reason;

import type pg from 'pg';

/**
 * PostgreSQL schema, one entry per version; never edit a shipped entry, append a new one.
 * Applied at start-up by `migratePostgres` under a transaction-scoped advisory lock, so
 * replicas starting together apply each migration once. Versions live in `schema_migrations`.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE digests (
     id TEXT PRIMARY KEY,
     seq BIGSERIAL NOT NULL,
     platform TEXT NOT NULL,
     channel TEXT NOT NULL,
     message_id TEXT NOT NULL,
     thread TEXT NOT NULL,
     article_ids JSONB NOT NULL,
     date TEXT NOT NULL,
     posted_at TEXT NOT NULL
   );
   CREATE INDEX digests_thread ON digests (thread);
   CREATE INDEX digests_latest ON digests (platform, channel, posted_at);
   CREATE TABLE turns (
     id BIGSERIAL PRIMARY KEY,
     thread TEXT NOT NULL,
     question TEXT NOT NULL,
     answer TEXT NOT NULL,
     answered BOOLEAN NOT NULL,
     article_ids JSONB NOT NULL,
     sentences JSONB NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX turns_thread ON turns (thread, id);`,
  `CREATE TABLE digest_runs (
     target_id TEXT NOT NULL,
     scheduled_at TIMESTAMPTZ NOT NULL,
     digest_id TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('claimed', 'posted', 'released')),
     owner TEXT NOT NULL,
     attempts INTEGER NOT NULL,
     claimed_at TIMESTAMPTZ NOT NULL,
     claim_expires_at TIMESTAMPTZ NOT NULL,
     message_ref TEXT,
     posted_at TIMESTAMPTZ,
     articles JSONB NOT NULL DEFAULT '[]',
     PRIMARY KEY (target_id, scheduled_at)
   );
   CREATE INDEX digest_runs_state ON digest_runs (target_id, state, scheduled_at);
   CREATE TABLE leases (
     name TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     expires_at TIMESTAMPTZ NOT NULL,
     epoch BIGINT NOT NULL
   );`,
  `CREATE TABLE llm_cache (
     key TEXT PRIMARY KEY,
     value TEXT NOT NULL,
     created_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );`,
  `CREATE TABLE feed_state (
     url TEXT PRIMARY KEY,
     name TEXT,
     etag TEXT,
     last_modified TEXT,
     last_attempt_at TEXT,
     last_success_at TEXT,
     consecutive_failures INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     retry_after TEXT
   );
   CREATE TABLE feed_items (
     url TEXT NOT NULL,
     guid TEXT NOT NULL,
     file TEXT,
     hash TEXT NOT NULL,
     seen_at TEXT NOT NULL,
     PRIMARY KEY (url, guid)
   );`,
];

/** Apply pending migrations in one transaction; returns how many were applied. */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly string[] = POSTGRES_MIGRATIONS,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':trade-news-migrations'))`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    let applied = 0;
    for (let i = current; i < migrations.length; i++) {
      await client.query(migrations[i] as string);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [i + 1]);
      applied++;
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

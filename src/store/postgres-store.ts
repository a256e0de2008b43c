import pg from 'pg';
import { serializeThread, type ThreadRef } from '../domain/thread-ref.ts';
import type { DigestRecord, StoredTurn } from '../domain/state-store.ts';
import { migratePostgres } from './postgres-migrations.ts';
import { toDigestRecord, type DigestRow } from './digest-row.ts';
import { PostgresRunStore } from './postgres-run-store.ts';
import type { FeedStateStore } from '../domain/feed-state.ts';
import type { RunStore } from '../domain/run-store.ts';
import type { LlmCache } from '../llm/cache.ts';
import type { StoreBackend } from './backend.ts';
import { PostgresFeedStateStore } from './postgres-feed-state-store.ts';
import { PostgresLlmCache } from './postgres-llm-cache.ts';

interface TurnRow {
  question: string;
  answer: string;
  answered: boolean;
  article_ids: string[];
  sentences: string[];
  at: string;
}

export interface PostgresStoreOptions {
  /** Schema to use (created if missing) instead of the connection's default search_path. */
  readonly schema?: string;
  /** Pool size (default 5). */
  readonly maxConnections?: number;
}

/**
 * The shared store for several replicas: the StateStore contract on PostgreSQL, with the
 * scheduler's run records and lease (`runs`) on the same pool. Use `PostgresStore.open`,
 * which applies migrations before returning.
 */
export class PostgresStore implements StoreBackend {
  readonly kind = 'postgres';
  readonly runs: PostgresRunStore;

  runStore(): RunStore {
    return this.runs;
  }

  llmCache(): LlmCache {
    return new PostgresLlmCache(this.pool);
  }

  feedState(): FeedStateStore {
    return new PostgresFeedStateStore(this.pool);
  }
  private closed = false;

  private constructor(readonly pool: pg.Pool) {
    this.runs = new PostgresRunStore(pool);
  }

  static async open(url: string, opts: PostgresStoreOptions = {}): Promise<PostgresStore> {
    if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(opts.schema)) {
      throw new Error(`PostgreSQL schema name "${opts.schema}" must be lower-case letters, digits and underscores`);
    }
    if (opts.schema !== undefined) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`).catch((err: unknown) => {
          // Replicas creating it at the same moment: one wins, the others see a duplicate.
          const code = (err as { code?: string }).code;
          if (code !== '23505' && code !== '42P06') throw err;
        });
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.maxConnections ?? 5,
      ...(opts.schema !== undefined ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    try {
      await migratePostgres(pool);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
    return new PostgresStore(pool);
  }

  async recordDigest(r: DigestRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO digests (id, platform, channel, message_id, thread, article_ids, date, posted_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)
       ON CONFLICT (id) DO UPDATE SET message_id = excluded.message_id, thread = excluded.thread, posted_at = excluded.posted_at`,
      [
        r.id,
        r.platform,
        r.channel,
        r.messageId,
        serializeThread(r.thread),
        JSON.stringify(r.articleIds),
        r.date,
        r.postedAt,
      ],
    );
  }

  async digestForThread(thread: ThreadRef): Promise<DigestRecord | null> {
    const { rows } = await this.pool.query<DigestRow>(
      'SELECT * FROM digests WHERE thread = $1 ORDER BY posted_at DESC LIMIT 1',
      [serializeThread(thread)],
    );
    return rows[0] ? toDigestRecord(rows[0]) : null;
  }

  async latestDigest(platform: string, channel?: string): Promise<DigestRecord | null> {
    const { rows } =
      channel === undefined
        ? await this.pool.query<DigestRow>(
            'SELECT * FROM digests WHERE platform = $1 ORDER BY posted_at DESC, seq DESC LIMIT 1',
            [platform],
          )
        : await this.pool.query<DigestRow>(
            'SELECT * FROM digests WHERE platform = $1 AND channel = $2 ORDER BY posted_at DESC, seq DESC LIMIT 1',
            [platform, channel],
          );
    return rows[0] ? toDigestRecord(rows[0]) : null;
  }

  async addTurn(thread: ThreadRef, t: StoredTurn): Promise<void> {
    await this.pool.query(
      `INSERT INTO turns (thread, question, answer, answered, article_ids, sentences, at) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7)`,
      [
        serializeThread(thread),
        t.question,
        t.answer,
        t.answered,
        JSON.stringify(t.articleIds),
        JSON.stringify(t.sentences),
        t.at,
      ],
    );
  }

  async recentTurns(thread: ThreadRef, limit: number): Promise<StoredTurn[]> {
    const { rows } = await this.pool.query<TurnRow>('SELECT * FROM turns WHERE thread = $1 ORDER BY id DESC LIMIT $2', [
      serializeThread(thread),
      limit,
    ]);
    return rows.reverse().map((r) => ({
      question: r.question,
      answer: r.answer,
      answered: r.answered,
      articleIds: r.article_ids,
      sentences: r.sentences,
      at: r.at,
    }));
  }

  /** True when a trivial query succeeds (for /healthz). */
  async ping(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

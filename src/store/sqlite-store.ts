import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { serializeThread, type ThreadRef } from '../domain/thread-ref.ts';
import type { DigestRecord, StoredTurn } from '../domain/state-store.ts';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.ts';
import { toDigestRecord, type DigestRow } from './digest-row.ts';
import type { FeedStateStore } from '../domain/feed-state.ts';
import type { RunStore } from '../domain/run-store.ts';
import { type LlmCache, SqliteLlmCache } from '../llm/cache.ts';
import type { StoreBackend } from './backend.ts';
import { SqliteFeedStateStore } from './sqlite-feed-state-store.ts';
import { SqliteRunStore } from './sqlite-run-store.ts';

/** As stored: `article_ids` is JSON text. */
type SqliteDigestRow = Omit<DigestRow, 'article_ids'> & { article_ids: string };

interface TurnRow {
  question: string;
  answer: string;
  answered: number;
  article_ids: string;
  sentences: string;
  at: string;
}

function toRecord(row: SqliteDigestRow): DigestRecord {
  return toDigestRecord({ ...row, article_ids: JSON.parse(row.article_ids) as string[] });
}

/** Apply pending migrations in order, each in a transaction; `user_version` records the schema version. */
function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  SQLITE_MIGRATIONS.forEach((sql, i) => {
    if (i < current) return;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${i + 1}`);
    })();
  });
}

/** The embedded default store: one SQLite file (WAL mode), or `:memory:` for tests. */
export class SqliteStore implements StoreBackend {
  readonly kind = 'sqlite';
  readonly db: Database.Database;
  private runs?: RunStore;

  runStore(): RunStore {
    this.runs ??= new SqliteRunStore(this.db);
    return this.runs;
  }

  llmCache(): LlmCache {
    return new SqliteLlmCache(this.db);
  }

  feedState(): FeedStateStore {
    return new SqliteFeedStateStore(this.db);
  }

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
  }

  recordDigest(r: DigestRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO digests (id, platform, channel, message_id, thread, article_ids, date, posted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET message_id = excluded.message_id, thread = excluded.thread, posted_at = excluded.posted_at`,
      )
      .run(
        r.id,
        r.platform,
        r.channel,
        r.messageId,
        serializeThread(r.thread),
        JSON.stringify(r.articleIds),
        r.date,
        r.postedAt,
      );
    return Promise.resolve();
  }

  digestForThread(thread: ThreadRef): Promise<DigestRecord | null> {
    const row = this.db
      .prepare('SELECT * FROM digests WHERE thread = ? ORDER BY posted_at DESC LIMIT 1')
      .get(serializeThread(thread)) as SqliteDigestRow | undefined;
    return Promise.resolve(row ? toRecord(row) : null);
  }

  latestDigest(platform: string, channel?: string): Promise<DigestRecord | null> {
    const row = (
      channel === undefined
        ? this.db
            .prepare('SELECT * FROM digests WHERE platform = ? ORDER BY posted_at DESC, rowid DESC LIMIT 1')
            .get(platform)
        : this.db
            .prepare(
              'SELECT * FROM digests WHERE platform = ? AND channel = ? ORDER BY posted_at DESC, rowid DESC LIMIT 1',
            )
            .get(platform, channel)
    ) as SqliteDigestRow | undefined;
    return Promise.resolve(row ? toRecord(row) : null);
  }

  addTurn(thread: ThreadRef, t: StoredTurn): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO turns (thread, question, answer, answered, article_ids, sentences, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        serializeThread(thread),
        t.question,
        t.answer,
        t.answered ? 1 : 0,
        JSON.stringify(t.articleIds),
        JSON.stringify(t.sentences),
        t.at,
      );
    return Promise.resolve();
  }

  recentTurns(thread: ThreadRef, limit: number): Promise<StoredTurn[]> {
    const rows = this.db
      .prepare('SELECT * FROM turns WHERE thread = ? ORDER BY id DESC LIMIT ?')
      .all(serializeThread(thread), limit) as TurnRow[];
    return Promise.resolve(
      rows.reverse().map((r) => ({
        question: r.question,
        answer: r.answer,
        answered: r.answered === 1,
        articleIds: JSON.parse(r.article_ids) as string[],
        sentences: JSON.parse(r.sentences) as string[],
        at: r.at,
      })),
    );
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}

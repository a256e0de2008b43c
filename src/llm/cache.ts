import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Article } from '../domain/types.ts';

/**
 * Model replies kept by (article content, model, prompt version, request shape), so a
 * restart or a re-run spends no tokens on unchanged articles. Values are the validated
 * reply JSON; it is verified again against the article on every use.
 */
export interface LlmCache {
  get(key: string): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
}

export interface CacheKeyParts {
  readonly article: Article;
  readonly model: string;
  readonly promptVersion: string;
  /** Anything else the reply depends on (sentence and quote counts, trimming). */
  readonly extra?: string;
}

/** sha256 over the article id, a hash of its body, the model, the prompt version and the extras. */
export function cacheKey(p: CacheKeyParts): string {
  const body = createHash('sha256').update(p.article.body).digest('hex');
  return createHash('sha256')
    .update([p.article.id, body, p.model, p.promptVersion, p.extra ?? ''].join('\u0000'))
    .digest('hex');
}

/** For tests, and for state stores without SQLite (e.g. PostgreSQL): lives as long as the process. */
export class MemoryLlmCache implements LlmCache {
  private readonly map = new Map<string, string>();

  get size(): number {
    return this.map.size;
  }

  get(key: string): Promise<string | null> {
    return Promise.resolve(this.map.get(key) ?? null);
  }

  put(key: string, value: string): Promise<void> {
    this.map.set(key, value);
    return Promise.resolve();
  }
}

/** A table in the state store's SQLite database (e.g. `SqliteStore.db`), created if missing. */
export class SqliteLlmCache implements LlmCache {
  private readonly getStmt: Database.Statement<[string], { value: string }>;
  private readonly putStmt: Database.Statement<[string, string, string]>;

  constructor(
    db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS llm_cache (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
    this.getStmt = db.prepare('SELECT value FROM llm_cache WHERE key = ?');
    this.putStmt = db.prepare(
      'INSERT INTO llm_cache (key, value, created_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at',
    );
  }

  get(key: string): Promise<string | null> {
    return Promise.resolve(this.getStmt.get(key)?.value ?? null);
  }

  put(key: string, value: string): Promise<void> {
    this.putStmt.run(key, value, this.now().toISOString());
    return Promise.resolve();
  }
}

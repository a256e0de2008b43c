import type pg from 'pg';
import type { LlmCache } from '../llm/cache.ts';

/** The LLM reply cache in PostgreSQL (table `llm_cache`, created by migration 3), shared by every replica. */
export class PostgresLlmCache implements LlmCache {
  constructor(private readonly pool: pg.Pool) {}

  async get(key: string): Promise<string | null> {
    const r = await this.pool.query<{ value: string }>('SELECT value FROM llm_cache WHERE key = $1', [key]);
    return r.rows[0]?.value ?? null;
  }

  async put(key: string, value: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO llm_cache (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, created_at = now()',
      [key, value],
    );
  }
}

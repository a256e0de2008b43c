import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../src/store/postgres-open.ts';
import { PostgresStore } from '../../../src/store/postgres-store.ts';
import { POSTGRES_MIGRATIONS } from '../../../src/store/postgres-migrations.ts';
import { runStoreFor } from '../../../src/app/open-run-store.ts';
import type { DigestRecord } from '../../../src/domain/state-store.ts';
import { PostgresLlmCache } from '../../../src/store/postgres-llm-cache.ts';
import { runStoreContract } from '../schedule/run-store-contract.ts';
import { PG_SKIP_REASON, PG_URL, dropSchema, newSchemaName, queryIn } from './pg-test-db.ts';

const schemas: string[] = [];
const fresh = (): string => {
  const s = newSchemaName();
  schemas.push(s);
  return s;
};

afterAll(async () => {
  if (PG_SKIP_REASON === null) for (const s of schemas) await dropSchema(s);
});

describe.skipIf(PG_SKIP_REASON !== null)('PostgreSQL store', () => {
  runStoreContract('PostgreSQL', async () => {
    const store = await openPostgresStore(PG_URL, { schema: fresh() });
    return { store: runStoreFor(store), close: () => store.close() };
  });

  it('keeps LLM replies across a reopen, so another replica or a restart spends no tokens', async () => {
    const schema = fresh();
    const first = await PostgresStore.open(PG_URL, { schema });
    await new PostgresLlmCache(first.pool).put('k1', '{"summary":["a"]}');
    await new PostgresLlmCache(first.pool).put('k1', '{"summary":["b"]}');
    await first.close();
    const second = await PostgresStore.open(PG_URL, { schema });
    try {
      const cache = new PostgresLlmCache(second.pool);
      expect(await cache.get('k1')).toBe('{"summary":["b"]}');
      expect(await cache.get('missing')).toBeNull();
    } finally {
      await second.close();
    }
  });

  it('keeps digests and thread turns (the StateStore contract)', async () => {
    const store = await openPostgresStore(PG_URL, { schema: fresh() });
    try {
      const thread = { platform: 'slack', channel: 'C1', thread: '171.1' };
      const rec = (id: string, postedAt: string): DigestRecord => ({
        id,
        platform: 'slack',
        channel: 'C1',
        messageId: '171.1',
        thread,
        articleIds: ['a', 'b'],
        date: '2025-03-10',
        postedAt,
      });
      await store.recordDigest(rec('d1', '2025-03-10T08:00:00.000Z'));
      await store.recordDigest(rec('d2', '2025-03-11T08:00:00.000Z'));
      await store.recordDigest(rec('d2', '2025-03-11T08:00:00.000Z')); // idempotent
      expect((await store.latestDigest('slack', 'C1'))?.id).toBe('d2');
      expect((await store.latestDigest('slack'))?.articleIds).toEqual(['a', 'b']);
      expect(await store.latestDigest('discord')).toBeNull();
      expect((await store.digestForThread(thread))?.thread).toEqual(thread);
      for (const q of ['one', 'two', 'three']) {
        await store.addTurn(thread, {
          question: q,
          answer: `A ${q}`,
          answered: q !== 'two',
          articleIds: ['a'],
          sentences: ['s'],
          at: '2025-03-10T09:00:00Z',
        });
      }
      const turns = await store.recentTurns(thread, 2);
      expect(turns.map((t) => [t.question, t.answered])).toEqual([
        ['two', false],
        ['three', true],
      ]);
      expect(await store.ping()).toBe(true);
    } finally {
      await store.close();
      await store.close(); // idempotent
    }
  });

  it('applies migrations once when several replicas start together (advisory lock)', async () => {
    const schema = fresh();
    const stores = await Promise.all(Array.from({ length: 5 }, () => PostgresStore.open(PG_URL, { schema })));
    await Promise.all(stores.map((s) => s.close()));
    const rows = await queryIn<{ version: number }>(schema, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
    const again = await PostgresStore.open(PG_URL, { schema });
    await again.close();
    expect(await queryIn(schema, 'SELECT version FROM schema_migrations')).toHaveLength(POSTGRES_MIGRATIONS.length);
  });

  it('refuses an unsafe schema name', async () => {
    await expect(PostgresStore.open(PG_URL, { schema: 'x; DROP TABLE y' })).rejects.toThrow(/schema name/);
  });
});

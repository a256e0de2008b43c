import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { MemoryLlmCache, SqliteLlmCache, cacheKey } from '../../../src/llm/cache.ts';
import { CHIPS, GRAIN, PORT, STEEL, fakeModel, makeArticle } from './articles.ts';
import { startFakeLlm, type FakeLlm } from './fake-llm.ts';
import { expectComplete, harness } from './harness.ts';

let fake: FakeLlm | undefined;
let dir: string | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const articles = [PORT, STEEL, GRAIN, CHIPS];

describe('LLM reply cache', () => {
  it('a second digest run over unchanged articles makes no model calls, even after a restart (SQLite state store)', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'llm-cache-'));
    const file = path.join(dir, 'state.db');
    fake = await startFakeLlm(fakeModel());

    const store1 = new SqliteStore(file);
    const first = await harness(fakeModel(), { fake, cache: new SqliteLlmCache(store1.db) });
    const d1 = await first.digest(articles);
    expectComplete(d1, articles);
    expect(fake.requests).toHaveLength(4);
    // Same process, re-run: all hits.
    const d2 = await first.digest(articles);
    expect(fake.requests).toHaveLength(4);
    expect(first.summarizer.stats.cacheHits).toBe(4);
    expect(d2.items.map((i) => i.summary)).toEqual(d1.items.map((i) => i.summary));
    await store1.close();

    // "Restart": a new store on the same file, a new client and summarizer.
    const store2 = new SqliteStore(file);
    const second = await harness(fakeModel(), { fake, cache: new SqliteLlmCache(store2.db) });
    const d3 = await second.digest(articles);
    expectComplete(d3, articles);
    expect(fake.requests).toHaveLength(4);
    expect(second.summarizer.stats).toMatchObject({ calls: 0, cacheHits: 4, llm: 4 });
    expect(d3.items.map((i) => i.summary)).toEqual(d1.items.map((i) => i.summary));

    // An edited article is a new key: exactly one call.
    const edited = makeArticle(PORT.title, `${PORT.body}\n\nThe port will publish April figures next month.`);
    await second.digest([edited, STEEL]);
    expect(fake.requests).toHaveLength(5);
    await store2.close();
  });

  it('the key changes with the body, the model and the prompt version', () => {
    const base = { article: PORT, model: 'm1', promptVersion: 'summary-v1' };
    const key = cacheKey(base);
    expect(cacheKey({ ...base })).toBe(key);
    expect(cacheKey({ ...base, model: 'm2' })).not.toBe(key);
    expect(cacheKey({ ...base, promptVersion: 'summary-v2' })).not.toBe(key);
    expect(cacheKey({ ...base, article: { ...PORT, body: `${PORT.body} ` } })).not.toBe(key);
    expect(cacheKey({ ...base, extra: 'sentences=3' })).not.toBe(key);
  });

  it('failed replies are not cached: the next run asks again', async () => {
    const cache = new MemoryLlmCache();
    const h = await harness(fakeModel({ [GRAIN.title]: 'malformed' }), { cache });
    fake = h.fake;
    await h.digest([GRAIN, STEEL]);
    expect(cache.size).toBe(1);
    h.fake.handle(fakeModel());
    const again = await h.digest([GRAIN, STEEL]);
    expect(again.items.map((i) => i.summary.method)).toEqual(['llm', 'llm']);
    expect(h.fake.requests).toHaveLength(3);
  });

  it('SqliteLlmCache creates its table on any better-sqlite3 database and upserts', async () => {
    const store = new SqliteStore(':memory:');
    const cache = new SqliteLlmCache(store.db);
    expect(await cache.get('k')).toBeNull();
    await cache.put('k', 'v1');
    await cache.put('k', 'v2');
    expect(await cache.get('k')).toBe('v2');
    expect(await new SqliteLlmCache(store.db).get('k')).toBe('v2');
    await store.close();
  });
});

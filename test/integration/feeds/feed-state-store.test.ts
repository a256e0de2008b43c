import { afterAll, describe, expect, it } from 'vitest';
import { feedStateStoreFor } from '../../../src/app/feed-state-store.ts';
import { emptyFeedState, type FeedStateStore } from '../../../src/domain/feed-state.ts';
import { PostgresStore } from '../../../src/store/postgres-store.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import type { StoreBackend } from '../../../src/store/backend.ts';
import { PG_SKIP_REASON, PG_URL, dropSchema, newSchemaName } from '../postgres/pg-test-db.ts';

function contract(name: string, open: () => Promise<StoreBackend>): void {
  it(`${name}: keeps validators, failures and every guid seen`, async () => {
    const store = await open();
    try {
      const feeds: FeedStateStore = feedStateStoreFor(store);
      expect(await feeds.feed('https://a.example/rss')).toBeNull();
      const s = {
        ...emptyFeedState('https://a.example/rss', 'a'),
        etag: '"x"',
        consecutiveFailures: 2,
        lastError: 'HTTP 500',
        retryAfter: '2026-12-07T10:00:00.000Z',
      };
      await feeds.saveFeed(s);
      await feeds.saveFeed({ ...s, etag: '"y"' });
      expect(await feeds.feed('https://a.example/rss')).toEqual({ ...s, etag: '"y"' });
      await feeds.saveItems(s.url, [
        { guid: 'g1', file: 'feeds/a/x.md', hash: 'h1', seenAt: '2026-12-07T09:00:00.000Z' },
        { guid: 'g2', file: null, hash: 'h2', seenAt: '2026-12-07T09:00:00.000Z' },
      ]);
      await feeds.saveItems(s.url, [
        { guid: 'g1', file: 'feeds/a/x.md', hash: 'h3', seenAt: '2026-12-07T09:00:00.000Z' },
      ]);
      const seen = await feeds.seenItems(s.url);
      expect([...seen.values()].map((i) => [i.guid, i.file, i.hash])).toEqual(
        expect.arrayContaining([
          ['g1', 'feeds/a/x.md', 'h3'],
          ['g2', null, 'h2'],
        ]),
      );
      expect(seen.size).toBe(2);
      expect((await feeds.seenItems('https://other.example/rss')).size).toBe(0);
    } finally {
      await store.close();
    }
  });
}

const schemas: string[] = [];
afterAll(async () => {
  if (PG_SKIP_REASON === null) for (const s of schemas) await dropSchema(s);
});

describe('feed state in the state store', () => {
  contract('SQLite', () => Promise.resolve(new SqliteStore(':memory:')));
  describe.skipIf(PG_SKIP_REASON !== null)('PostgreSQL', () => {
    contract('PostgreSQL', () => {
      const schema = newSchemaName();
      schemas.push(schema);
      return PostgresStore.open(PG_URL, { schema });
    });
  });
});

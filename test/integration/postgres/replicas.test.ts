import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../../src/store/postgres-store.ts';
import { startChild, type Child } from '../schedule/child-process.ts';
import { PG_SKIP_REASON, PG_URL, dropSchema, newSchemaName, queryIn } from './pg-test-db.ts';

const SCRIPT = path.resolve('test/integration/postgres/fixtures/replica-child.ts');

describe.skipIf(PG_SKIP_REASON !== null)('two bot processes on one PostgreSQL', () => {
  let children: Child[] = [];
  const cleanup: (() => Promise<void>)[] = [];

  afterEach(async () => {
    await Promise.all(children.map((c) => c.kill()));
    children = [];
    for (const c of cleanup.splice(0)) await c();
  });

  /** A fresh schema, migrated, with the table the replicas' fake adapter posts to. */
  const setup = async (): Promise<string> => {
    const schema = newSchemaName();
    cleanup.push(() => dropSchema(schema));
    const store = await PostgresStore.open(PG_URL, { schema });
    await store.pool.query(
      'CREATE TABLE posts (id BIGSERIAL PRIMARY KEY, target_id TEXT, scheduled_at TIMESTAMPTZ, digest_id TEXT, replica TEXT)',
    );
    await store.close();
    return schema;
  };
  const spawnReplica = (arg: Record<string, unknown>): Child => {
    const child = startChild(SCRIPT, { url: PG_URL, ...arg });
    children.push(child);
    return child;
  };

  it('race for the same scheduled digests 50 times → exactly 50 posts, no duplicate, no gap', async () => {
    const schema = await setup();
    const dir = mkdtempSync(path.join(tmpdir(), 'race-'));
    cleanup.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
    const goFile = path.join(dir, 'go');
    const base = '2025-03-10T08:00:00.000Z';
    const replicas = ['A', 'B'].map((name) => spawnReplica({ schema, name, mode: 'race', goFile, base, count: 50 }));
    await Promise.all(replicas.map((r) => r.waitFor((l) => l.includes('"ready"'))));
    writeFileSync(goFile, 'go');
    const done = await Promise.all(replicas.map((r) => r.waitFor((l) => l.includes('"done"'), 60_000)));
    expect(await Promise.all(replicas.map((r) => r.exited))).toEqual([0, 0]);

    const posts = await queryIn<{ scheduled_at: Date; digest_id: string; replica: string }>(
      schema,
      'SELECT * FROM posts ORDER BY scheduled_at',
    );
    expect(posts).toHaveLength(50);
    const expected = Array.from({ length: 50 }, (_, i) => new Date(Date.parse(base) + i * 60_000).toISOString());
    expect(posts.map((p) => p.scheduled_at.toISOString())).toEqual(expected); // each instant once, none missing
    expect(new Set(posts.map((p) => p.digest_id)).size).toBe(50);
    const runs = await queryIn<{ state: string; n: string }>(
      schema,
      'SELECT state, count(*) AS n FROM digest_runs GROUP BY state',
    );
    expect(runs).toEqual([{ state: 'posted', n: '50' }]);
    // Every run was decided by exactly one of the two: one posted, the other found it busy or posted.
    const results = done.map((l) => (JSON.parse(l) as { results: Record<string, number> }).results);
    expect(results.reduce((s, r) => s + (r['posted'] ?? 0), 0)).toBe(50);
    expect(results.reduce((s, r) => s + (r['busy'] ?? 0) + (r['already-posted'] ?? 0), 0)).toBe(50);
  });

  it('killing the lease holder → the other replica takes over and posts the next digest, with no duplicate', async () => {
    const schema = await setup();
    const a = spawnReplica({ schema, name: 'A', mode: 'scheduler', leaseTtlMs: 1500 });
    await a.waitFor((l) => l.includes('"leader":true'));
    const b = spawnReplica({ schema, name: 'B', mode: 'scheduler', leaseTtlMs: 1500 });
    await b.waitFor((l) => l.includes('"started"'));
    // A holds the lease and posts every second; B stands by.
    const countBy = async (replica: string, after = new Date(0)): Promise<number> =>
      Number(
        (
          await queryIn<{ n: string }>(
            schema,
            'SELECT count(*) AS n FROM posts WHERE replica = $1 AND scheduled_at > $2',
            [replica, after],
          )
        )[0]?.n,
      );
    const until = async (cond: () => Promise<boolean>, ms: number, what: string): Promise<void> => {
      const end = Date.now() + ms;
      while (!(await cond())) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await until(async () => (await countBy('A')) >= 2, 10_000, 'A to post');
    expect(await countBy('B')).toBe(0);
    expect(b.lines.some((l) => l.includes('"leader":true'))).toBe(false);

    const killedAt = new Date();
    expect(await a.kill('SIGKILL')).toBe('SIGKILL');
    await b.waitFor((l) => l.includes('"leader":true'), 15_000);
    const tookOverIn = Date.now() - killedAt.getTime();
    expect(tookOverIn).toBeLessThan(60_000);
    await until(async () => (await countBy('B', killedAt)) >= 1, 10_000, 'B to post the next digest');

    const dupes = await queryIn(schema, 'SELECT scheduled_at FROM posts GROUP BY scheduled_at HAVING count(*) > 1');
    expect(dupes).toEqual([]);
    // Graceful stop: SIGTERM → the scheduler stops, the lease is released, the store closed, exit 0.
    expect(await b.kill('SIGTERM')).toBe(0);
    expect(await queryIn(schema, `SELECT owner FROM leases WHERE expires_at > now()`)).toEqual([]);
  });
});

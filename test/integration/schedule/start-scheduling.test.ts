import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.ts';
import { silentLogger } from '../../../src/log/logger.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import type { Library } from '../../../src/library/library.ts';
import { LiveLibrary } from '../../../src/schedule/live-library.ts';
import { botPoster } from '../../../src/app/bot-poster.ts';
import { Bot } from '../../../src/bot/bot.ts';
import { digestIdFor } from '../../../src/schedule/delivery.ts';
import { runStoreFor } from '../../../src/app/open-run-store.ts';
import { startScheduling, type Scheduling } from '../../../src/schedule/start-scheduling.ts';
import { FakeAdapter, makeArticle, stubLibrary } from './helpers.ts';

describe('startScheduling (the composition step)', () => {
  let dir: string;
  let running: Scheduling | undefined;
  let store: SqliteStore | undefined;

  afterEach(async () => {
    await running?.stop();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs config targets through botPoster, records the digest under its run id, serves /healthz and /metrics', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sched-'));
    writeFileSync(path.join(dir, 'a.txt'), 'Tariffs\n\nTariffs rose.\n');
    const config = loadConfig({
      env: {},
      configDir: dir,
      overrides: {
        core: { articlesDir: dir, dataDir: dir },
        schedule: {
          targets: [
            { id: 'every-second', platform: 'console', channel: 'console', cron: '* * * * * *', timezone: 'UTC' },
          ],
          leaseTtlSeconds: 3,
          opsPort: 0,
          opsHost: '127.0.0.1',
          watchArticles: 'poll',
        },
      },
    });
    store = new SqliteStore(path.join(dir, 'state.db'));
    let n = 0;
    // One article per load: the first run posts it, later runs find nothing new ("empty", no message).
    const load = (): Promise<Library> =>
      Promise.resolve(stubLibrary([makeArticle('live.txt', `Story ${n++}`, null)]) as Library);
    const live = new LiveLibrary(await load(), load, { log: silentLogger() });
    const adapter = new FakeAdapter('console');
    const bot = new Bot({ library: () => live.get(), store, clock: () => new Date(), log: silentLogger() });
    running = await startScheduling({
      config,
      store,
      runStore: () => runStoreFor(store as SqliteStore),
      adapters: [adapter],
      postDigest: botPoster(bot),
      library: live,
      channels: {},
      log: silentLogger(),
    });
    expect(running.scheduler?.isLeader()).toBe(true);
    const deadline = Date.now() + 5000;
    while (adapter.posts.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const base = `http://127.0.0.1:${running.ops?.port}`;
    const health = (await (await fetch(`${base}/healthz`)).json()) as {
      status: string;
      checks: { scheduler: { detail: { targets: unknown[] } } };
    };
    expect(health.status).toBe('ok');
    expect(health.checks.scheduler.detail.targets).toHaveLength(1);
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(
      /trade_news_digests_posted_total\{target="every-second",platform="console"\} [1-9]/,
    );
    await running.scheduler?.stop();
    expect(adapter.posts.length).toBeGreaterThanOrEqual(1);
    expect((await fetch(`${base}/healthz`)).status).toBe(503); // the scheduler is stopped

    const record = await store.latestDigest('console', 'console');
    const first = adapter.posts[0];
    expect(first?.articleIds).toHaveLength(1);
    const runs = await runStoreFor(store).runsSince('every-second', new Date(0));
    const posted = runs.filter((r) => r.state === 'posted' && r.messageRef !== '');
    expect(adapter.posts).toHaveLength(1);
    expect(posted).toHaveLength(1);
    expect(runs.slice(1).every((r) => r.state === 'posted' && r.messageRef === '' && r.articles.length === 0)).toBe(
      true,
    );
    expect(record?.id).toBe(digestIdFor('every-second', new Date(posted[posted.length - 1]?.scheduledAt ?? 0)));
    expect(adapter.posts.map((p) => p.digestId)).toEqual(posted.map((r) => r.digestId));
    expect(record?.articleIds).toEqual(first?.articleIds);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.ts';
import { silentLogger } from '../../../src/log/logger.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import type { Library } from '../../../src/library/library.ts';
import { LiveLibrary } from '../../../src/schedule/live-library.ts';
import { botPoster } from '../../../src/app/bot-poster.ts';
import { Bot } from '../../../src/bot/bot.ts';
import { startScheduling } from '../../../src/schedule/start-scheduling.ts';
import { feedPoller } from '../../../src/app/feed-poller.ts';
import { runStoreFor } from '../../../src/app/open-run-store.ts';
import { FeedServer, xml } from '../../fakes/feed-server.ts';
import { FakeAdapter, stubLibrary } from '../schedule/helpers.ts';
import { rss } from './feed-fixtures.ts';

/** The bot's wiring: feeds fetched at start, a feed failing N times in a row reported on /healthz and /metrics. */
describe('feed health in the running bot', () => {
  const server = new FeedServer();
  let dir: string;
  beforeAll(async () => {
    await server.start();
    dir = mkdtempSync(path.join(tmpdir(), 'feed-health-'));
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fetches at start, then shows a repeatedly failing feed as degraded (named) and counts it', async () => {
    server.routes.set(
      '/ok',
      xml(() => rss('Working Feed', [{ title: 'Zinc stocks fall', link: 'https://ok.example.test/1' }])),
    );
    server.routes.set('/down', (_req, res) => void res.writeHead(500).end('boom'));
    const articlesDir = path.join(dir, 'articles');
    const config = loadConfig({
      env: {},
      configDir: dir,
      overrides: {
        core: { articlesDir, dataDir: dir },
        schedule: { opsPort: 0, opsHost: '127.0.0.1', watchArticles: 'off' },
        sources: {
          feeds: [{ url: server.url('/ok') }, { url: server.url('/down'), name: 'dead-feed' }],
          feedFailureThreshold: 2,
        },
      },
    });
    const store = new SqliteStore(path.join(dir, 'state.db'));
    let reloads = 0;
    const load = (): Promise<Library> => {
      reloads++;
      return Promise.resolve(stubLibrary([]) as Library);
    };
    const live = new LiveLibrary(await load(), load, { log: silentLogger() });
    const bot = new Bot({ library: () => live.get(), store, clock: () => new Date(), log: silentLogger() });
    const wired = feedPoller(config, store, silentLogger(), live);
    const running = await startScheduling({
      config,
      store,
      adapters: [new FakeAdapter('console')],
      postDigest: botPoster(bot),
      library: live,
      channels: {},
      log: silentLogger(),
      runStore: () => runStoreFor(store),
      ...wired,
    });
    try {
      expect(server.hits('/ok')).toHaveLength(1);
      expect(reloads).toBeGreaterThanOrEqual(2);
      const base = `http://127.0.0.1:${running.ops?.port ?? 0}`;
      const once = (await (await fetch(`${base}/healthz`)).json()) as { status: string };
      expect(once.status).toBe('ok'); // one failure is below the threshold of 2
      await wired.feeds?.pollNow();
      const res = await fetch(`${base}/healthz`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        status: string;
        checks: {
          feeds: { degraded: boolean; detail: { failing: { feed: string; failures: number; error: string }[] } };
        };
      };
      expect(body.status).toBe('degraded');
      expect(body.checks.feeds.detail.failing).toEqual([
        { feed: 'dead-feed', url: server.url('/down'), failures: 2, error: 'HTTP 500 Internal Server Error' },
      ]);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(/^trade_news_feed_failures_total\{feed="dead-feed"\} 2$/m);
      expect(metrics).toMatch(/^trade_news_feed_items_total\{feed="working-feed"\} 1$/m);
      // Still retried: the next round asks the dead feed again.
      await wired.feeds?.pollNow();
      expect(server.hits('/down')).toHaveLength(3);
    } finally {
      await running.stop();
      await store.close();
    }
  });
});

import { loadConfig } from '../config/load.ts';
import { configuredFeeds } from '../config/feeds-section.ts';
import { feedDeps } from '../app/feeds.ts';
import { openStore } from '../app/open-store.ts';
import { feedLine, itemLines, runFeeds } from '../feeds/run-feeds.ts';
import { parseCli, runCli } from './cli.ts';

const USAGE = `Usage: npm run feeds -- [--once]
Fetches every configured feed (sources.feeds in the config file, FEED_URLS in the environment)
once, writes new and edited items under <articlesDir>/feeds/<feed-name>/ and exits, printing one
line per feed: "new N, updated N, unchanged N" or why it was skipped. Exit code 1 when every feed failed.`;

async function main(): Promise<number> {
  const parsed = parseCli(USAGE, { once: { type: 'boolean', default: true } });
  if (parsed === null) return 0;
  const config = loadConfig();
  const feeds = configuredFeeds(config.sources);
  if (feeds.length === 0) {
    process.stdout.write(
      'no feeds configured: add sources.feeds to the config file or set FEED_URLS (see docs/feeds.md)\n',
    );
    return 0;
  }
  const store = await openStore(config);
  try {
    const results = await runFeeds(feeds, feedDeps(config, store));
    for (const r of results) {
      for (const line of itemLines(r)) process.stdout.write(`${line}\n`);
      process.stdout.write(`${feedLine(r)}\n`);
    }
    return results.every((r) => r.outcome === 'failed') ? 1 : 0;
  } finally {
    await store.close();
  }
}

runCli('feeds failed', main);

import { setTimeout as sleep } from 'node:timers/promises';
import { configuredFeeds } from '../config/feeds-section.ts';
import type { Config } from '../config/schema.ts';
import type { RunFeedsDeps } from '../feeds/run-feeds.ts';
import { createLimiter } from '../llm/limit.ts';
import type { StoreBackend } from '../store/backend.ts';
import { feedStateStoreFor } from './feed-state-store.ts';

/** Default lookback of a new feed's first fetch when no digest target sets one (the targets' default). */
const DEFAULT_LOOKBACK_HOURS = 48;

/** Everything a feed fetch needs, from the validated config and the opened state store. */
export function feedDeps(config: Config, store: StoreBackend, now: () => Date = () => new Date()): RunFeedsDeps {
  const s = config.sources;
  const lookbacks = config.schedule.targets.map((t) => t.lookbackHours);
  return {
    articlesDir: config.core.articlesDir,
    store: feedStateStoreFor(store),
    limit: createLimiter(s.feedConcurrency),
    now,
    sleep: (ms) => sleep(ms),
    timeoutMs: s.feedTimeoutSeconds * 1000,
    maxBytes: s.maxFeedBytes,
    lookbackHours: lookbacks.length > 0 ? Math.max(...lookbacks) : DEFAULT_LOOKBACK_HOURS,
    maxRetryWaitMs: 10_000,
  };
}

export { configuredFeeds };

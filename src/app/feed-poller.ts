import { configuredFeeds } from '../config/feeds-section.ts';
import type { Config } from '../config/schema.ts';
import { createFeedMetrics } from '../feeds/feed-metrics.ts';
import { FeedPoller } from '../feeds/feed-poller.ts';
import type { Logger } from '../log/logger.ts';
import type { LiveLibrary } from '../schedule/live-library.ts';
import type { StoreBackend } from '../store/backend.ts';
import { feedDeps } from './feeds.ts';

const metrics = createFeedMetrics();

/** The bot's feed poller when feeds are configured (`{ feeds }` to spread into the scheduling deps), else `{}`. */
export function feedPoller(
  config: Config,
  store: StoreBackend,
  log: Logger,
  library: LiveLibrary,
  tickMs?: number,
): { feeds?: FeedPoller } {
  const feeds = configuredFeeds(config.sources);
  if (feeds.length === 0) return {};
  return {
    feeds: new FeedPoller({
      feeds,
      deps: feedDeps(config, store),
      log: log.child({ component: 'feeds' }),
      metrics,
      failureThreshold: config.sources.feedFailureThreshold,
      ...(tickMs !== undefined ? { tickMs } : {}),
      onWritten: async () => void (await library.reload()),
    }),
  };
}

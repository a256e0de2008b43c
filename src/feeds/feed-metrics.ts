import { registry, type MetricsRegistry } from '../ops/metrics.ts';

/** The feed counters, registered in the process-wide registry served on /metrics. */
export function createFeedMetrics(r: MetricsRegistry = registry) {
  return {
    failures: r.counter(
      'trade_news_feed_failures_total',
      'Feed fetches that failed (network, HTTP status, size cap, malformed feed).',
      ['feed'],
    ),
    items: r.counter(
      'trade_news_feed_items_total',
      'Feed items written to the articles folder (new or rewritten after an edit).',
      ['feed'],
    ),
  };
}

export type FeedMetrics = ReturnType<typeof createFeedMetrics>;

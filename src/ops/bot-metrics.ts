import { registry, type MetricsRegistry } from './metrics.ts';

/**
 * The bot's metrics, in the process-wide registry. Other modules increment them:
 *   botMetrics.llmFallbacks.inc({ reason: 'timeout' });
 *   const done = botMetrics.answerLatency.startTimer({ platform }); …; done();
 */
export function createBotMetrics(r: MetricsRegistry = registry) {
  return {
    digestsPosted: r.counter('trade_news_digests_posted_total', 'Scheduled digests posted.', ['target', 'platform']),
    digestFailures: r.counter(
      'trade_news_digest_failures_total',
      'Scheduled digest posts that failed (retried later).',
      ['target', 'platform'],
    ),
    digestsRecovered: r.counter(
      'trade_news_digests_recovered_total',
      'Interrupted runs found already posted on the platform and marked posted without posting again.',
      ['target', 'platform'],
    ),
    digestsSkipped: r.counter(
      'trade_news_digests_skipped_total',
      'Scheduled runs not posted, by reason (missed, empty).',
      ['target', 'reason'],
    ),
    llmFallbacks: r.counter(
      'trade_news_llm_fallbacks_total',
      'Summaries or answers that fell back from the LLM to the extractive method.',
      ['reason'],
    ),
    answerLatency: r.histogram(
      'trade_news_answer_latency_seconds',
      'Time to answer a command or follow-up question.',
      [0.001, 0.005, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      ['platform'],
    ),
    scheduleLeader: r.gauge('trade_news_schedule_leader', '1 while this replica holds the scheduling lease.'),
    articles: r.gauge('trade_news_articles', 'Articles in the current library.'),
    libraryReloads: r.counter(
      'trade_news_library_reloads_total',
      'Library rebuilds after the articles folder changed.',
      ['result'],
    ),
  };
}

export type BotMetrics = ReturnType<typeof createBotMetrics>;

/** The process-wide instances. */
export const botMetrics: BotMetrics = createBotMetrics();

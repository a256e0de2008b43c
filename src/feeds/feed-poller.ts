/**
 * The bot's feed loop: every feed fetched at start, then again when its interval (or its
 * backoff after failures, or a server's Retry-After) is due. A feed failing `failureThreshold`
 * times in a row is logged once, counted in metrics, and listed by `health()`; it keeps being
 * retried, and its recovery is logged once too. `onWritten` runs after a round that wrote files.
 */
import type { FeedConfig } from '../config/feeds-section.ts';
import type { Logger } from '../log/logger.ts';
import { nextFetchAt } from './backoff.ts';
import type { FeedMetrics } from './feed-metrics.ts';
import { fetchFeed, type FeedResult } from './fetch-feed.ts';
import { feedLine, itemLines, namesInUse, type RunFeedsDeps } from './run-feeds.ts';

export interface FeedPollerOptions {
  readonly feeds: readonly FeedConfig[];
  readonly deps: RunFeedsDeps;
  readonly log: Logger;
  readonly metrics: FeedMetrics;
  readonly failureThreshold: number;
  /** How often due feeds are looked for (default 30 s). */
  readonly tickMs?: number;
  readonly onWritten?: () => Promise<void> | void;
}

export interface FeedHealth {
  readonly ok: boolean;
  /** Feeds failing `failureThreshold` times or more in a row. */
  readonly failing: readonly {
    readonly feed: string;
    readonly url: string;
    readonly failures: number;
    readonly error: string | null;
  }[];
}

export class FeedPoller {
  private timer: NodeJS.Timeout | null = null;
  private readonly running = new Set<string>();
  private readonly failing = new Map<string, FeedResult>();
  private round: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly opts: FeedPollerOptions) {}

  /** Fetch every feed once (awaited), then keep polling. */
  async start(): Promise<void> {
    await this.poll(true);
    this.schedule();
  }

  /** Fetch every feed now, whatever its interval (not while a round is running for it). */
  pollNow(): Promise<void> {
    return this.poll(true);
  }

  health(): FeedHealth {
    const failing = [...this.failing.values()].map((r) => ({
      feed: r.name,
      url: r.url,
      failures: r.state.consecutiveFailures,
      error: r.state.lastError,
    }));
    return { ok: failing.length === 0, failing };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.poll(false).finally(() => this.schedule());
    }, this.opts.tickMs ?? 30_000);
    this.timer.unref();
  }

  private async poll(all: boolean): Promise<void> {
    const { deps, log } = this.opts;
    const now = deps.now().getTime();
    const due: FeedConfig[] = [];
    for (const f of this.opts.feeds) {
      if (this.running.has(f.url)) continue;
      if (all || nextFetchAt(await deps.store.feed(f.url), f.intervalMinutes).getTime() <= now) due.push(f);
    }
    if (due.length === 0) return;
    const names = await namesInUse(this.opts.feeds, deps);
    const results = await Promise.all(
      due.map(async (f) => {
        this.running.add(f.url);
        try {
          return await fetchFeed(f, { ...deps, namesInUse: names });
        } catch (err) {
          log.error({ err, feed: f.url }, 'feed fetch crashed; it is retried on its next interval');
          return null;
        } finally {
          this.running.delete(f.url);
        }
      }),
    );
    let written = 0;
    for (const r of results) {
      if (r === null) continue;
      this.record(r);
      written += r.added + r.updated;
    }
    if (written > 0) await this.opts.onWritten?.();
  }

  private record(r: FeedResult): void {
    const { log, metrics, failureThreshold } = this.opts;
    for (const line of itemLines(r)) log.warn(line);
    if (r.added + r.updated > 0) metrics.items.inc({ feed: r.name }, r.added + r.updated);
    if (r.outcome === 'failed') {
      metrics.failures.inc({ feed: r.name });
      if (r.state.consecutiveFailures === failureThreshold) {
        log.error(
          { feed: r.name, url: r.url, failures: r.state.consecutiveFailures },
          `${feedLine(r)} — failed ${failureThreshold} times in a row; still retried with backoff`,
        );
      } else log.warn(feedLine(r));
      if (r.state.consecutiveFailures >= failureThreshold) this.failing.set(r.url, r);
      return;
    }
    if (r.outcome === 'waiting') return;
    if (this.failing.delete(r.url))
      log.info({ feed: r.name, url: r.url }, `feed ${r.name}: fetched again after failing`);
    log.info(feedLine(r));
  }
}

import type { Config } from '../config/schema.ts';
import type { Logger } from '../log/logger.ts';
import type { StateStore } from '../domain/state-store.ts';
import type { RunStore } from '../domain/run-store.ts';
import { botMetrics } from '../ops/bot-metrics.ts';
import { registry } from '../ops/metrics.ts';
import { startOpsServer, type OpsServer } from '../ops/ops-server.ts';
import { systemClock, type Clock } from './clock.ts';
import type { DigestAdapter, PostDigestFn } from './delivery.ts';
import { watchFolder, type FolderWatcher } from './folder-watcher.ts';
import type { LiveLibrary } from './live-library.ts';
import { Scheduler } from './scheduler.ts';
import { resolveTargets, type DigestChannels } from './targets.ts';
import type { FeedPoller } from '../feeds/feed-poller.ts';

export interface SchedulingDeps {
  readonly config: Config;
  readonly store: StateStore;
  /** Opens the scheduler's run records beside `store`; called only when a target is scheduled. */
  readonly runStore: () => RunStore;
  /** The running chat adapters (one per platform). */
  readonly adapters: readonly DigestAdapter[];
  readonly postDigest: PostDigestFn;
  readonly library: LiveLibrary;
  /** Digest channels for the DIGEST_CRON target, from the platform sections. */
  readonly channels: DigestChannels;
  readonly log: Logger;
  readonly clock?: Clock;
  /** Feed sources: started (first round awaited) before the scheduler, stopped with it. */
  readonly feeds?: FeedPoller;
}

export interface Scheduling {
  /** Null when no target is configured or `schedule.enabled` is false. */
  readonly scheduler: Scheduler | null;
  readonly watcher: FolderWatcher | null;
  readonly ops: OpsServer | null;
  /** Stop the scheduler (finishing or releasing its post, giving up the lease), the watcher and the ops port. */
  stop(): Promise<void>;
}

/**
 * Scheduled delivery from the validated config: digest targets (config file + DIGEST_CRON),
 * the scheduler on the injected RunStore, the articles-folder
 * watcher, and the optional /healthz + /metrics port. Throws ConfigError for a DIGEST_CRON
 * without a channel and Error for a target whose platform has no adapter.
 */
export async function startScheduling(deps: SchedulingDeps): Promise<Scheduling> {
  const { config, log } = deps;
  const s = config.schedule;
  const feeds = deps.feeds;
  if (feeds) {
    await feeds.start();
    await deps.library.reload();
  }
  const targets = resolveTargets(s, deps.channels, {
    defaultTimezone: config.core.timezone,
    digestSize: config.bot.digestSize,
  });
  let scheduler: Scheduler | null = null;
  if (s.enabled && targets.length > 0) {
    scheduler = new Scheduler({
      targets,
      runStore: deps.runStore(),
      adapters: new Map(deps.adapters.map((a) => [a.platform, a])),
      postDigest: deps.postDigest,
      library: () => deps.library.get(),
      versions: deps.library.versions,
      clock: deps.clock ?? systemClock,
      log: log.child({ component: 'scheduler' }),
      metrics: botMetrics,
      leaseTtlMs: s.leaseTtlSeconds * 1000,
      ...(s.replicaId !== undefined ? { replicaId: s.replicaId } : {}),
    });
    await scheduler.start();
  } else {
    log.info(
      s.enabled
        ? 'no digest targets configured (schedule.targets or DIGEST_CRON): no scheduled digests'
        : 'scheduled digests disabled on this replica',
    );
  }

  const watcher =
    s.watchArticles === 'off'
      ? null
      : await watchFolder({
          dir: config.core.articlesDir,
          mode: s.watchArticles,
          debounceMs: s.watchDebounceMs,
          pollMs: s.watchPollSeconds * 1000,
          log,
          onChange: async () => void (await deps.library.reload()),
        }).catch((err: unknown) => {
          log.warn(
            { err, dir: config.core.articlesDir },
            'cannot watch the articles folder; new articles need a restart',
          );
          return null;
        });

  const ops =
    s.opsPort === undefined
      ? null
      : await startOpsServer({
          port: s.opsPort,
          host: s.opsHost,
          registry,
          checks: {
            store: async () => ({
              ok: await deps.store.latestDigest('healthz').then(
                () => true,
                () => false,
              ),
            }),
            scheduler: () => ({
              ok: scheduler === null || scheduler.status().running,
              detail: scheduler?.status() ?? 'disabled',
            }),
            ...(feeds ? { feeds: () => feedsHealth(feeds) } : {}),
          },
        });
  if (ops) log.info({ port: ops.port }, 'ops endpoints: /healthz and /metrics');

  return {
    scheduler,
    watcher,
    ops,
    stop: async () => {
      await scheduler?.stop();
      await feeds?.stop();
      watcher?.close();
      await ops?.close();
    },
  };
}

/** Failing feeds leave the bot serving: /healthz says "degraded" and names them. */
function feedsHealth(feeds: FeedPoller): { ok: boolean; degraded: boolean; detail: unknown } {
  const h = feeds.health();
  return { ok: true, degraded: !h.ok, detail: h.ok ? 'all feeds fetched' : { failing: h.failing } };
}

import type { Library } from '../library/library.ts';
import type { Logger } from '../log/logger.ts';
import type { BotMetrics } from '../ops/bot-metrics.ts';
import type { VersionInfo } from './article-versions.ts';
import type { Clock } from './clock.ts';
import { digestIdFor, type DigestAdapter, type PostDigestFn } from './delivery.ts';
import type { PostedArticle, RunRecord, RunStore } from '../domain/run-store.ts';
import { selectArticles } from './select-articles.ts';
import type { DigestTarget } from './targets.ts';

/** What a scheduled run reads from the library. */
export type DigestLibrary = Pick<Library, 'articles' | 'item' | 'latest'>;

export interface RunDeps {
  readonly runStore: RunStore;
  readonly postDigest: PostDigestFn;
  readonly library: () => DigestLibrary;
  readonly clock: Clock;
  readonly log: Logger;
  /** Unique per process: claims and the lease are held in this name. */
  readonly owner: string;
  /** A claim not marked posted within this time may be taken over by anyone. */
  readonly claimTtlMs: number;
  /** Scheduling lease name: its holder takes over claims of processes that lost it. */
  readonly lease?: string;
  /** Checked just before posting; false (e.g. the lease was lost) → the claim is released. */
  readonly mayPost?: () => boolean;
  readonly versions?: VersionInfo;
  readonly metrics?: BotMetrics;
  /** Called when an interrupted run was found already posted (record the digest's thread, say). */
  readonly onRecovered?: (target: DigestTarget, run: RunRecord, messageId: string) => Promise<void>;
}

export type RunResult =
  | 'posted'
  /** A previous attempt had posted it; marked posted without posting again. */
  | 'recovered'
  | 'already-posted'
  /** Another live process holds the claim. */
  | 'busy'
  /** Nothing new for this target: recorded as done without a message. */
  | 'empty'
  /** The post failed; the claim was released for a retry. */
  | 'failed'
  /** `mayPost` said no; the claim was released. */
  | 'not-leader';

/**
 * One scheduled digest, exactly once per (target, scheduled time):
 * claim the run (unique key) → if an earlier attempt was interrupted, ask the adapter whether
 * it was posted (`findPosted`) → choose the articles → post with the run's deterministic
 * digest id → mark posted with the message reference. Failures release the claim.
 */
export async function runDigest(
  deps: RunDeps,
  target: DigestTarget,
  adapter: DigestAdapter,
  scheduledAt: Date,
): Promise<RunResult> {
  const digestId = digestIdFor(target.id, scheduledAt);
  const log = deps.log.child({ target: target.id, scheduledAt: scheduledAt.toISOString(), digestId });
  const labels = { target: target.id, platform: target.platform };
  const claim = await deps.runStore.claimRun({
    targetId: target.id,
    scheduledAt,
    digestId,
    owner: deps.owner,
    now: deps.clock.now(),
    claimTtlMs: deps.claimTtlMs,
    ...(deps.lease !== undefined ? { lease: deps.lease } : {}),
  });
  if (claim.kind === 'posted') return 'already-posted';
  if (claim.kind === 'busy') {
    log.debug({ holder: claim.run.owner }, 'run claimed by another process');
    return 'busy';
  }
  const release = async (): Promise<void> => {
    await deps.runStore
      .releaseRun(target.id, scheduledAt, deps.owner)
      .catch((err: unknown) => log.warn({ err }, 'could not release run'));
  };
  let postedId: string | undefined;
  try {
    const library = deps.library();
    const [lastPosted, recentRuns] = await Promise.all([
      deps.runStore.lastPosted(target.id),
      deps.runStore.runsSince(target.id, new Date(scheduledAt.getTime() - 2 * target.lookbackMs)),
    ]);
    const selection = selectArticles({
      target,
      scheduledAt,
      articles: library.latest(library.articles.length),
      lastPosted: lastPosted && Date.parse(lastPosted.scheduledAt) < scheduledAt.getTime() ? lastPosted : null,
      recentRuns: recentRuns.filter((r) => Date.parse(r.scheduledAt) < scheduledAt.getTime()),
      ...(deps.versions ? { versions: deps.versions } : {}),
    });
    const articles: PostedArticle[] = selection.articleIds.map((id) => ({
      id,
      file: library.item(id)?.article.file ?? '',
    }));

    if (claim.resumed && adapter.findPosted) {
      const found = await adapter.findPosted(target.channel, digestId);
      if (found) {
        await deps.runStore.markPosted({
          targetId: target.id,
          scheduledAt,
          messageRef: found.messageId,
          articles,
          now: deps.clock.now(),
        });
        deps.metrics?.digestsRecovered.inc(labels);
        log.info({ messageId: found.messageId }, 'interrupted run was already posted; marked posted');
        await deps.onRecovered?.(target, claim.run, found.messageId);
        return 'recovered';
      }
    }
    if (selection.articleIds.length === 0) {
      await deps.runStore.markPosted({
        targetId: target.id,
        scheduledAt,
        messageRef: '',
        articles: [],
        now: deps.clock.now(),
      });
      deps.metrics?.digestsSkipped.inc({ target: target.id, reason: 'empty' });
      log.info('no new articles for this target: nothing posted');
      return 'empty';
    }
    if (deps.mayPost && !deps.mayPost()) {
      await release();
      log.warn('lost the scheduling lease before posting: left to the new holder');
      return 'not-leader';
    }
    const posted = await deps.postDigest(adapter, target.channel, selection.articleIds, digestId, {
      updatedIds: selection.updatedIds,
      target,
      scheduledAt,
    });
    postedId = posted.messageId;
    await deps.runStore.markPosted({
      targetId: target.id,
      scheduledAt,
      messageRef: posted.messageId,
      articles,
      now: deps.clock.now(),
    });
    deps.metrics?.digestsPosted.inc(labels);
    log.info(
      { messageId: posted.messageId, articles: articles.length, updated: selection.updatedIds.length },
      'scheduled digest posted',
    );
    return 'posted';
  } catch (err) {
    if (postedId !== undefined) {
      // Posted but not recorded: keep the claim so a retry goes through `findPosted`, not a blind re-post.
      log.error({ err, messageId: postedId }, 'digest posted but the run could not be marked posted');
      deps.metrics?.digestsPosted.inc(labels);
      return 'posted';
    }
    deps.metrics?.digestFailures.inc(labels);
    log.error({ err }, 'scheduled digest failed; claim released for a retry');
    await release();
    return 'failed';
  }
}

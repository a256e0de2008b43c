import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../log/logger.ts';
import type { BotMetrics } from '../ops/bot-metrics.ts';
import type { VersionInfo } from './article-versions.ts';
import { systemClock, type Clock } from './clock.ts';
import type { DigestAdapter, PostDigestFn } from './delivery.ts';
import { LeaseKeeper } from './lease.ts';
import { decideDue } from './missed-run.ts';
import { nextOccurrence } from './occurrences.ts';
import { runDigest, type DigestLibrary, type RunDeps, type RunResult } from './run-digest.ts';
import type { RunStore } from '../domain/run-store.ts';
import type { DigestTarget } from './targets.ts';

export interface SchedulerDeps {
  readonly targets: readonly DigestTarget[];
  readonly runStore: RunStore;
  /** Running adapters by platform (`adapter.platform`). */
  readonly adapters: ReadonlyMap<string, DigestAdapter>;
  readonly postDigest: PostDigestFn;
  readonly library: () => DigestLibrary;
  readonly log: Logger;
  readonly clock?: Clock;
  readonly versions?: VersionInfo;
  readonly metrics?: BotMetrics;
  /** Replica name (default: host name); the owner id adds the pid and a random suffix. */
  readonly replicaId?: string;
  /** Elect one replica to run schedules through a lease (default true). */
  readonly useLease?: boolean;
  readonly leaseName?: string;
  /** Default 20 s: a dead holder's lease passes on within ~27 s. */
  readonly leaseTtlMs?: number;
  /** A claim not marked posted within this may be taken over by anyone (default 10 min). */
  readonly claimTtlMs?: number;
  /** A run this late still counts as on time, whatever the missed-run policy (default 5 min). */
  readonly lateToleranceMs?: number;
  /** Wait before retrying a failed post; doubles per attempt (default 60 s). */
  readonly retryDelayMs?: number;
  /** Attempts per run before giving up (default 5). */
  readonly maxAttempts?: number;
  /** Longest sleep between checks (default 60 s), so clock jumps and retries are noticed. */
  readonly maxSleepMs?: number;
  readonly onRecovered?: RunDeps['onRecovered'];
  /** Every run's outcome (tests, logs). */
  readonly onRun?: (target: DigestTarget, scheduledAt: Date, result: RunResult | 'skipped-missed') => void;
}

interface TargetState {
  /** Latest scheduled instant dealt with (posted, skipped or given up). */
  handled: number;
  retryAt: number;
  attempts: number;
  last?: string;
}

export interface SchedulerStatus {
  readonly owner: string;
  readonly running: boolean;
  readonly leader: boolean;
  readonly lastTickAt: string | null;
  readonly targets: readonly {
    readonly id: string;
    readonly nextRun: string | null;
    readonly lastResult: string | null;
  }[];
}

/**
 * Runs the digest targets: a timer loop over the pure occurrence functions, on an injected
 * clock. Only the lease holder posts (any replica may answer commands). Each tick deals with
 * every target's latest due instant: on time → run it; missed (process down or no holder for
 * longer than the late tolerance) → the target's policy: `catch-up` within the grace period
 * posts once, `skip` posts nothing. Runs go through `runDigest`, exactly once per instant.
 */
export class Scheduler {
  readonly owner: string;
  private readonly clock: Clock;
  private readonly lease: LeaseKeeper | undefined;
  private readonly state = new Map<string, TargetState>();
  private timer: unknown;
  private running = false;
  private ticking: Promise<void> | null = null;
  private again = false;
  private lastTick: number | null = null;

  constructor(private readonly deps: SchedulerDeps) {
    this.clock = deps.clock ?? systemClock;
    this.owner = `${deps.replicaId ?? hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    for (const t of deps.targets) this.state.set(t.id, { handled: -Infinity, retryAt: -Infinity, attempts: 0 });
    if (deps.useLease !== false) {
      this.lease = new LeaseKeeper({
        runStore: deps.runStore,
        name: deps.leaseName ?? 'digest-scheduler',
        owner: this.owner,
        ttlMs: deps.leaseTtlMs ?? 20_000,
        clock: this.clock,
        log: deps.log,
        onChange: (leader) => {
          deps.metrics?.scheduleLeader.set(leader ? 1 : 0);
          if (leader) void this.tick();
        },
      });
    }
  }

  /** Check every target has an adapter, take part in the lease, and run the first check (catch-up). */
  async start(): Promise<void> {
    for (const t of this.deps.targets) {
      if (!this.deps.adapters.has(t.platform)) {
        throw new Error(
          `schedule target "${t.id}" posts to ${t.platform}, but no ${t.platform} adapter is running: configure ${t.platform} or remove the target`,
        );
      }
    }
    this.running = true;
    this.deps.log.info({ owner: this.owner, targets: this.deps.targets.map((t) => t.id) }, 'scheduler started');
    await this.lease?.start();
    await this.tick();
  }

  /** Stop the loop; a post in progress finishes (up to `timeoutMs`), then the lease is released. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.running = false;
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    if (this.ticking) {
      let timeout: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([this.ticking, new Promise<void>((resolve) => (timeout = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timeout);
    }
    await this.lease?.stop();
    this.deps.log.info('scheduler stopped');
  }

  isLeader(): boolean {
    return this.lease ? this.lease.isLeader() : true;
  }

  status(): SchedulerStatus {
    const now = this.clock.now();
    return {
      owner: this.owner,
      running: this.running,
      leader: this.isLeader(),
      lastTickAt: this.lastTick === null ? null : new Date(this.lastTick).toISOString(),
      targets: this.deps.targets.map((t) => ({
        id: t.id,
        nextRun: nextOccurrence(t.cron, t.timezone, now)?.toISOString() ?? null,
        lastResult: this.state.get(t.id)?.last ?? null,
      })),
    };
  }

  /** One pass over the targets; concurrent calls are folded into one extra pass. */
  tick(): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (this.ticking) {
      this.again = true;
      return this.ticking;
    }
    this.ticking = (async () => {
      do {
        this.again = false;
        await this.pass().catch((err: unknown) => this.deps.log.error({ err }, 'scheduler pass failed'));
      } while (this.again && this.running);
    })().finally(() => {
      this.ticking = null;
      this.arm();
    });
    return this.ticking;
  }

  private async pass(): Promise<void> {
    this.lastTick = this.clock.now().getTime();
    if (!this.isLeader()) return;
    for (const target of this.deps.targets) {
      if (!this.running || !this.isLeader()) return;
      await this.runTarget(target);
    }
  }

  private async runTarget(target: DigestTarget): Promise<void> {
    const st = this.state.get(target.id) as TargetState;
    const now = this.clock.now();
    if (now.getTime() < st.retryAt) return;
    const decision = decideDue(target, now, st.handled, this.deps.lateToleranceMs ?? 300_000);
    if (decision.kind === 'none') return;
    const due = decision.scheduledAt;
    if (decision.kind === 'skip') {
      this.done(st, due.getTime(), 'skipped-missed');
      this.deps.metrics?.digestsSkipped.inc({ target: target.id, reason: 'missed' });
      this.deps.log.info(
        { target: target.id, scheduledAt: due.toISOString(), reason: decision.reason },
        'missed run not posted',
      );
      this.deps.onRun?.(target, due, 'skipped-missed');
      return;
    }
    const result = await runDigest(
      this.runDeps(),
      target,
      this.deps.adapters.get(target.platform) as DigestAdapter,
      due,
    );
    this.deps.onRun?.(target, due, result);
    st.last = result;
    switch (result) {
      case 'posted':
      case 'recovered':
      case 'already-posted':
      case 'empty':
        this.done(st, due.getTime(), result);
        return;
      case 'not-leader':
        return;
      case 'busy':
        st.retryAt = this.clock.now().getTime() + Math.min(this.deps.retryDelayMs ?? 60_000, 15_000);
        return;
      case 'failed':
        st.attempts += 1;
        if (st.attempts >= (this.deps.maxAttempts ?? 5)) {
          this.deps.log.error(
            { target: target.id, scheduledAt: due.toISOString(), attempts: st.attempts },
            'giving up on this run',
          );
          this.done(st, due.getTime(), 'failed');
          return;
        }
        st.retryAt = this.clock.now().getTime() + (this.deps.retryDelayMs ?? 60_000) * 2 ** (st.attempts - 1);
    }
  }

  private done(st: TargetState, scheduled: number, result: string): void {
    st.handled = scheduled;
    st.attempts = 0;
    st.retryAt = -Infinity;
    st.last = result;
  }

  private runDeps(): RunDeps {
    const d = this.deps;
    return {
      runStore: d.runStore,
      postDigest: d.postDigest,
      library: d.library,
      clock: this.clock,
      log: d.log,
      owner: this.owner,
      claimTtlMs: d.claimTtlMs ?? 600_000,
      mayPost: () => this.running && this.isLeader(),
      ...(this.lease ? { lease: d.leaseName ?? 'digest-scheduler' } : {}),
      ...(d.versions ? { versions: d.versions } : {}),
      ...(d.metrics ? { metrics: d.metrics } : {}),
      ...(d.onRecovered ? { onRecovered: d.onRecovered } : {}),
    };
  }

  /** Sleep until the next occurrence or retry, at most `maxSleepMs`. */
  private arm(): void {
    if (!this.running) return;
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    const now = this.clock.now();
    let wake = now.getTime() + (this.deps.maxSleepMs ?? 60_000);
    for (const t of this.deps.targets) {
      const next = nextOccurrence(t.cron, t.timezone, now);
      if (next) wake = Math.min(wake, next.getTime());
      const st = this.state.get(t.id);
      if (st && st.retryAt > now.getTime()) wake = Math.min(wake, st.retryAt);
    }
    this.timer = this.clock.setTimer(() => this.tick(), Math.max(0, wake - now.getTime()));
  }
}

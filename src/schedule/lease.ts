import type { Logger } from '../log/logger.ts';
import type { Clock } from './clock.ts';
import type { RunStore } from '../domain/run-store.ts';

export interface LeaseOptions {
  readonly runStore: RunStore;
  readonly name: string;
  readonly owner: string;
  /** Lease lifetime; renewed every third of it. A dead holder's lease passes on within ~ttl + ttl/3. */
  readonly ttlMs: number;
  readonly clock: Clock;
  readonly log: Logger;
  /** Called when this process gains (true) or loses (false) the lease. */
  readonly onChange?: (leader: boolean) => void;
}

/**
 * Keeps (or keeps trying to get) the scheduling lease: a row with an expiry in the run store.
 * The holder renews it every ttl/3; others try to take it at the same pace, and succeed once
 * it has expired. Leadership is trusted locally only until the last successful renewal plus
 * ttl minus a safety margin, so a holder cut off from the database stops before another
 * replica can take over.
 */
export class LeaseKeeper {
  private leader = false;
  private validUntil = 0;
  private timer: unknown;
  private stopped = true;
  private busy: Promise<void> = Promise.resolve();

  constructor(private readonly opts: LeaseOptions) {}

  get owner(): string {
    return this.opts.owner;
  }

  /** True while we hold the lease and its local validity has not run out. */
  isLeader(): boolean {
    return this.leader && this.opts.clock.now().getTime() < this.validUntil;
  }

  /** First attempt now, then every ttl/3. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.step();
  }

  /** Stop renewing and give the lease up so another replica takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) this.opts.clock.clearTimer(this.timer);
    this.timer = undefined;
    await this.busy;
    if (this.leader) {
      await this.opts.runStore.releaseLease(this.opts.name, this.opts.owner).catch(() => undefined);
      this.set(false);
    }
  }

  private set(leader: boolean): void {
    if (leader === this.leader) return;
    this.leader = leader;
    this.opts.log.info(
      { lease: this.opts.name, owner: this.opts.owner },
      leader ? 'scheduling lease acquired' : 'scheduling lease lost',
    );
    this.opts.onChange?.(leader);
  }

  private step(): Promise<void> {
    this.busy = this.attempt().finally(() => {
      if (this.stopped) return;
      this.timer = this.opts.clock.setTimer(() => this.step(), Math.max(1, Math.floor(this.opts.ttlMs / 3)));
    });
    return this.busy;
  }

  private async attempt(): Promise<void> {
    const { runStore, name, owner, ttlMs, clock } = this.opts;
    const now = clock.now();
    try {
      let held = this.leader && (await runStore.renewLease(name, owner, ttlMs, now));
      if (!held) held = await runStore.acquireLease(name, owner, ttlMs, now);
      if (this.stopped) {
        if (held) await runStore.releaseLease(name, owner);
        return;
      }
      if (held) this.validUntil = now.getTime() + ttlMs - Math.floor(ttlMs / 6);
      this.set(held);
    } catch (err) {
      this.opts.log.warn({ err, lease: name }, 'lease renewal failed');
      if (!this.isLeader()) this.set(false);
    }
  }
}

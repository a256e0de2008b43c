/**
 * A circuit breaker: after `threshold` consecutive failed requests it opens and refuses
 * every call for `cooldownMs`; then it lets one trial request through (half-open):
 * success closes it, failure opens it again for another cool-down.
 */

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  readonly threshold: number;
  readonly cooldownMs: number;
  /** Epoch ms (injected for tests). */
  readonly now: () => number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;
  /** Times the breaker opened (for logs and tests). */
  opened = 0;
  /** Calls refused while open. */
  refused = 0;

  constructor(private readonly opts: BreakerOptions) {}

  get state(): BreakerState {
    if (this.openedAt === null) return 'closed';
    return this.opts.now() - this.openedAt >= this.opts.cooldownMs ? 'half-open' : 'open';
  }

  /** Closed and the last request succeeded (or none failed yet): safe to send many at once. */
  get healthy(): boolean {
    return this.openedAt === null && this.failures === 0;
  }

  /** Milliseconds until an open breaker allows a trial (0 when not open). */
  get retryInMs(): number {
    if (this.openedAt === null) return 0;
    return Math.max(0, this.openedAt + this.opts.cooldownMs - this.opts.now());
  }

  /** May a request go out now? In half-open state only one trial at a time is allowed. */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'half-open' && !this.trialInFlight) {
      this.trialInFlight = true;
      return true;
    }
    this.refused++;
    return false;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  failure(): void {
    this.failures++;
    const trialFailed = this.trialInFlight;
    this.trialInFlight = false;
    if (trialFailed || (this.openedAt === null && this.failures >= this.opts.threshold)) {
      this.openedAt = this.opts.now();
      this.opened++;
    }
  }
}

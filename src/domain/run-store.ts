/**
 * Durable records of scheduled digest runs and the scheduling lease. Implemented for
 * SQLite (src/store/sqlite-run-store.ts) and PostgreSQL (src/store/postgres-run-store.ts);
 * both pass the same contract tests. Times are passed in by the caller's clock.
 *
 * A run is keyed by (target id, scheduled instant). Its life:
 *   claimed ──post──▶ posted
 *      │  └─failure─▶ released ──claim again──▶ claimed
 *      └─ holder died ─▶ claimed by someone else (its claim expired, or they hold the lease)
 */

export type RunState = 'claimed' | 'posted' | 'released';

/** An article as posted: its id and file, so a later version of the same file is recognised. */
export interface PostedArticle {
  readonly id: string;
  readonly file: string;
}

export interface RunRecord {
  readonly targetId: string;
  /** The scheduled instant, ISO (UTC, ms precision). */
  readonly scheduledAt: string;
  /** Deterministic id of the digest this run posts (see digest-id.ts). */
  readonly digestId: string;
  readonly state: RunState;
  /** Who holds (or last held) the claim. */
  readonly owner: string;
  /** Claims made on this run so far (1 for a run claimed once). */
  readonly attempts: number;
  readonly claimedAt: string;
  /** A claim older than this may be taken over by anyone. */
  readonly claimExpiresAt: string;
  /** The platform's reference of the posted message (Slack ts, Discord message id). */
  readonly messageRef: string | null;
  readonly postedAt: string | null;
  readonly articles: readonly PostedArticle[];
}

export interface ClaimRequest {
  readonly targetId: string;
  readonly scheduledAt: Date;
  readonly digestId: string;
  readonly owner: string;
  readonly now: Date;
  /** How long the claim holds against others (they may take it over after). */
  readonly claimTtlMs: number;
  /**
   * Lease name: when `owner` holds this lease, claims by anyone else are taken over
   * (their holder lost the lease, so it is dead or must stop posting).
   */
  readonly lease?: string;
}

export type ClaimOutcome =
  /** Ours to post. `resumed`: someone (maybe an earlier incarnation of us) claimed it before and did not mark it posted. */
  | { readonly kind: 'claimed'; readonly run: RunRecord; readonly resumed: boolean }
  /** Already posted: nothing to do. */
  | { readonly kind: 'posted'; readonly run: RunRecord }
  /** Someone else holds a live claim. */
  | { readonly kind: 'busy'; readonly run: RunRecord };

export interface MarkPosted {
  readonly targetId: string;
  readonly scheduledAt: Date;
  readonly messageRef: string;
  readonly articles: readonly PostedArticle[];
  readonly now: Date;
}

export interface LeaseHolder {
  readonly owner: string;
  readonly expiresAt: string;
  /** Increases every time the lease changes hands. */
  readonly epoch: number;
}

export interface RunStore {
  readonly kind: string;
  claimRun(req: ClaimRequest): Promise<ClaimOutcome>;
  /** Record the post. False when the run was already marked posted (the first mark wins). */
  markPosted(req: MarkPosted): Promise<boolean>;
  /** Give a claim back after a failed post so it can be retried; only the holder can. */
  releaseRun(targetId: string, scheduledAt: Date, owner: string): Promise<boolean>;
  findRun(targetId: string, scheduledAt: Date): Promise<RunRecord | null>;
  /** The target's most recent posted run (by scheduled time). */
  lastPosted(targetId: string): Promise<RunRecord | null>;
  /** The target's runs scheduled at or after `since`, oldest first. */
  runsSince(targetId: string, since: Date): Promise<RunRecord[]>;

  /** Take the lease if it is free, expired or already ours; true when we hold it afterwards. */
  acquireLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Extend our unexpired lease; false when it is no longer ours (stop acting as holder). */
  renewLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean>;
  releaseLease(name: string, owner: string): Promise<void>;
  leaseHolder(name: string, now: Date): Promise<LeaseHolder | null>;
}

/**
 * Whether `req.owner` may claim a run that already has a row (shared by the backends).
 * Posted runs are final; otherwise a claim is taken over when it was released, is ours,
 * has expired, or we hold the scheduling lease (the previous holder lost it).
 */
export function mayClaim(run: RunRecord, req: ClaimRequest, ownerHoldsLease: boolean): boolean {
  if (run.state === 'posted') return false;
  return (
    run.state === 'released' ||
    run.owner === req.owner ||
    Date.parse(run.claimExpiresAt) <= req.now.getTime() ||
    ownerHoldsLease
  );
}

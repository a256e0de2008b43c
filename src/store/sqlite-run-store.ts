import type Database from 'better-sqlite3';
import {
  mayClaim,
  type ClaimOutcome,
  type ClaimRequest,
  type LeaseHolder,
  type MarkPosted,
  type PostedArticle,
  type RunRecord,
  type RunState,
  type RunStore,
} from '../domain/run-store.ts';

interface RunRow {
  target_id: string;
  scheduled_at: string;
  digest_id: string;
  state: RunState;
  owner: string;
  attempts: number;
  claimed_at: number;
  claim_expires_at: number;
  message_ref: string | null;
  posted_at: number | null;
  articles: string;
}

interface LeaseRow {
  name: string;
  owner: string;
  expires_at: number;
  epoch: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function toRun(r: RunRow): RunRecord {
  return {
    targetId: r.target_id,
    scheduledAt: r.scheduled_at,
    digestId: r.digest_id,
    state: r.state,
    owner: r.owner,
    attempts: r.attempts,
    claimedAt: iso(r.claimed_at),
    claimExpiresAt: iso(r.claim_expires_at),
    messageRef: r.message_ref,
    postedAt: r.posted_at === null ? null : iso(r.posted_at),
    articles: JSON.parse(r.articles) as PostedArticle[],
  };
}

/**
 * Run records and the lease in the embedded SQLite file (tables from migration 2 in
 * sqlite-migrations.ts). Every read-modify-write runs in an IMMEDIATE transaction, so
 * separate processes on the same file (a restart, a CLI) are serialised by SQLite's lock.
 */
export class SqliteRunStore implements RunStore {
  readonly kind = 'sqlite';

  /** `db`: an open database with the migrations applied, e.g. `SqliteStore.db`. */
  constructor(private readonly db: Database.Database) {}

  private row(targetId: string, scheduledAt: string): RunRow | undefined {
    return this.db
      .prepare('SELECT * FROM digest_runs WHERE target_id = ? AND scheduled_at = ?')
      .get(targetId, scheduledAt) as RunRow | undefined;
  }

  private holds(lease: string, owner: string, now: number): boolean {
    return (
      this.db.prepare('SELECT 1 FROM leases WHERE name = ? AND owner = ? AND expires_at > ?').get(lease, owner, now) !==
      undefined
    );
  }

  claimRun(req: ClaimRequest): Promise<ClaimOutcome> {
    const key = req.scheduledAt.toISOString();
    const now = req.now.getTime();
    const claim = this.db.transaction((): ClaimOutcome => {
      const existing = this.row(req.targetId, key);
      if (!existing) {
        this.db
          .prepare(
            `INSERT INTO digest_runs (target_id, scheduled_at, digest_id, state, owner, attempts, claimed_at, claim_expires_at)
             VALUES (?, ?, ?, 'claimed', ?, 1, ?, ?)`,
          )
          .run(req.targetId, key, req.digestId, req.owner, now, now + req.claimTtlMs);
        return { kind: 'claimed', run: toRun(this.row(req.targetId, key) as RunRow), resumed: false };
      }
      const run = toRun(existing);
      if (run.state === 'posted') return { kind: 'posted', run };
      const lease = req.lease !== undefined && this.holds(req.lease, req.owner, now);
      if (!mayClaim(run, req, lease)) return { kind: 'busy', run };
      this.db
        .prepare(
          `UPDATE digest_runs SET state = 'claimed', owner = ?, attempts = attempts + 1, claimed_at = ?, claim_expires_at = ?
           WHERE target_id = ? AND scheduled_at = ?`,
        )
        .run(req.owner, now, now + req.claimTtlMs, req.targetId, key);
      return { kind: 'claimed', run: toRun(this.row(req.targetId, key) as RunRow), resumed: true };
    });
    return Promise.resolve(claim.immediate());
  }

  markPosted(req: MarkPosted): Promise<boolean> {
    const info = this.db
      .prepare(
        `UPDATE digest_runs SET state = 'posted', message_ref = ?, posted_at = ?, articles = ?
         WHERE target_id = ? AND scheduled_at = ? AND state != 'posted'`,
      )
      .run(
        req.messageRef,
        req.now.getTime(),
        JSON.stringify(req.articles),
        req.targetId,
        req.scheduledAt.toISOString(),
      );
    return Promise.resolve(info.changes === 1);
  }

  releaseRun(targetId: string, scheduledAt: Date, owner: string): Promise<boolean> {
    const info = this.db
      .prepare(
        `UPDATE digest_runs SET state = 'released' WHERE target_id = ? AND scheduled_at = ? AND owner = ? AND state = 'claimed'`,
      )
      .run(targetId, scheduledAt.toISOString(), owner);
    return Promise.resolve(info.changes === 1);
  }

  findRun(targetId: string, scheduledAt: Date): Promise<RunRecord | null> {
    const r = this.row(targetId, scheduledAt.toISOString());
    return Promise.resolve(r ? toRun(r) : null);
  }

  lastPosted(targetId: string): Promise<RunRecord | null> {
    const r = this.db
      .prepare(`SELECT * FROM digest_runs WHERE target_id = ? AND state = 'posted' ORDER BY scheduled_at DESC LIMIT 1`)
      .get(targetId) as RunRow | undefined;
    return Promise.resolve(r ? toRun(r) : null);
  }

  runsSince(targetId: string, since: Date): Promise<RunRecord[]> {
    const rows = this.db
      .prepare('SELECT * FROM digest_runs WHERE target_id = ? AND scheduled_at >= ? ORDER BY scheduled_at')
      .all(targetId, since.toISOString()) as RunRow[];
    return Promise.resolve(rows.map(toRun));
  }

  acquireLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    const t = now.getTime();
    const acquire = this.db.transaction((): boolean => {
      const row = this.db.prepare('SELECT * FROM leases WHERE name = ?').get(name) as LeaseRow | undefined;
      if (!row) {
        this.db
          .prepare('INSERT INTO leases (name, owner, expires_at, epoch) VALUES (?, ?, ?, 1)')
          .run(name, owner, t + ttlMs);
        return true;
      }
      if (row.owner === owner && row.expires_at > t) {
        this.db.prepare('UPDATE leases SET expires_at = ? WHERE name = ?').run(t + ttlMs, name);
        return true;
      }
      if (row.expires_at > t) return false;
      this.db
        .prepare('UPDATE leases SET owner = ?, expires_at = ?, epoch = epoch + 1 WHERE name = ?')
        .run(owner, t + ttlMs, name);
      return true;
    });
    return Promise.resolve(acquire.immediate());
  }

  renewLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    const t = now.getTime();
    const info = this.db
      .prepare('UPDATE leases SET expires_at = ? WHERE name = ? AND owner = ? AND expires_at > ?')
      .run(t + ttlMs, name, owner, t);
    return Promise.resolve(info.changes === 1);
  }

  releaseLease(name: string, owner: string): Promise<void> {
    this.db.prepare('UPDATE leases SET expires_at = 0 WHERE name = ? AND owner = ?').run(name, owner);
    return Promise.resolve();
  }

  leaseHolder(name: string, now: Date): Promise<LeaseHolder | null> {
    const row = this.db.prepare('SELECT * FROM leases WHERE name = ? AND expires_at > ?').get(name, now.getTime()) as
      | LeaseRow
      | undefined;
    return Promise.resolve(row ? { owner: row.owner, expiresAt: iso(row.expires_at), epoch: row.epoch } : null);
  }
}

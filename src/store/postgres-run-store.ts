import type pg from 'pg';
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
  scheduled_at: Date;
  digest_id: string;
  state: RunState;
  owner: string;
  attempts: number;
  claimed_at: Date;
  claim_expires_at: Date;
  message_ref: string | null;
  posted_at: Date | null;
  articles: PostedArticle[];
}

function toRun(r: RunRow): RunRecord {
  return {
    targetId: r.target_id,
    scheduledAt: r.scheduled_at.toISOString(),
    digestId: r.digest_id,
    state: r.state,
    owner: r.owner,
    attempts: r.attempts,
    claimedAt: r.claimed_at.toISOString(),
    claimExpiresAt: r.claim_expires_at.toISOString(),
    messageRef: r.message_ref,
    postedAt: r.posted_at === null ? null : r.posted_at.toISOString(),
    articles: r.articles,
  };
}

/**
 * Run records and the lease on PostgreSQL. A claim is one transaction: insert the run if new,
 * else lock its row (`FOR UPDATE`) and decide by the shared rule `mayClaim`, so replicas
 * racing for the same (target, scheduled time) get exactly one `claimed`.
 */
export class PostgresRunStore implements RunStore {
  readonly kind = 'postgres';

  constructor(private readonly pool: pg.Pool) {}

  async claimRun(req: ClaimRequest): Promise<ClaimOutcome> {
    const expires = new Date(req.now.getTime() + req.claimTtlMs);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const inserted = await client.query<RunRow>(
        `INSERT INTO digest_runs (target_id, scheduled_at, digest_id, state, owner, attempts, claimed_at, claim_expires_at)
         VALUES ($1, $2, $3, 'claimed', $4, 1, $5, $6)
         ON CONFLICT (target_id, scheduled_at) DO NOTHING RETURNING *`,
        [req.targetId, req.scheduledAt, req.digestId, req.owner, req.now, expires],
      );
      let outcome: ClaimOutcome;
      if (inserted.rows[0]) {
        outcome = { kind: 'claimed', run: toRun(inserted.rows[0]), resumed: false };
      } else {
        const locked = await client.query<RunRow>(
          'SELECT * FROM digest_runs WHERE target_id = $1 AND scheduled_at = $2 FOR UPDATE',
          [req.targetId, req.scheduledAt],
        );
        const run = toRun(locked.rows[0] as RunRow);
        const holds =
          req.lease !== undefined &&
          (
            await client.query('SELECT 1 FROM leases WHERE name = $1 AND owner = $2 AND expires_at > $3', [
              req.lease,
              req.owner,
              req.now,
            ])
          ).rowCount === 1;
        if (run.state === 'posted') outcome = { kind: 'posted', run };
        else if (!mayClaim(run, req, holds)) outcome = { kind: 'busy', run };
        else {
          const updated = await client.query<RunRow>(
            `UPDATE digest_runs SET state = 'claimed', owner = $3, attempts = attempts + 1, claimed_at = $4, claim_expires_at = $5
             WHERE target_id = $1 AND scheduled_at = $2 RETURNING *`,
            [req.targetId, req.scheduledAt, req.owner, req.now, expires],
          );
          outcome = { kind: 'claimed', run: toRun(updated.rows[0] as RunRow), resumed: true };
        }
      }
      await client.query('COMMIT');
      return outcome;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async markPosted(req: MarkPosted): Promise<boolean> {
    const res = await this.pool.query(
      `UPDATE digest_runs SET state = 'posted', message_ref = $3, posted_at = $4, articles = $5::jsonb
       WHERE target_id = $1 AND scheduled_at = $2 AND state <> 'posted'`,
      [req.targetId, req.scheduledAt, req.messageRef, req.now, JSON.stringify(req.articles)],
    );
    return res.rowCount === 1;
  }

  async releaseRun(targetId: string, scheduledAt: Date, owner: string): Promise<boolean> {
    const res = await this.pool.query(
      `UPDATE digest_runs SET state = 'released' WHERE target_id = $1 AND scheduled_at = $2 AND owner = $3 AND state = 'claimed'`,
      [targetId, scheduledAt, owner],
    );
    return res.rowCount === 1;
  }

  async findRun(targetId: string, scheduledAt: Date): Promise<RunRecord | null> {
    const { rows } = await this.pool.query<RunRow>(
      'SELECT * FROM digest_runs WHERE target_id = $1 AND scheduled_at = $2',
      [targetId, scheduledAt],
    );
    return rows[0] ? toRun(rows[0]) : null;
  }

  async lastPosted(targetId: string): Promise<RunRecord | null> {
    const { rows } = await this.pool.query<RunRow>(
      `SELECT * FROM digest_runs WHERE target_id = $1 AND state = 'posted' ORDER BY scheduled_at DESC LIMIT 1`,
      [targetId],
    );
    return rows[0] ? toRun(rows[0]) : null;
  }

  async runsSince(targetId: string, since: Date): Promise<RunRecord[]> {
    const { rows } = await this.pool.query<RunRow>(
      'SELECT * FROM digest_runs WHERE target_id = $1 AND scheduled_at >= $2 ORDER BY scheduled_at',
      [targetId, since],
    );
    return rows.map(toRun);
  }

  async acquireLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    const expires = new Date(now.getTime() + ttlMs);
    // One statement: insert, or take over when expired, or extend when already ours and live.
    const { rows } = await this.pool.query<{ owner: string }>(
      `INSERT INTO leases (name, owner, expires_at, epoch) VALUES ($1, $2, $3, 1)
       ON CONFLICT (name) DO UPDATE SET
         owner = excluded.owner,
         expires_at = excluded.expires_at,
         epoch = CASE WHEN leases.owner = excluded.owner AND leases.expires_at > $4 THEN leases.epoch ELSE leases.epoch + 1 END
       WHERE leases.expires_at <= $4 OR leases.owner = excluded.owner
       RETURNING owner`,
      [name, owner, expires, now],
    );
    return rows[0]?.owner === owner;
  }

  async renewLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    const res = await this.pool.query(
      'UPDATE leases SET expires_at = $3 WHERE name = $1 AND owner = $2 AND expires_at > $4',
      [name, owner, new Date(now.getTime() + ttlMs), now],
    );
    return res.rowCount === 1;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    await this.pool.query(`UPDATE leases SET expires_at = 'epoch' WHERE name = $1 AND owner = $2`, [name, owner]);
  }

  async leaseHolder(name: string, now: Date): Promise<LeaseHolder | null> {
    const { rows } = await this.pool.query<{ owner: string; expires_at: Date; epoch: string }>(
      'SELECT owner, expires_at, epoch FROM leases WHERE name = $1 AND expires_at > $2',
      [name, now],
    );
    const r = rows[0];
    return r ? { owner: r.owner, expiresAt: r.expires_at.toISOString(), epoch: Number(r.epoch) } : null;
  }
}

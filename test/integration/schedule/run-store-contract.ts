import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimRequest, RunStore } from '../../../src/domain/run-store.ts';

/** The RunStore contract, run against every backend (SQLite here, PostgreSQL in ../postgres). */
export function runStoreContract(
  name: string,
  open: () => Promise<{ store: RunStore; close: () => Promise<void> }>,
): void {
  describe(`${name} RunStore contract`, () => {
    let store: RunStore;
    let close: () => Promise<void>;
    const at = new Date('2025-03-10T08:00:00.000Z');
    const t0 = new Date('2025-03-10T08:00:01.000Z');
    const req = (owner: string, now = t0, extra: Partial<ClaimRequest> = {}): ClaimRequest => ({
      targetId: 'daily',
      scheduledAt: at,
      digestId: 'd1',
      owner,
      now,
      claimTtlMs: 60_000,
      ...extra,
    });
    const later = (ms: number): Date => new Date(t0.getTime() + ms);

    beforeEach(async () => {
      ({ store, close } = await open());
    });
    afterEach(async () => {
      await close();
    });

    it('claims a run once; a second owner is told it is busy, the same owner resumes', async () => {
      const a = await store.claimRun(req('A'));
      expect(a).toMatchObject({
        kind: 'claimed',
        resumed: false,
        run: { owner: 'A', state: 'claimed', attempts: 1, digestId: 'd1' },
      });
      expect((await store.claimRun(req('B'))).kind).toBe('busy');
      expect(await store.claimRun(req('A', later(10)))).toMatchObject({
        kind: 'claimed',
        resumed: true,
        run: { attempts: 2 },
      });
    });

    it('marks posted once; later claims see it posted', async () => {
      await store.claimRun(req('A'));
      const articles = [{ id: 'x1', file: 'x.txt' }];
      expect(
        await store.markPosted({ targetId: 'daily', scheduledAt: at, messageRef: 'm1', articles, now: later(5) }),
      ).toBe(true);
      expect(
        await store.markPosted({ targetId: 'daily', scheduledAt: at, messageRef: 'm2', articles: [], now: later(6) }),
      ).toBe(false);
      for (const owner of ['A', 'B']) expect((await store.claimRun(req(owner, later(120_000)))).kind).toBe('posted');
      const run = await store.findRun('daily', at);
      expect(run).toMatchObject({
        state: 'posted',
        messageRef: 'm1',
        articles,
        scheduledAt: at.toISOString(),
        postedAt: later(5).toISOString(),
      });
      expect(await store.lastPosted('daily')).toMatchObject({ messageRef: 'm1' });
      expect(await store.lastPosted('other')).toBeNull();
    });

    it('lets anyone take over an expired claim, and a released one at once', async () => {
      await store.claimRun(req('A'));
      expect((await store.claimRun(req('B', later(59_000)))).kind).toBe('busy');
      expect(await store.claimRun(req('B', later(61_000)))).toMatchObject({
        kind: 'claimed',
        resumed: true,
        run: { owner: 'B' },
      });
      expect(await store.releaseRun('daily', at, 'A')).toBe(false); // not A's any more
      expect(await store.releaseRun('daily', at, 'B')).toBe(true);
      expect(await store.claimRun(req('C', later(61_001)))).toMatchObject({
        kind: 'claimed',
        run: { owner: 'C', attempts: 3 },
      });
    });

    it('lets the lease holder take over a live claim of someone who lost the lease', async () => {
      await store.claimRun(req('A', t0, { lease: 'L' }));
      expect((await store.claimRun(req('B', later(1), { lease: 'L' }))).kind).toBe('busy');
      expect(await store.acquireLease('L', 'B', 10_000, later(2))).toBe(true);
      expect(await store.claimRun(req('B', later(3), { lease: 'L' }))).toMatchObject({
        kind: 'claimed',
        resumed: true,
        run: { owner: 'B' },
      });
    });

    it('lists runs since a time, oldest first', async () => {
      for (const h of [6, 8, 7]) {
        const s = new Date(Date.UTC(2025, 2, 10, h));
        await store.claimRun({ ...req('A'), scheduledAt: s });
        await store.markPosted({ targetId: 'daily', scheduledAt: s, messageRef: `m${h}`, articles: [], now: t0 });
      }
      const runs = await store.runsSince('daily', new Date(Date.UTC(2025, 2, 10, 7)));
      expect(runs.map((r) => r.messageRef)).toEqual(['m7', 'm8']);
      expect((await store.lastPosted('daily'))?.messageRef).toBe('m8');
    });

    it('hands the lease to one owner at a time, with expiry, renewal and release', async () => {
      expect(await store.acquireLease('L', 'A', 10_000, t0)).toBe(true);
      expect(await store.acquireLease('L', 'B', 10_000, later(1))).toBe(false);
      expect(await store.renewLease('L', 'B', 10_000, later(2))).toBe(false);
      expect(await store.renewLease('L', 'A', 10_000, later(5_000))).toBe(true);
      expect(await store.acquireLease('L', 'B', 10_000, later(12_000))).toBe(false); // renewed until 15 s
      const h1 = await store.leaseHolder('L', later(12_000));
      expect(h1).toMatchObject({ owner: 'A' });
      expect(await store.acquireLease('L', 'B', 10_000, later(15_001))).toBe(true);
      const h2 = await store.leaseHolder('L', later(15_002));
      expect(h2?.owner).toBe('B');
      expect(h2?.epoch).toBe((h1?.epoch ?? 0) + 1);
      expect(await store.renewLease('L', 'A', 10_000, later(15_003))).toBe(false);
      await store.releaseLease('L', 'B');
      expect(await store.leaseHolder('L', later(15_004))).toBeNull();
      expect(await store.acquireLease('L', 'A', 10_000, later(15_005))).toBe(true);
    });

    it('gives exactly one claim to owners racing for the same run', async () => {
      const owners = Array.from({ length: 8 }, (_, i) => `R${i}`);
      const results = await Promise.all(owners.map((o) => store.claimRun(req(o))));
      expect(results.filter((r) => r.kind === 'claimed')).toHaveLength(1);
    });
  });
}

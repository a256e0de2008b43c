import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log/logger.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { SqliteRunStore } from '../../../src/store/sqlite-run-store.ts';
import { ManualClock } from '../../../src/schedule/clock.ts';
import { Scheduler, type SchedulerDeps } from '../../../src/schedule/scheduler.ts';
import { digestIdFor } from '../../../src/schedule/delivery.ts';
import { localDate } from '../../../src/schedule/zoned-time.ts';
import { createBotMetrics } from '../../../src/ops/bot-metrics.ts';
import { MetricsRegistry } from '../../../src/ops/metrics.ts';
import { FakeAdapter, fakePoster, makeArticle, stubLibrary, target } from './helpers.ts';
import type { DigestTarget } from '../../../src/schedule/targets.ts';

const HOUR = 3_600_000;
const open: { stop: () => Promise<void> }[] = [];

afterEach(async () => {
  for (const o of open.splice(0)) await o.stop();
});

function setup(targets: DigestTarget[], clock: ManualClock, over: Partial<SchedulerDeps> = {}) {
  const store = new SqliteStore(':memory:');
  const runStore = new SqliteRunStore(store.db);
  const adapter = new FakeAdapter();
  // One article per day (Feb–Nov 2025) so every digest has something new.
  const articles = Array.from({ length: 300 }, (_, i) => {
    const d = new Date(Date.UTC(2025, 1, 1 + i)).toISOString().slice(0, 10);
    return makeArticle(`a${i}.txt`, `Story ${i}`, d);
  });
  const library = stubLibrary(articles);
  const metrics = createBotMetrics(new MetricsRegistry());
  const scheduler = new Scheduler({
    targets,
    runStore,
    adapters: new Map([['fake', adapter]]),
    postDigest: fakePoster(() => library),
    library: () => library,
    clock,
    log: silentLogger(),
    metrics,
    leaseTtlMs: 6 * HOUR,
    maxSleepMs: HOUR,
    ...over,
  });
  open.push({ stop: async () => (await scheduler.stop(), await store.close()) });
  return { scheduler, adapter, runStore, metrics };
}

describe('scheduler on a fake clock', () => {
  it('posts a daily 02:30 America/New_York digest exactly once on each day across spring-forward', async () => {
    const clock = new ManualClock('2025-03-07T23:00:00Z'); // the 7th's run is past its catch-up grace
    const t = target({ cronExpr: '30 2 * * *', timezone: 'America/New_York' });
    const { scheduler, adapter } = setup([t], clock);
    await scheduler.start();
    await clock.advanceTo('2025-03-11T12:00:00Z');
    expect(adapter.posts.map((p) => p.scheduledAt)).toEqual([
      '2025-03-08T07:30:00.000Z',
      '2025-03-09T07:30:00.000Z', // 03:30 EDT: the 02:30 that did not exist
      '2025-03-10T06:30:00.000Z',
      '2025-03-11T06:30:00.000Z',
    ]);
    const days = adapter.posts.map((p) => localDate(Date.parse(p.scheduledAt), 'America/New_York'));
    expect(days).toEqual(['2025-03-08', '2025-03-09', '2025-03-10', '2025-03-11']);
    expect(adapter.posts.map((p) => p.digestId)).toEqual(
      adapter.posts.map((p) => digestIdFor('daily', new Date(p.scheduledAt))),
    );
  });

  it('posts a daily 01:30 digest once on the fall-back day (Europe/Berlin 02:30 too)', async () => {
    const clock = new ManualClock('2025-11-01T12:00:00Z');
    const ny = target({ id: 'ny', cronExpr: '30 1 * * *', timezone: 'America/New_York' });
    const berlin = target({ id: 'berlin', cronExpr: '30 2 * * *', timezone: 'Europe/Berlin' });
    const { scheduler, adapter } = setup([ny, berlin], clock);
    // Berlin falls back a week earlier; run the NY target through its change, Berlin through its own below.
    await scheduler.start();
    await clock.advanceTo('2025-11-03T12:00:00Z');
    const nyPosts = adapter.posts.filter((p) => p.digestId === digestIdFor('ny', new Date(p.scheduledAt)));
    expect(nyPosts.map((p) => p.scheduledAt)).toEqual(['2025-11-02T05:30:00.000Z', '2025-11-03T06:30:00.000Z']);

    const clock2 = new ManualClock('2025-10-25T12:00:00Z');
    const second = setup([berlin], clock2);
    await second.scheduler.start();
    await clock2.advanceTo('2025-10-27T12:00:00Z');
    expect(second.adapter.posts.map((p) => p.scheduledAt)).toEqual([
      '2025-10-26T00:30:00.000Z',
      '2025-10-27T01:30:00.000Z',
    ]);
  });

  it('catch-up: a run missed while down is posted once at start-up within the grace period', async () => {
    const t = target({
      cronExpr: '0 8 * * *',
      timezone: 'Europe/Berlin',
      missed: { kind: 'catch-up', graceMs: 6 * HOUR },
    });
    const clock = new ManualClock('2025-03-10T10:00:00Z'); // 11:00 Berlin: the 08:00 run was missed by 3 h
    const { scheduler, adapter, metrics } = setup([t], clock);
    await scheduler.start();
    expect(adapter.posts.map((p) => p.scheduledAt)).toEqual(['2025-03-10T07:00:00.000Z']);
    await clock.advance(HOUR);
    await scheduler.tick();
    expect(adapter.posts).toHaveLength(1); // not posted again
    expect(await metrics.digestsPosted.get({ target: 'daily', platform: 'fake' })).toBe(1);
    await clock.advanceTo('2025-03-11T07:00:00Z');
    expect(adapter.posts).toHaveLength(2); // and the next one on time
  });

  it('catch-up posts only the latest of several missed runs, and nothing past the grace period', async () => {
    const hourly = target({
      id: 'hourly',
      cronExpr: '0 * * * *',
      timezone: 'UTC',
      missed: { kind: 'catch-up', graceMs: 2 * HOUR },
    });
    const daily = target({
      id: 'late',
      cronExpr: '0 8 * * *',
      timezone: 'UTC',
      missed: { kind: 'catch-up', graceMs: HOUR },
    });
    const clock = new ManualClock('2025-03-10T12:20:00Z'); // hourly missed 09–12; daily 08:00 missed by 4 h 20
    const { scheduler, adapter } = setup([hourly, daily], clock);
    await scheduler.start();
    expect(adapter.posts.map((p) => p.scheduledAt)).toEqual(['2025-03-10T12:00:00.000Z']);
  });

  it('skip: a missed run posts nothing, the next one is posted on time', async () => {
    const t = target({ cronExpr: '0 8 * * *', timezone: 'Europe/Berlin', missed: { kind: 'skip' } });
    const clock = new ManualClock('2025-03-10T10:00:00Z');
    const { scheduler, adapter, metrics } = setup([t], clock);
    await scheduler.start();
    expect(adapter.posts).toHaveLength(0);
    expect(await metrics.digestsSkipped.get({ target: 'daily', reason: 'missed' })).toBe(1);
    await clock.advanceTo('2025-03-11T07:00:00Z');
    expect(adapter.posts.map((p) => p.scheduledAt)).toEqual(['2025-03-11T07:00:00.000Z']);
  });

  it('re-running the same window posts nothing new (a second scheduler on the same store)', async () => {
    const t = target({ cronExpr: '0 8 * * *', timezone: 'UTC' });
    const clock = new ManualClock('2025-03-10T07:59:00Z');
    const first = setup([t], clock, { useLease: false });
    await first.scheduler.start();
    await clock.advanceTo('2025-03-10T08:01:00Z');
    expect(first.adapter.posts).toHaveLength(1);
    const again = new Scheduler({
      targets: [t],
      runStore: first.runStore,
      adapters: new Map([['fake', first.adapter]]),
      postDigest: fakePoster(() => stubLibrary([])),
      library: () => stubLibrary([]),
      clock,
      log: silentLogger(),
      useLease: false,
    });
    open.push(again);
    await again.start();
    expect(first.adapter.posts).toHaveLength(1);
  });

  it('retries a failed post with backoff and posts once it works', async () => {
    const t = target({ cronExpr: '0 8 * * *', timezone: 'UTC' });
    const clock = new ManualClock('2025-03-10T07:59:00Z');
    const { scheduler, adapter, metrics } = setup([t], clock, { retryDelayMs: 30_000 });
    adapter.failNext = 2;
    await scheduler.start();
    await clock.advanceTo('2025-03-10T08:05:00Z');
    expect(adapter.posts).toHaveLength(1);
    expect(await metrics.digestFailures.get({ target: 'daily', platform: 'fake' })).toBe(2);
  });

  it('does not post while another process holds the lease', async () => {
    const t = target({ cronExpr: '0 8 * * *', timezone: 'UTC' });
    const clock = new ManualClock('2025-03-10T07:00:00Z');
    const { scheduler, adapter, runStore } = setup([t], clock, { leaseTtlMs: 30_000, maxSleepMs: 60_000 });
    await runStore.acquireLease('digest-scheduler', 'someone-else', 3 * HOUR, clock.now());
    await scheduler.start();
    await clock.advanceTo('2025-03-10T09:00:00Z');
    expect(scheduler.isLeader()).toBe(false);
    expect(adapter.posts).toHaveLength(0);
    await clock.advanceTo('2025-03-10T10:01:00Z'); // the other holder's lease ran out at 10:00
    expect(scheduler.isLeader()).toBe(true);
    // 08:00 went unposted while the other holder (never posting) had the lease: caught up within the grace.
    expect(adapter.posts.map((p) => p.scheduledAt)).toEqual(['2025-03-10T08:00:00.000Z']);
  });
});

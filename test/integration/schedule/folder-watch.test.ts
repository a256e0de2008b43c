import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log/logger.ts';
import { loadArticles } from '../../../src/sources/folder-source.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { SqliteRunStore } from '../../../src/store/sqlite-run-store.ts';
import { ManualClock } from '../../../src/schedule/clock.ts';
import { LiveLibrary } from '../../../src/schedule/live-library.ts';
import { watchFolder, type FolderWatcher } from '../../../src/schedule/folder-watcher.ts';
import { ArticleVersions } from '../../../src/schedule/article-versions.ts';
import { Scheduler } from '../../../src/schedule/scheduler.ts';
import type { Library } from '../../../src/library/library.ts';
import { FakeAdapter, fakePoster, makeArticle, stubLibrary, target } from './helpers.ts';

const until = async (cond: () => boolean, ms = 8000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('article versions', () => {
  it('links an edited file to its previous id; a renamed file is no update', () => {
    const v = new ArticleVersions();
    const a1 = makeArticle('a.txt', 'Tariffs', null, 'first text');
    const b = makeArticle('b.txt', 'Ports', null, 'ports text');
    v.observe([a1, b], new Date(0));
    const a2 = makeArticle('a.txt', 'Tariffs', null, 'corrected text');
    const moved = { ...b, file: 'sub/b.txt' };
    const changes = v.observe([a2, moved], new Date(1000));
    expect(changes.updated).toEqual([{ id: a2.id, previousId: a1.id, file: 'a.txt' }]);
    expect(changes.removed).toEqual([a1.id]);
    expect(v.previousVersionOf(a2.id)).toBe(a1.id);
    expect(v.previousVersionOf(b.id)).toBeUndefined();
    expect(v.firstSeen(a2.id)?.getTime()).toBe(1000);
    expect(v.firstSeen(b.id)?.getTime()).toBe(0);
  });
});

describe('folder watching', () => {
  let dir: string;
  let watcher: FolderWatcher | undefined;
  let stop: (() => Promise<void>) | undefined;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'articles-'));
  });
  afterEach(async () => {
    watcher?.close();
    await stop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (file: string, title: string, body: string): void => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), `${title}\n\n${body}\n`);
  };
  const load = async (): Promise<Library> => stubLibrary((await loadArticles(dir)).articles) as Library;

  for (const mode of ['auto', 'poll'] as const) {
    it(`picks up new and edited articles without a restart (${mode}); the next digest marks the edit as updated`, async () => {
      write('a.txt', 'Steel tariffs rise', 'Port operators raised tariffs on steel by 12%.');
      write('b.txt', 'Grain exports fall', 'Grain exports fell for a third month.');
      const clock = new ManualClock('2025-03-10T07:59:00Z');
      const live = new LiveLibrary(await load(), load, { log: silentLogger(), now: () => clock.now() });
      const reloads: number[] = [];
      watcher = await watchFolder({
        dir,
        mode,
        debounceMs: 50,
        pollMs: 100,
        log: silentLogger(),
        onChange: async () => {
          await live.reload();
          reloads.push(live.get().articles.length);
        },
      });
      const store = new SqliteStore(':memory:');
      const adapter = new FakeAdapter();
      const scheduler = new Scheduler({
        targets: [target({ cronExpr: '0 8 * * *', timezone: 'UTC' })],
        runStore: new SqliteRunStore(store.db),
        adapters: new Map([['fake', adapter]]),
        postDigest: fakePoster(() => live.get()),
        library: () => live.get(),
        versions: live.versions,
        clock,
        log: silentLogger(),
        useLease: false,
        maxSleepMs: 3_600_000,
      });
      stop = async () => (await scheduler.stop(), await store.close());
      await scheduler.start();
      await clock.advanceTo('2025-03-10T08:00:00Z');
      expect(adapter.posts).toHaveLength(1);
      const [a1, b] = ['a.txt', 'b.txt'].map((f) => live.get().articles.find((x) => x.file === f)?.id);
      expect(adapter.posts[0]?.articleIds).toEqual(expect.arrayContaining([a1, b]));

      await clock.advanceTo('2025-03-10T12:00:00Z');
      write('a.txt', 'Steel tariffs rise', 'Port operators raised tariffs on steel by 15%, not 12% as first reported.');
      write('news/c.txt', 'Shipping rates climb', 'Container rates climbed on Asia–Europe routes.');
      await until(() => live.get().articles.length === 3 && live.get().articles.some((x) => x.body.includes('15%')));
      const a2 = live.get().articles.find((x) => x.file === 'a.txt')?.id as string;
      const c = live.get().articles.find((x) => x.file === 'news/c.txt')?.id as string;
      expect(a2).not.toBe(a1);
      expect(live.versions.previousVersionOf(a2)).toBe(a1);

      await clock.advanceTo('2025-03-11T08:00:00Z');
      expect(adapter.posts).toHaveLength(2);
      expect([...(adapter.posts[1]?.articleIds ?? [])].sort()).toEqual([a2, c].sort());
      expect(adapter.posts[1]?.updatedIds).toEqual([a2]);
      expect(reloads.length).toBeGreaterThanOrEqual(1);
    });
  }

  it('keeps the previous library when a reload fails', async () => {
    write('a.txt', 'One', 'Body one.');
    let fail = false;
    const live = new LiveLibrary(await load(), async () => (fail ? Promise.reject(new Error('disk gone')) : load()), {
      log: silentLogger(),
    });
    fail = true;
    await expect(live.reload()).rejects.toThrow('disk gone');
    expect(live.get().articles).toHaveLength(1);
  });
});

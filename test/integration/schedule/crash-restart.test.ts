import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChild, waitForFile, type Child } from './child-process.ts';

const SCRIPT = path.resolve('test/integration/schedule/fixtures/crash-child.ts');
const SCHEDULED = '2025-03-10T08:00:00.000Z';

describe('a process killed mid-run, then restarted (real SIGKILL, SQLite file)', () => {
  let dir: string;
  let children: Child[] = [];

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'crash-'));
  });
  afterEach(async () => {
    await Promise.all(children.map((c) => c.kill()));
    children = [];
    rmSync(dir, { recursive: true, force: true });
  });

  const files = () => ({
    dbFile: path.join(dir, 'state.db'),
    postsFile: path.join(dir, 'posts.jsonl'),
    markerFile: path.join(dir, 'marker'),
  });
  const posts = (): { digestId: string; pid: number }[] => {
    const f = files().postsFile;
    return existsSync(f)
      ? readFileSync(f, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { digestId: string; pid: number })
      : [];
  };
  const runRow = (): { state: string; attempts: number; message_ref: string | null } | undefined => {
    const db = new Database(files().dbFile, { readonly: true });
    try {
      return db.prepare('SELECT state, attempts, message_ref FROM digest_runs WHERE target_id = ?').get('morning') as
        | { state: string; attempts: number; message_ref: string | null }
        | undefined;
    } finally {
      db.close();
    }
  };
  const start = (mode: string, lookup: boolean): Child => {
    const child = startChild(SCRIPT, {
      ...files(),
      mode,
      lookup,
      // 08:00:30 on the scheduled day: the 08:00 run is due at start-up.
      fakeStart: Date.parse(SCHEDULED) + 30_000,
      realStart: Date.now(),
      leaseTtlMs: 1500,
    });
    children.push(child);
    return child;
  };
  const finish = async (child: Child): Promise<{ result: string; scheduledAt: string }> => {
    const line = await child.waitFor((l) => l.startsWith('{'));
    expect(await child.exited).toBe(0);
    return JSON.parse(line) as { result: string; scheduledAt: string };
  };

  it('killed after the claim and before the post → the restart posts exactly once', async () => {
    const first = start('hang-before-post', false);
    await waitForFile(files().markerFile);
    expect(await first.kill('SIGKILL')).toBe('SIGKILL');
    expect(runRow()).toMatchObject({ state: 'claimed', attempts: 1 });
    expect(posts()).toHaveLength(0);

    const second = start('normal', false);
    expect(await finish(second)).toEqual({ result: 'posted', scheduledAt: SCHEDULED });
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.pid).toBe(second.proc.pid);
    expect(runRow()).toMatchObject({ state: 'posted', attempts: 2, message_ref: 'm1' });

    // Re-running the same window posts nothing new.
    const third = start('normal', false);
    expect(await finish(third)).toEqual({ result: 'already-posted', scheduledAt: SCHEDULED });
    expect(posts()).toHaveLength(1);
  });

  it('killed after the post and before it was recorded → with findPosted the restart does not post again', async () => {
    const first = start('hang-after-post', true);
    await waitForFile(files().markerFile);
    await first.kill('SIGKILL');
    expect(runRow()).toMatchObject({ state: 'claimed' });
    expect(posts()).toHaveLength(1);

    const second = start('normal', true);
    expect(await finish(second)).toEqual({ result: 'recovered', scheduledAt: SCHEDULED });
    expect(posts()).toHaveLength(1);
    expect(runRow()).toMatchObject({ state: 'posted', message_ref: 'm1' });
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exitWithin, startBot, until, type BotProcess } from './bot-process.ts';

/**
 * `npm start` with no platform token and input kept open: the console chat follows the
 * articles folder (a file added while it runs is found), keeps log lines off its output,
 * runs a `platform: console` target, and `exit` ends it with status 0.
 */

let bot: BotProcess | undefined;
afterEach(async () => {
  await bot?.cleanup();
  bot = undefined;
});

const NEW_ARTICLE = `Lighthouse keepers vote to modernise the northern beacons

${new Date().toISOString().slice(0, 10)} – The guild of lighthouse keepers voted on Tuesday to replace the paraffin lamps of
the northern beacons with solar lanterns. "The old lamps served us for a century," said Ingrid
Halvorsen, the guild's chair. The work starts in the spring.
`;

describe('the console chat while it runs', () => {
  it('finds an article added while running, logs nothing into its output, runs a console target, and ends on exit', {
    timeout: 90_000,
  }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'console-target-'));
    const config = path.join(dir, 'local.yaml');
    // A console target due every second: it posts once, when something is new since its last digest.
    writeFileSync(
      config,
      'schedule:\n  watchDebounceMs: 200\n  targets:\n    - { id: here, platform: console, channel: console, cron: "* * * * * *", lookbackHours: 720 }\n',
    );
    const live = (bot = startBot(
      { ARTICLES_WATCH: 'auto', LOG_LEVEL: 'info', CONFIG_FILE: config },
      { articles: 'fresh', stdin: 'pipe' },
    ));
    await until(live, () => live.stdout().includes('You are in this digest’s thread'), 30_000, 'the start-up digest');
    // The watcher starts after the scheduler; by the target's second check it has its first snapshot.
    await until(
      live,
      () => /no new articles for this target/.test(live.stderr()),
      15_000,
      'the console target running',
    );

    // The watcher reloads. Under load its first snapshot may still be in progress and include
    // the file; the file is then written again (a new mtime) every few seconds until it is seen.
    const file = path.join(live.tmp, 'articles', 'lighthouse-keepers.txt');
    let lastWrite = 0;
    await until(
      live,
      () => {
        if (Date.now() - lastWrite > 4000) {
          writeFileSync(file, NEW_ARTICLE);
          lastWrite = Date.now();
        }
        return /articles reloaded/.test(live.stderr());
      },
      40_000,
      'the reload after the file was added',
    );
    live.proc.stdin?.write('search lighthouse beacons\n');
    await until(
      live,
      () => /Articles matching “lighthouse beacons”[\s\S]*Lighthouse keepers vote to modernise/.test(live.stdout()),
      10_000,
      'the added article in a search',
    );
    // The console target posted the new article as a digest, into the console.
    await until(
      live,
      () => (live.stdout().match(/News digest/g)?.length ?? 0) >= 2 && /■ Lighthouse keepers/.test(live.stdout()),
      15_000,
      'the console target digest',
    );

    live.proc.stdin?.write('exit\n');
    expect(await exitWithin(live, 15_000)).toBe(0);
    // Logs went to stderr (above the prompt in a terminal), never into the chat's output.
    expect(live.stderr()).toMatch(/articles loaded/);
    expect(live.stdout()).not.toMatch(/"level":|\binfo\b.*(articles loaded|digest posted)/);
    rmSync(dir, { recursive: true, force: true });
  });
});

import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../../src/adapters/console/console-adapter.ts';
import { Bot } from '../../../src/bot/bot.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { buildLibrary } from '../../../src/library/library.ts';
import { createAnswerer } from '../../../src/answer/answerer.ts';
import { silentLogger } from '../../../src/log/logger.ts';
import { contractArticles } from '../../contract/fixtures.ts';

/** The console chat over in-memory streams, the bot wired to it as main.ts does. */
async function consoleWith(interactive: boolean): Promise<{
  adapter: ConsoleAdapter;
  input: PassThrough;
  out: () => string;
  logs: () => string;
  bot: Bot;
  store: SqliteStore;
}> {
  const store = new SqliteStore(':memory:');
  const library = await buildLibrary(contractArticles(), { sentences: 3, quotes: 3, createAnswerer });
  const bot = new Bot({
    library: () => library,
    store,
    clock: () => new Date('2026-11-28T09:00:00Z'),
    log: silentLogger(),
  });
  const input = new PassThrough();
  const output = new PassThrough();
  const logOutput = new PassThrough();
  let out = '';
  let logs = '';
  output.setEncoding('utf8').on('data', (c: string) => (out += c));
  logOutput.setEncoding('utf8').on('data', (c: string) => (logs += c));
  const adapter = new ConsoleAdapter({ input, output, logOutput, interactive });
  await bot.postDigest(adapter, adapter.channel);
  await adapter.start(bot.handlersFor(adapter));
  return { adapter, input, out: () => out, logs: () => logs, bot, store };
}

const settle = (ms = 60): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('console habits', () => {
  let c: Awaited<ReturnType<typeof consoleWith>>;
  afterEach(async () => {
    await c.adapter.stop();
    await c.store.close();
  });

  describe('piped', () => {
    beforeEach(async () => (c = await consoleWith(false)));

    it.each(['exit', 'quit', 'QUIT'])('%j ends the session without an answer', async (word) => {
      const before = c.out();
      c.input.write(`${word}\nWhat did Abe say?\n`);
      await c.adapter.finished;
      await settle();
      expect(c.out()).toBe(before);
    });

    it('shows the digest as the thread you are in', () => {
      expect(c.out()).toMatch(/You are in this digest’s thread: what you type next is a follow-up/);
    });

    it('answers bare help (and prefixed help) with help that fits the console', async () => {
      c.input.write('help\n');
      await settle(150);
      const bare = c.out();
      expect(bare).toMatch(/exit, quit {8}end the session/);
      expect(bare).not.toMatch(/Reply in a digest’s thread/);
      c.input.write('/trade-news help\n');
      await settle(150);
      expect(c.out().slice(bare.length)).toMatch(/search <terms>/);
    });

    it('says "did you mean search?" for serch, with or without the prefix', async () => {
      c.input.write('serch tariffs\n/trade-news serch tariffs\n');
      await settle(200);
      expect(c.out().match(/did you mean `\/trade-news search tariffs`\?/g)?.length).toBe(2);
    });

    it('drops a form feed (Ctrl-L) that reaches it inside a piped line', async () => {
      c.input.write('\fhelp\n');
      await settle(150);
      expect(c.out()).not.toContain('\f');
      expect(c.out()).toMatch(/exit, quit/);
    });

    it('posts a digest on `post` and a second one within the cooldown is refused with the reason', async () => {
      c.input.write('post\npost\n');
      await settle(300);
      expect(c.out()).toMatch(/Posted the digest \(\d+ articles\) in this channel/);
      expect(c.out()).toMatch(
        /A digest was posted in this channel less than a minute ago; you can post again in 10 minutes/,
      );
    });
  });

  describe('in a terminal', () => {
    beforeEach(async () => (c = await consoleWith(true)));

    it('prints a log line above the prompt, then redraws the prompt and the half-typed line', async () => {
      c.input.write('What did A');
      await settle();
      const before = c.out().length;
      c.adapter.log('12:00:00 info digest posted\n');
      await settle();
      expect(c.logs()).toBe('12:00:00 info digest posted\n');
      const after = c.out().slice(before);
      expect(after.startsWith('\r\u001b[2K')).toBe(true); // the prompt line is cleared first
      expect(after).toContain('> What did A'); // and drawn again below the log line
    });

    it('Ctrl-D on an empty line ends the session', async () => {
      c.input.write('\u0004');
      await c.adapter.finished;
    });

    it('Ctrl-L clears the screen instead of printing ^L', async () => {
      const before = c.out().length;
      c.input.write('\u000c');
      await settle();
      const after = c.out().slice(before);
      expect(after).toContain('\u001b[1;1H'); // cursor home, then clear below
      expect(after).not.toContain('^L');
    });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatAdapter } from '../../src/chat/chat-adapter.ts';
import { parseThread, serializeThread, type ThreadRef } from '../../src/domain/thread-ref.ts';
import { Bot } from '../../src/bot/bot.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { buildLibrary, type Library } from '../../src/library/library.ts';
import { createAnswerer } from '../../src/answer/answerer.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { contractArticles, LIVE_MARKUP } from './fixtures.ts';

/**
 * What a test needs from one adapter wired to its (fake) platform. Everything goes
 * through the platform protocol: a command or message is injected as the platform
 * would deliver it, and replies are read from what the adapter sent.
 */
export interface ContractHarness {
  readonly adapter: ChatAdapter;
  /** A channel the digest can be posted to. */
  readonly channel: string;
  /** A user types `/trade-news <text>` (in `thread` when given); resolves with the reply text the user sees. */
  command(text: string, thread?: ThreadRef): Promise<string>;
  /** A user writes `text` in `thread` without a mention; the reply posted in that thread, or null if none comes. */
  threadMessage(thread: ThreadRef, text: string): Promise<string | null>;
  /** Every payload the adapter sent to the platform so far, serialized. */
  outbound(): readonly string[];
  close(): Promise<void>;
}

export type HarnessFactory = (bot: Bot) => Promise<ContractHarness>;

/** The suite every chat adapter passes. */
export function chatAdapterContract(name: string, setup: HarnessFactory): void {
  describe(`chat adapter contract: ${name}`, () => {
    let store: SqliteStore;
    let library: Library;
    let bot: Bot;
    let h: ContractHarness;

    beforeEach(async () => {
      store = new SqliteStore(':memory:');
      const articles = contractArticles();
      library = await buildLibrary(articles, { sentences: 3, quotes: 3, createAnswerer });
      bot = new Bot({
        library: () => library,
        store,
        clock: () => new Date('2026-11-28T09:00:00Z'),
        log: silentLogger(),
      });
      h = await setup(bot);
    });

    afterEach(async () => {
      await h.close();
      await store.close();
    });

    it('posts a digest and returns a thread that round-trips', async () => {
      const record = await bot.postDigest(h.adapter, h.channel);
      expect(record.platform).toBe(h.adapter.platform);
      expect(parseThread(serializeThread(record.thread))).toEqual(record.thread);
      expect(await store.digestForThread(record.thread)).toMatchObject({ id: record.id });
      expect(h.outbound().join('\n')).toContain('Start Trade Negotiations');
    });

    it('answers /trade-news help with the grammar', async () => {
      const text = await h.command('help');
      expect(text).toContain('search');
    });

    it('answers /trade-news search with matching articles', async () => {
      const text = await h.command('search harbour tariffs steel');
      expect(text).toMatch(/Harbour tariffs/);
    });

    it('answers malformed input with help, not an error', async () => {
      const text = await h.command('%%%% ??');
      expect(text).toContain('search');
      expect(text).not.toMatch(/Error|stack|undefined/);
    });

    it('answers a follow-up in a digest thread without a mention, in that thread', async () => {
      const record = await bot.postDigest(h.adapter, h.channel);
      const reply = await h.threadMessage(record.thread, 'What did Abe say about the discussions?');
      expect(reply).not.toBeNull();
      expect(await store.recentTurns(record.thread, 5)).toHaveLength(1);
    });

    it('ignores a message in a thread that is not a digest’s', async () => {
      const record = await bot.postDigest(h.adapter, h.channel);
      const other: ThreadRef = { ...record.thread, thread: `${record.thread.thread}-other` };
      expect(await h.threadMessage(other, 'What did Abe say?')).toBeNull();
    });

    it('never sends a live mention or link markup taken from articles or questions', async () => {
      const record = await bot.postDigest(h.adapter, h.channel);
      await h.command('search @everyone <!channel> harbour');
      await h.threadMessage(record.thread, 'Tell @everyone about <@U999> and <!here>');
      const all = h.outbound();
      expect(all.length).toBeGreaterThan(0);
      for (const payload of all) for (const re of LIVE_MARKUP) expect(payload).not.toMatch(re);
    });
  });
}

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Bot } from '../../../src/bot/bot.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { buildLibrary, type Library } from '../../../src/library/library.ts';
import type { Answerer, AskOptions } from '../../../src/answer/types.ts';
import { silentLogger } from '../../../src/log/logger.ts';
import { parseTxt } from '../../../src/sources/txt.ts';
import { RecordingAdapter } from '../../fakes/recording-adapter.ts';

const ARTICLES = [
  parseTxt('a.txt', 'Port fees rise\n\nMarch 1, 2025 – Valdoria raised port fees by 8%, the ministry said.\n'),
  parseTxt(
    'b.txt',
    'Grain talks stall\n\nMarch 2, 2025 – Grain talks between Norland and Estavia stalled on Friday.\n',
  ),
];

/** An answerer that cites the first preferred article and records how it was asked. */
class RecordingAnswerer implements Answerer {
  readonly calls: { question: string; opts: AskOptions | undefined }[] = [];
  constructor(private readonly lib: () => Library) {}
  get size(): number {
    return ARTICLES.length;
  }
  ask(question: string, opts?: AskOptions) {
    this.calls.push({ question, opts });
    const id = opts?.preferArticleIds?.[0];
    const item = id ? this.lib().item(id) : undefined;
    if (!item) return { answered: false, answer: 'not found', sources: [] };
    const sentence = item.article.body;
    return {
      answered: true,
      answer: sentence,
      sources: [
        {
          articleId: id as string,
          file: item.article.file,
          title: item.article.title,
          sentence,
          start: 0,
          end: sentence.length,
          score: 1,
        },
      ],
    };
  }
}

describe('follow-ups survive a restart', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function boot(file: string) {
    const store = new SqliteStore(file);
    let library!: Library;
    const answerer = new RecordingAnswerer(() => library);
    library = await buildLibrary(ARTICLES, { sentences: 2, quotes: 2, createAnswerer: () => answerer });
    const bot = new Bot({
      library: () => library,
      store,
      clock: () => new Date('2026-11-28T08:00:00Z'),
      log: silentLogger(),
    });
    return { store, bot, answerer };
  }

  it('answers a follow-up after a restart from the same digest’s articles and earlier turns', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'restart-'));
    dirs.push(dir);
    const file = path.join(dir, 'state.db');

    const first = await boot(file);
    const adapter = new RecordingAdapter();
    const record = await first.bot.postDigest(adapter, 'news', [ARTICLES[1]!.id]);
    const reply1 = await first.bot.handlers.onMessage({
      platform: 'fake',
      channel: 'news',
      user: 'u',
      text: 'Why did talks stall?',
      thread: record.thread,
      mentioned: false,
    });
    expect(reply1?.kind).toBe('answer');
    await first.store.close();

    const second = await boot(file);
    const reply2 = await second.bot.handlers.onMessage({
      platform: 'fake',
      channel: 'news',
      user: 'u',
      text: 'And who was involved?',
      thread: record.thread,
      mentioned: false,
    });
    expect(reply2).not.toBeNull();
    expect(reply2?.kind === 'answer' && reply2.result.sources[0]?.articleId).toBe(ARTICLES[1]!.id);
    const call = second.answerer.calls[0];
    expect(call?.opts?.preferArticleIds).toEqual([ARTICLES[1]!.id]);
    expect(call?.opts?.history?.map((t) => t.question)).toEqual(['Why did talks stall?']);
    expect(call?.opts?.history?.[0]?.answer.sources[0]?.articleId).toBe(ARTICLES[1]!.id);
    await second.store.close();
  });

  it('ignores a thread message outside any digest thread unless mentioned', async () => {
    const { bot, store } = await boot(':memory:');
    const thread = { platform: 'fake', channel: 'news', thread: 'random' };
    expect(
      await bot.handlers.onMessage({
        platform: 'fake',
        channel: 'news',
        user: 'u',
        text: 'hello?',
        thread,
        mentioned: false,
      }),
    ).toBeNull();
    expect(
      await bot.handlers.onMessage({
        platform: 'fake',
        channel: 'news',
        user: 'u',
        text: 'port fees?',
        thread,
        mentioned: true,
      }),
    ).not.toBeNull();
    await store.close();
  });
});

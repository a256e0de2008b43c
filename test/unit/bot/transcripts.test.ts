import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../../src/answer/answerer.ts';
import { resolveFollowUp } from '../../../src/answer/follow-up.ts';
import type { AnswerResult } from '../../../src/answer/types.ts';
import { Bot } from '../../../src/bot/bot.ts';
import type { BotReply } from '../../../src/chat/replies.ts';
import type { ThreadRef } from '../../../src/domain/thread-ref.ts';
import { buildLibrary, type Library } from '../../../src/library/library.ts';
import { silentLogger } from '../../../src/log/logger.ts';
import { parseTxt } from '../../../src/sources/txt.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { RecordingAdapter } from '../../fakes/recording-adapter.ts';

/** Console-style transcripts in a digest thread: the bot core with the real offline answerer. */

const FOUNDING_FILE = '2018-09-27-us-japan-trade-negotiations.txt';
const founding = parseTxt(FOUNDING_FILE, readFileSync(path.join('articles', FOUNDING_FILE), 'utf8'));
const harbour = parseTxt(
  'harbour.txt',
  [
    'Okafor backs harbour expansion',
    '',
    'March 3, 2026 – The government of Valdoria will fund a second container terminal at Port Amsel, officials said on Tuesday.',
    '',
    '“This terminal will double what our harbour can handle within five years,” Prime Minister Lena Okafor said at the port.',
    '',
    'The terminal is expected to cost 1.2 billion crowns and to open in 2030.',
    '',
    'Dock workers welcomed the plan but asked for guarantees on jobs.',
  ].join('\n'),
);

let dir: string;
let bot: Bot;
let thread: ThreadRef;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'transcripts-'));
  const store = new SqliteStore(path.join(dir, 'state.db'));
  let library!: Library;
  library = await buildLibrary([founding, harbour], {
    sentences: 2,
    quotes: 3,
    createAnswerer: (a) => createAnswerer(a),
  });
  bot = new Bot({ library: () => library, store, clock: () => new Date('2026-11-28T08:00:00Z'), log: silentLogger() });
  const record = await bot.postDigest(new RecordingAdapter(), 'news');
  thread = record.thread;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function say(text: string): Promise<BotReply> {
  const r = await bot.handlers.onMessage({
    platform: 'fake',
    channel: 'news',
    user: 'u',
    text,
    thread,
    mentioned: false,
  });
  if (!r) throw new Error(`no reply to ${text}`);
  return r;
}
function answer(r: BotReply): AnswerResult {
  if (r.kind !== 'answer') throw new Error(`expected an answer, got ${r.kind}`);
  return r.result;
}

describe('transcripts', () => {
  it('a question naming a person prefers that person’s statement', async () => {
    const r = answer(await say('What did Trump say about North Korea?'));
    expect(r.answered).toBe(true);
    expect(r.sources[0]?.sentence).toMatch(/\bTrump said\b/);
    expect(r.sources[0]?.sentence).toMatch(/North Korea/);
  });

  it('“Who said that?” names the speaker of the quote just shown', async () => {
    const q = answer(await say('What did the prime minister say the terminal would do for the harbour?'));
    expect(q.sources[0]?.sentence).toContain('This terminal will double');
    const who = answer(await say('Who said that?'));
    expect(who.answered).toBe(true);
    expect(who.answer).toContain('Okafor');
    expect(who.sources[0]?.sentence).toBe(q.sources[0]?.sentence);
  });

  it('“Who said that?” after a Trump quote names Trump, not another sentence', async () => {
    const q = answer(await say('What did Trump say would be very exciting?'));
    expect(q.sources[0]?.sentence).toContain('something very exciting');
    const who = answer(await say('Who said that?'));
    expect(who.answer).toMatch(/\bTrump\b/);
  });

  it('greetings, thanks, console words and stray words get a one-line hint, no answer', async () => {
    for (const text of ['hello', 'Thanks!', 'exit', 'quit', 'clear', 'bananas']) {
      const r = await say(text);
      expect(r.kind, text).toBe('notice');
      if (r.kind === 'notice') expect(r.text.includes('\n'), text).toBe(false);
    }
  });
});

describe('follow-ups rewritten against the thread', () => {
  const turn = (question: string): { question: string; answer: AnswerResult } => ({
    question,
    answer: { answered: false, answer: '', sources: [] },
  });

  it('“And Japan?” / “What about China?” keep the previous question with the new focus', () => {
    expect(resolveFollowUp('And Japan?', [turn('What does Canada want from the talks?')])).toEqual({
      kind: 'rewrite',
      question: 'What does Japan want from the talks?',
    });
    expect(resolveFollowUp('What about China?', [turn('How large is the surplus with Mexico?')])).toEqual({
      kind: 'rewrite',
      question: 'How large is the surplus with China?',
    });
    expect(resolveFollowUp('And in 2030?', [turn('How much will the terminal cost?')])).toEqual({
      kind: 'rewrite',
      question: 'How much will the terminal cost in 2030?',
    });
  });

  it('“What did he say about X?” asks about the person the thread is about', () => {
    expect(resolveFollowUp('What did he say about tariffs?', [turn('Who is Lena Okafor?')])).toEqual({
      kind: 'rewrite',
      question: 'What did Lena Okafor say about tariffs?',
    });
  });

  it('leaves a question with no thread, or not a follow-up, as it is', () => {
    expect(resolveFollowUp('And Japan?', [])).toBeUndefined();
    expect(resolveFollowUp('What will the terminal cost?', [turn('Who is Lena Okafor?')])).toBeUndefined();
  });
});

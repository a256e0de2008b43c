import { afterEach, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../../src/answer/answerer.ts';
import { configSchema } from '../../../src/config/schema.ts';
import { answerThread } from '../../../src/llm/answer-batch.ts';
import { createLlmClient } from '../../../src/llm/factory.ts';
import { createLlmAnswerer, type LlmAnswerResult } from '../../../src/llm/llm-answerer.ts';
import { CHIPS, GRAIN, PORT, STEEL } from './articles.ts';
import { jsonReply, startFakeLlm, type FakeLlm, type FakeReply } from './fake-llm.ts';

let fake: FakeLlm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const QUESTIONS = [
  'How much did shipments through the Port of Harwick rise?',
  'What did Maria Lopez say?',
  'How many vessels did container traffic reach?',
  'Why did grain exports fall?',
  'Who is Luis Ortega?',
  'How much capacity did the chip makers add?',
  'What did Priya Nair say about demand?',
  'What tariff stays in place on steel?',
];

describe('ask --questions with an LLM: one thread, model calls concurrent', () => {
  it('sends up to maxConcurrency questions at once, answers in question order, each with the thread before it as context', async () => {
    const DELAY = 400;
    fake = await startFakeLlm((req) => {
      const user = req.body.messages.find((m) => m.role === 'user')?.content ?? '';
      const question = /<question>\n([\s\S]*?)\n<\/question>/u.exec(user)?.[1] ?? '';
      return { ...jsonReply({ answer: `${question} [1]`, citations: [1] }), delayMs: DELAY } as FakeReply;
    });
    const cfg = configSchema.parse({
      llm: { baseUrl: fake.url, model: 'fake-model', timeoutMs: 2_000, maxRetries: 0, maxConcurrency: 4 },
    }).llm;
    const base = createAnswerer([PORT, STEEL, GRAIN, CHIPS]);
    const llm = createLlmAnswerer(base, createLlmClient(cfg), { historyTurns: 3 });
    await llm.ask('What did Anna Berg say?'); // warm-up: first connection, JIT
    fake.requests.length = 0;
    fake.inFlight.max = 0;
    const t0 = performance.now();
    const results = (await Promise.all(answerThread(QUESTIONS, base, llm, 3))) as LlmAnswerResult[];
    const elapsed = performance.now() - t0;
    const answered = QUESTIONS.filter((q) => base.ask(q).answered);
    expect(answered.length).toBeGreaterThanOrEqual(6);
    results.forEach((r, i) => {
      if (r.method === 'llm') expect(r.answer).toBe(`${QUESTIONS[i] as string} [1]`);
    });
    expect(results.filter((r) => r.method === 'llm').length).toBe(fake.requests.length);
    expect(fake.requests.length).toBeGreaterThanOrEqual(6);
    expect(fake.inFlight.max).toBe(4);
    // One at a time takes at least requests × 400 ms (≥ 2.4 s); four at a time about two rounds (0.8 s).
    expect(elapsed).toBeLessThan(fake.requests.length * DELAY * 0.75);
    // The second question's request carries the first as thread context.
    const second = fake.requests.find((r) =>
      r.body.messages.some((m) => m.content.includes('<question>\nWhat did Maria Lopez say?')),
    );
    expect(second?.body.messages.some((m) => m.content.includes('<history>\nQ: How much did shipments'))).toBe(true);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerResult, AnswerSource, Answerer, Turn } from '../../../src/answer/types.ts';
import { createLlmAnswerer, type AsyncAnswerer, type LlmAnswerResult } from '../../../src/llm/llm-answerer.ts';
import { createLlmClient } from '../../../src/llm/factory.ts';
import { configSchema } from '../../../src/config/schema.ts';
import { completion, httpError, jsonReply, startFakeLlm, type FakeLlm, type Handler } from './fake-llm.ts';
import { PORT, STEEL } from './articles.ts';

function source(article: typeof PORT, sentence: string, score: number): AnswerSource {
  const start = article.body.indexOf(sentence);
  if (start < 0) throw new Error(`not in ${article.title}: ${sentence}`);
  return {
    articleId: article.id,
    file: article.file,
    title: article.title,
    sentence,
    start,
    end: start + sentence.length,
    score,
  };
}

const SOURCES = [
  source(
    PORT,
    'Shipments through the Port of Harwick rose 12 percent in March, the port authority said on Tuesday.',
    3,
  ),
  source(PORT, 'Container traffic reached 1,200 vessels.', 2),
  source(STEEL, 'The current tariff of 25 percent stays in place.', 1),
];

/** A retrieval answerer stub: answers with the sources above, or abstains. */
function baseAnswerer(answered = true): Answerer {
  return {
    size: 2,
    ask: (): AnswerResult =>
      answered
        ? { answered: true, answer: SOURCES[0]?.sentence ?? '', sources: SOURCES }
        : { answered: false, answer: 'I couldn’t find that in the articles.', sources: [] },
  };
}

let fake: FakeLlm;
let handler: Handler;
beforeEach(async () => {
  handler = () => jsonReply({ answer: '', citations: [] });
  fake = await startFakeLlm((req) => handler(req));
});
afterEach(async () => {
  await fake.close();
});

function answerer(base = baseAnswerer(), llm: Record<string, unknown> = {}): AsyncAnswerer {
  const cfg = configSchema.parse({
    llm: { baseUrl: fake.url, model: 'fake-model', timeoutMs: 300, maxRetries: 0, ...llm },
  }).llm;
  return createLlmAnswerer(base, createLlmClient(cfg, { sleep: () => Promise.resolve() }));
}

async function ask(reply: Handler, question = 'How much did Harwick shipments rise?'): Promise<LlmAnswerResult> {
  handler = reply;
  return (await answerer().ask(question)) as LlmAnswerResult;
}

describe('LLM answerer', () => {
  it('an answer citing retrieved passages is used; sources are the cited ones, renumbered', async () => {
    const r = await ask(() =>
      jsonReply({ answer: 'They rose 12 percent in March, to 1,200 vessels [1][2].', citations: [1, 2] }),
    );
    expect(r).toMatchObject({
      method: 'llm',
      answered: true,
      answer: 'They rose 12 percent in March, to 1,200 vessels [1][2].',
    });
    expect(r.sources).toEqual([SOURCES[0], SOURCES[1]]);
    const r2 = await ask(() => jsonReply({ answer: 'The tariff stays at 25 percent [3].', citations: [3] }));
    expect(r2.answer).toBe('The tariff stays at 25 percent [1].');
    expect(r2.sources).toEqual([SOURCES[2]]);
  });

  it('the passages, numbered, and the thread’s recent turns go to the model as data', async () => {
    handler = () => jsonReply({ answer: 'By 12 percent [1].', citations: [1] });
    const history: Turn[] = [
      { question: 'What about the steel talks?', answer: { answered: true, answer: 'They stalled.', sources: [] } },
    ];
    await answerer().ask('And Harwick?', { history });
    const user = fake.requests[0]?.body.messages.find((m) => m.role === 'user')?.content ?? '';
    expect(user).toContain('<history>\nQ: What about the steel talks?\nA: They stalled.\n</history>');
    expect(user).toContain(`[1] (${PORT.title}) ${SOURCES[0]?.sentence}`);
    expect(user).toContain('[3] (Steel tariff talks stall)');
    expect(user).toMatch(/<question>\nAnd Harwick\?\n<\/question>$/u);
  });

  it.each([
    ['cites nothing', () => jsonReply({ answer: 'They rose a lot.', citations: [] }), /cited no passage/u],
    [
      'cites a passage that was not retrieved',
      () => jsonReply({ answer: 'They rose 12 percent [5].', citations: [5] }),
      /not retrieved: 5/u,
    ],
    [
      'says it does not know',
      () => jsonReply({ answer: "I don't know based on these passages [1].", citations: [1] }),
      /do not answer/u,
    ],
    ['gives an empty answer', () => jsonReply({ answer: '', citations: [] }), /did not answer/u],
    [
      'states a number the passages lack',
      () => jsonReply({ answer: 'They rose 40 percent [1].', citations: [1] }),
      /40/u,
    ],
    ['fails (500)', () => httpError(500), /LLM call failed \(server/u],
    ['hangs past the timeout', () => ({ hang: true }) as const, /timeout/u],
    [
      'replies with broken JSON',
      () => completion('{"answer": "They rose 12 percent [1]", "citations": [1'),
      /unusable: invalid JSON/u,
    ],
  ] satisfies [string, Handler, RegExp][])(
    'the retrieval answer is used when the model %s',
    async (_what, reply, reason) => {
      const r = await ask(reply);
      expect(r.method).toBe('extractive');
      expect(r.fallbackReason).toMatch(reason);
      expect(r.answer).toBe(SOURCES[0]?.sentence);
      expect(r.sources).toEqual(SOURCES);
    },
  );

  it('a plain-text reply with [n] markers is accepted', async () => {
    const r = await ask(() => completion('Shipments rose 12 percent [1].'));
    expect(r).toMatchObject({ method: 'llm', answer: 'Shipments rose 12 percent [1].', sources: [SOURCES[0]] });
  });

  it('when retrieval finds nothing the model is not called', async () => {
    handler = () => jsonReply({ answer: 'Made up [1].', citations: [1] });
    const r = await answerer(baseAnswerer(false)).ask('What is the weather?');
    expect(r.answered).toBe(false);
    expect(fake.requests).toHaveLength(0);
  });
});

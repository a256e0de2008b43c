import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../../src/answer/answerer.ts';
import { defaultRankerModel } from '../../../src/answer/ranker-model.ts';
import { NOT_FOUND, type AnswerResult, type Turn } from '../../../src/answer/types.ts';
import { parseTxt } from '../../../src/sources/txt.ts';
import { HARBOUR, ORCHARD, RAILWAY, SYNTHETIC, article } from './fixtures.ts';

const FOUNDING = 'articles/2018-09-27-us-japan-trade-negotiations.txt';
const founding = parseTxt(FOUNDING, readFileSync(FOUNDING, 'utf8'));

const answerer = createAnswerer([...SYNTHETIC, founding]);
/** Answers whatever its confidence: for tests of the ranking and ordering, apart from abstention. */
const always = { model: { ...defaultRankerModel(), threshold: 0 } };
const ranking = createAnswerer([...SYNTHETIC, founding], always);

function top(r: AnswerResult): string {
  expect(r.answered).toBe(true);
  return r.sources[0]?.sentence ?? '';
}

describe('answers paraphrased questions with the supporting sentence', () => {
  it('how much: money in the right article, not a sentence that merely repeats the words', () => {
    const r = answerer.ask('How much did the port authority earn last year?');
    expect(top(r)).toBe('Profits at the port authority rose 18% to €92m, helped by higher berthing fees.');
    expect(r.sources[0]?.articleId).toBe('harbour');
    expect(r.answer).toBe(r.sources[0]?.sentence);
  });

  it('why: synonyms and the explanation sentence', () => {
    const r = answerer.ask('What caused the damage to the apple trees in Dalmor?');
    expect(top(r)).toContain('blamed the damage on an unusually warm March');
  });

  it('when: wants a date', () => {
    const r = answerer.ask('When will Veltra deepen its northern channel?');
    expect(top(r)).toContain('dredge the northern channel in 2026');
  });

  it('who: wants a name', () => {
    const r = answerer.ask('Who asked the ministry for emergency grants?');
    expect(top(r)).toContain('Reyes asked the agriculture ministry');
  });

  it('how long: the trip time after the upgrade', () => {
    const r = answerer.ask('How long does the trip from Ashby to Corran take now?');
    expect(top(r)).toContain('40 minutes');
  });

  it('the founding article: a question about what Abe said', () => {
    const r = answerer.ask('What did Abe say about dealing with North Korea?');
    expect(top(r)).toBe('Abe said he would like to affirm robust coordination with Trump in dealing with North Korea.');
    expect(r.sources[0]?.file).toBe(FOUNDING);
  });
});

describe('abstains instead of inventing', () => {
  it('on an off-topic question', () => {
    const r = answerer.ask('Who won the football cup final in Madrid?');
    expect(r).toEqual({ answered: false, answer: NOT_FOUND, sources: [] });
  });

  it('on a near miss: the article has the topic but not the amount asked for', () => {
    // the railway article names the cost of the upgrade, not of a ticket
    const r = answerer.ask('How much does a ticket from Ashby to Corran cost?');
    expect(r.answered).toBe(false);
  });

  it('on a near miss: the question names someone the articles never mention', () => {
    const r = answerer.ask('What did the mayor of Corran, Peter Lindqvist, say about the fares?');
    expect(r.answered).toBe(false);
  });

  it('on an empty or stopword-only question', () => {
    expect(answerer.ask('').answered).toBe(false);
    expect(answerer.ask('What is it?').answered).toBe(false);
  });
});

describe('threads: follow-ups read against the history', () => {
  it('"And Trump?" after "What did Abe say?" keeps the topic and changes the speaker', () => {
    const first = answerer.ask('What did Abe say about the talks?');
    expect(top(first)).toMatch(/^(“Based on the results|Abe said)/);
    const history: Turn[] = [{ question: 'What did Abe say about the talks?', answer: first }];
    const follow = ranking.ask('And Trump?', { history });
    expect(follow.answered).toBe(true);
    expect(follow.sources[0]?.file).toBe(FOUNDING);
    // Trump's statement now, in place of Abe's
    expect(follow.sources[0]?.sentence).toMatch(/\bTrump (said|has said)\b|^Trump\b/);
  });

  it("a pronoun follow-up stays in the previous answer's article", () => {
    const first = answerer.ask('What happened to the apple harvest in the Dalmor valley?');
    expect(first.sources[0]?.articleId).toBe('orchard');
    const follow = answerer.ask('How big were their losses?', {
      history: [{ question: 'What happened to the apple harvest in the Dalmor valley?', answer: first }],
    });
    expect(top(follow)).toBe('The regional farmers union estimated losses at £14m.');
  });
});

describe('preferArticleIds', () => {
  const a1 = article(
    'fees-a',
    'Airport raises landing fees',
    'The airport raised landing fees by 9% this spring.\n\nAirlines said the higher fees would push up fares.',
  );
  const a2 = article(
    'fees-b',
    'Seaport raises berthing fees',
    'The seaport raised berthing fees by 4% this spring.\n\nShipping lines said the higher fees were fair.',
  );
  const both = createAnswerer([a1, a2], always);

  it('searches the preferred articles first, then the rest of the archive', () => {
    const q = 'By how much were the fees raised this spring?';
    const plain = both.ask(q);
    expect(plain.answered).toBe(true);
    for (const id of ['fees-a', 'fees-b']) {
      const r = both.ask(q, { preferArticleIds: [id] });
      expect(r.sources[0]?.articleId).toBe(id);
      expect(r.sources.some((s) => s.articleId !== id)).toBe(true);
    }
  });

  it('falls back to the whole archive when the preferred articles do not answer', () => {
    const r = answerer.ask('How much did the port authority earn last year?', { preferArticleIds: [ORCHARD.id] });
    expect(r.sources[0]?.articleId).toBe(HARBOUR.id);
  });
});

describe('sources', () => {
  const questions = [
    'How much did the port authority earn last year?',
    'When did the Kestrel line reopen?',
    'What did Reyes ask for?',
    'How many tonnes of cargo did Veltra handle?',
    'What did Trump say about the summit with Kim?',
  ];

  it('offsets index the body: sentence === body.slice(start, end), at most 3, best first', () => {
    const bodies = new Map([...SYNTHETIC, founding].map((a) => [a.id, a.body]));
    for (const q of questions) {
      const r = answerer.ask(q);
      expect(r.answered).toBe(true);
      expect(r.sources.length).toBeGreaterThan(0);
      expect(r.sources.length).toBeLessThanOrEqual(3);
      for (const s of r.sources) {
        expect(bodies.get(s.articleId)?.slice(s.start, s.end)).toBe(s.sentence);
        expect(s.sentence).toBe(s.sentence.trim());
      }
      for (let i = 1; i < r.sources.length; i++)
        expect((r.sources[i - 1] as { score: number }).score).toBeGreaterThanOrEqual(
          (r.sources[i] as { score: number }).score,
        );
    }
  });

  it('reports its size and copes with no articles', () => {
    expect(answerer.size).toBe(4);
    const empty = createAnswerer([]);
    expect(empty.size).toBe(0);
    expect(empty.ask('How much did the port earn?').answered).toBe(false);
  });

  it('takes analyses made elsewhere', () => {
    const calls: string[] = [];
    const a = createAnswerer([RAILWAY], {
      analyses: (art) => (calls.push(art.id), { body: art.body, paragraphs: [], sentences: [] }),
    });
    expect(calls).toEqual(['railway']);
    expect(a.ask('When did the Kestrel line reopen?').answered).toBe(false);
  });
});

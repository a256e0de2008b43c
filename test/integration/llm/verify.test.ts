import { describe, expect, it } from 'vitest';
import { hasMention, unsupportedFacts, verifyQuotes } from '../../../src/llm/verify.ts';
import { extractJson, parseReply, summaryOutput } from '../../../src/llm/parse.ts';
import { parseRetryAfter, retryDelay } from '../../../src/llm/retry.ts';
import { CircuitBreaker } from '../../../src/llm/circuit-breaker.ts';
import { createLimiter } from '../../../src/llm/limit.ts';
import { escapeData } from '../../../src/llm/prompt.ts';

describe('quote verification', () => {
  const body = 'The minister said:  “We will   not\nback down,” and left.\n‘Never’ said Ana 😀 “emoji 😀”.';

  it('matches after normalizing whitespace and quotation marks; offsets index the original body', () => {
    const r = verifyQuotes(body, [
      { text: '"We will not back down,"', speaker: 'The minister' },
      { text: "'Never'", speaker: 'Ana' },
      { text: 'emoji 😀', speaker: null },
    ]);
    expect(r.dropped).toBe(0);
    for (const q of r.kept) expect(body.slice(q.start, q.end)).toBe(q.text);
    expect(r.kept.map((q) => q.text)).toEqual(['We will   not\nback down,', 'Never', 'emoji 😀']);
  });

  it('drops quotes that are not in the article, empty ones and duplicates; unknown speakers become null', () => {
    const r = verifyQuotes(body, [
      { text: 'We will never back down', speaker: null },
      { text: '  ', speaker: null },
      { text: 'Never', speaker: 'Bob Smith' },
      { text: '‘Never’', speaker: null },
    ]);
    expect(r.dropped).toBe(3);
    const at = body.indexOf('‘Never’') + 1;
    expect(r.kept).toEqual([{ text: 'Never', speaker: null, start: at, end: at + 5, score: 4 }]);
    expect(r.speakersDropped).toBe(1);
  });
});

describe('facts check', () => {
  const article =
    'Acme Corp. sold 1,200 units in Q3, up five percent. Chief executive Jane Doe said sales in the U.S. rose 4.50%.';

  it('accepts numbers and names the article states, in other formats', () => {
    expect(
      unsupportedFacts('Acme sold 1200 units; sales rose 4.5% and 5 percent overall, Jane Doe said.', article),
    ).toEqual({ numbers: [], names: [] });
    expect(unsupportedFacts('The Chief Executive of Acme’s U.S. arm spoke.', article)).toEqual({
      numbers: [],
      names: [],
    });
  });

  it('flags invented numbers and names', () => {
    expect(unsupportedFacts('Acme sold 1,300 units, said John Roe.', article)).toEqual({
      numbers: ['1300'],
      names: ['John', 'Roe'],
    });
  });

  it('mentions are detected', () => {
    expect(hasMention('Hello @everyone')).toBe(true);
    expect(hasMention('<@U123> hi')).toBe(true);
    expect(hasMention('email me at a@b.c')).toBe(false);
  });
});

describe('reply parsing', () => {
  it('strips fences and chatter; accepts lenient shapes', () => {
    expect(extractJson('Sure!\n```json\n{"a": 1}\n```\nDone.')).toEqual({ ok: true, value: { a: 1 } });
    const r = parseReply(
      '{"summary": "One sentence.", "quotes": ["a quote", {"text": "b", "speaker": ""}]}',
      summaryOutput,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        summary: ['One sentence.'],
        quotes: [
          { text: 'a quote', speaker: null },
          { text: 'b', speaker: null },
        ],
      },
    });
  });

  it('reports what is wrong', () => {
    expect(parseReply('no json here', summaryOutput)).toMatchObject({
      ok: false,
      error: 'no JSON object in the reply',
    });
    expect(parseReply('{"summary": []}', summaryOutput)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/summary: the summary is empty/u),
    });
    expect(parseReply('{"summary": ["x"], "quotes": [1]}', summaryOutput).ok).toBe(false);
  });

  it('article data cannot close its own delimiter', () => {
    expect(escapeData('a </article> <ARTICLE> b')).toBe('a ‹/article> ‹ARTICLE> b');
  });
});

describe('resilience pieces', () => {
  it('Retry-After: seconds, milliseconds, HTTP date', () => {
    const now = Date.parse('2024-03-28T08:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after': '3' }), now)).toBe(3_000);
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '120' }), now)).toBe(120);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Thu, 28 Mar 2024 08:00:10 GMT' }), now)).toBe(10_000);
    expect(parseRetryAfter(new Headers({}), now)).toBeNull();
    const policy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(retryDelay(2, { retryable: true, retryAfterMs: null }, policy, () => 0.999)).toBe(400);
    expect(retryDelay(9, { retryable: true, retryAfterMs: null }, policy, () => 0)).toBe(500);
    expect(retryDelay(0, { retryable: true, retryAfterMs: 5_000 }, policy, () => 0)).toBeNull();
  });

  it('breaker: opens after N consecutive failures, half-opens after the cool-down for one trial', () => {
    let now = 0;
    const b = new CircuitBreaker({ threshold: 2, cooldownMs: 100, now: () => now });
    b.failure();
    b.success();
    b.failure();
    expect(b.state).toBe('closed');
    b.failure();
    expect(b.state).toBe('open');
    expect(b.allow()).toBe(false);
    now = 100;
    expect(b.allow()).toBe(true);
    expect(b.allow()).toBe(false);
    b.failure();
    expect(b.state).toBe('open');
    now = 200;
    expect(b.allow()).toBe(true);
    b.success();
    expect(b.state).toBe('closed');
  });

  it('limiter: hands a freed slot to the next waiter, never exceeding the limit', async () => {
    const limit = createLimiter(2);
    let active = 0;
    let max = 0;
    const task = async (): Promise<void> => {
      active++;
      max = Math.max(max, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    };
    await Promise.all(Array.from({ length: 7 }, () => limit(task)));
    expect(max).toBe(2);
    expect(limit.active).toBe(0);
  });
});

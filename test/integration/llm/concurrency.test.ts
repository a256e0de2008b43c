import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/domain/types.ts';
import { buildDigest } from '../../../src/digest/build.ts';
import { fakeModel, makeArticle } from './articles.ts';
import { articleIn, httpError, type FakeReply, type FakeRequest } from './fake-llm.ts';
import { expectComplete, harness, type Harness } from './harness.ts';

/** Concurrent LLM digests against the loopback fake: throughput, order, budget, breaker, progress, cache. */

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const model = fakeModel();

const PLACES = [
  'Harwick',
  'Dunmore',
  'Kelby',
  'Ashford',
  'Brantwood',
  'Corley',
  'Everton Bay',
  'Fallow',
  'Glenrock',
  'Hazelmere',
];

/** `n` short trade articles of our own, each with one attributed quotation. */
function articles(n: number, sentences = 3): Article[] {
  return Array.from({ length: n }, (_, i) => {
    const place = `${PLACES[i % PLACES.length] as string} ${Math.floor(i / PLACES.length) + 1}`;
    const body = [
      `Cargo handled at ${place} rose ${i + 2} percent in the quarter, the harbour board said.`,
      ...Array.from(
        { length: sentences - 2 },
        (_, k) => `Operators at ${place} added ${k + 3} cranes and hired ${k + 10} staff for the night shift.`,
      ),
      `"We are running at full stretch," said Dana Moss, the board's director.`,
    ].join(' ');
    return makeArticle(`${place} cargo rises`, body);
  });
}

const delayed =
  (ms: (req: FakeRequest) => number) =>
  (req: FakeRequest): FakeReply =>
    ({ ...model(req), delayMs: ms(req) }) as FakeReply;

describe('LLM digest: concurrent requests', () => {
  it('keeps maxConcurrency requests in flight and takes about total / maxConcurrency; entries stay in article order', async () => {
    const list = articles(20);
    // The first articles answer slowest, so completion order differs from article order.
    const rank = new Map(list.map((a, i) => [a.title, i]));
    const DELAY = 200;
    h = await harness(
      delayed((req) => DELAY + (20 - (rank.get(articleIn(req).title) ?? 0)) * 2),
      { llm: { maxConcurrency: 4 } },
    );
    await h.digest(articles(21).slice(20)); // warm-up: first connection, JIT
    h.fake.requests.length = 0;
    h.fake.inFlight.max = 0;
    const t0 = performance.now();
    const digest = await h.digest(list);
    const elapsed = performance.now() - t0;
    expectComplete(digest, list);
    expect(digest.items.every((i) => i.summary.method === 'llm')).toBe(true);
    expect(h.fake.requests).toHaveLength(20);
    expect(h.fake.inFlight.max).toBe(4);
    // One at a time this is at least 20 × 220 ms = 4.4 s; four at a time ≈ 1.1 s. Generous bounds on a shared machine.
    expect(elapsed).toBeGreaterThanOrEqual(5 * DELAY * 0.9);
    expect(elapsed).toBeLessThan(3_000);
  });

  it('reports progress for every article, counting up to the total', async () => {
    h = await harness(
      delayed(() => 20),
      { llm: { maxConcurrency: 3 } },
    );
    const list = articles(7);
    const seen: [number, number][] = [];
    h.summarizer.resetBudget();
    await buildDigest(list, {
      date: '2024-03-28',
      sentences: 2,
      quotes: 3,
      summarizer: h.summarizer,
      onArticle: (d, t) => seen.push([d, t]),
    });
    expect(seen).toEqual(list.map((_, i) => [i + 1, 7]));
  });

  it('consults the cache before any request: a second digest of the same articles sends nothing', async () => {
    h = await harness(
      delayed(() => 20),
      { llm: { maxConcurrency: 4 } },
    );
    const list = articles(9);
    await h.digest(list);
    expect(h.fake.requests).toHaveLength(9);
    const again = await h.digest(list);
    expect(h.fake.requests).toHaveLength(9);
    expect(again.items.every((i) => i.summary.method === 'llm')).toBe(true);
    expect(h.summarizer.stats.cacheHits).toBe(9);
  });

  it('spends the token budget in article order whatever the reply timing: the same articles fall back as one at a time', async () => {
    const list = articles(12, 12);
    const run = async (maxConcurrency: number, delay: (req: FakeRequest) => number): Promise<string[]> => {
      h = await harness(delayed(delay), { llm: { maxConcurrency, tokenBudgetPerDigest: 4_000, maxOutputTokens: 200 } });
      const digest = await h.digest(list);
      expectComplete(digest, list);
      await h.close();
      h = undefined;
      return digest.items.map((i) => i.summary.method);
    };
    const sequential = await run(1, () => 5);
    let k = 0;
    const jittered = await run(4, () => [60, 5, 30, 0, 45, 15][k++ % 6] as number);
    expect(jittered).toEqual(sequential);
    expect(sequential).toContain('llm');
    expect(sequential).toContain('extractive');
    // Reserved in order: once one article no longer fits, no later one of the same size does.
    expect(sequential.indexOf('extractive')).toBe(sequential.filter((m) => m === 'llm').length);
  });
});

describe('LLM digest: a failing endpoint with concurrency', () => {
  it('every request fails: the breaker opens after the first wave, the rest fall back without a request', async () => {
    h = await harness(() => httpError(500), { llm: { maxConcurrency: 4, maxRetries: 2, breakerThreshold: 3 } });
    const list = articles(20);
    const digest = await h.digest(list);
    expectComplete(digest, list);
    expect(digest.items.every((i) => i.summary.method === 'extractive')).toBe(true);
    expect(h.client.breaker.state).toBe('open');
    // Requests sent before the third failure opens the breaker, plus those already in flight:
    // at most threshold - 1 + maxConcurrency = 6, not 20 articles × 3 attempts.
    expect(h.fake.requests.length).toBeLessThanOrEqual(6);
    expect(digest.fallbacks.filter((f) => /breaker-open/u.test(f.reason)).length).toBeGreaterThanOrEqual(16);
  });

  it('every request hangs: the digest is extractive within a few timeouts, not one per article', async () => {
    const TIMEOUT = 300;
    h = await harness(() => ({ hang: true }), { llm: { maxConcurrency: 4, breakerThreshold: 3, timeoutMs: TIMEOUT } });
    const list = articles(20);
    const t0 = performance.now();
    const digest = await h.digest(list);
    const elapsed = performance.now() - t0;
    expectComplete(digest, list);
    expect(digest.items.every((i) => i.summary.method === 'extractive')).toBe(true);
    expect(h.client.breaker.state).toBe('open');
    expect(h.fake.requests.length).toBeLessThanOrEqual(4);
    // One timeout per article would be 20 × 300 ms = 6 s.
    expect(elapsed).toBeLessThan(4 * TIMEOUT + 1_000);
  });

  it('after the cool-down one trial goes alone; when it succeeds the rest go out together', async () => {
    let down = true;
    h = await harness((req) => (down ? httpError(500) : ({ ...model(req), delayMs: 50 } as FakeReply)), {
      llm: { maxConcurrency: 4, maxRetries: 0, breakerThreshold: 2, breakerCooldownMs: 60_000 },
    });
    await h.digest(articles(3));
    expect(h.client.breaker.state).toBe('open');
    const before = h.fake.requests.length;
    down = false;
    h.clock.now += 60_000;
    h.fake.inFlight.max = 0;
    const list = articles(9).slice(3);
    const digest = await h.digest(list);
    expect(digest.items.map((i) => i.summary.method)).toEqual(list.map(() => 'llm'));
    expect(h.fake.requests.length - before).toBe(list.length);
    expect(h.fake.inFlight.max).toBe(4);
    expect(h.client.breaker.state).toBe('closed');
  });
});

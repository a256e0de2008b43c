import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/nlp/analysis.ts';
import { CHIPS, GRAIN, INJECTION, LONG, PORT, STEEL, fakeModel } from './articles.ts';
import { articleIn, httpError, type FakeRequest } from './fake-llm.ts';
import { expectComplete, harness, itemOf, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const model = fakeModel();

describe('LLM summarizer: resilience', () => {
  it('429 then success: retried after the Retry-After wait', async () => {
    h = await harness((req) => (req.index === 0 ? httpError(429, { 'retry-after': '2' }) : model(req)));
    const digest = await h.digest([PORT]);
    expectComplete(digest, [PORT]);
    expect(itemOf(digest, PORT).summary.method).toBe('llm');
    expect(h.fake.requests).toHaveLength(2);
    expect(h.sleeps).toEqual([2_000]);
  });

  it('503s are retried with backoff; retry-after-ms is honoured too', async () => {
    h = await harness(
      (req) =>
        req.index === 0 ? httpError(503) : req.index === 1 ? httpError(503, { 'retry-after-ms': '250' }) : model(req),
      { llm: { retryBaseDelayMs: 100 } },
    );
    const digest = await h.digest([STEEL]);
    expect(itemOf(digest, STEEL).summary.method).toBe('llm');
    expect(h.fake.requests).toHaveLength(3);
    // random() = 0.5 → 75% of 100 ms; then the server's 250 ms.
    expect(h.sleeps).toEqual([75, 250]);
  });

  it('a Retry-After beyond the allowed wait is not waited for: that article falls back', async () => {
    // Keyed by article, not by arrival: both requests may be in flight at once.
    let first = true;
    h = await harness((req) => {
      if (!first || articleIn(req).title !== PORT.title) return model(req);
      first = false;
      return httpError(429, { 'retry-after': '3600' });
    });
    const digest = await h.digest([PORT, STEEL]);
    expectComplete(digest, [PORT, STEEL]);
    expect(itemOf(digest, PORT).summary.fallbackReason).toMatch(/rate-limited: HTTP 429/u);
    expect(itemOf(digest, STEEL).summary.method).toBe('llm');
    expect(h.sleeps).toEqual([]);
  });

  it('500s until the breaker opens: then no more calls, immediate fallback; after the cool-down one trial closes it', async () => {
    let down = true;
    // One request at a time, so the exact sequence is known (concurrency.test.ts covers the concurrent case).
    h = await harness((req) => (down ? httpError(500) : model(req)), {
      llm: { maxRetries: 1, breakerThreshold: 3, maxConcurrency: 1 },
    });
    const articles = [PORT, STEEL, GRAIN, CHIPS, INJECTION];
    const digest = await h.digest(articles);
    expectComplete(digest, articles);
    expect(digest.items.every((i) => i.summary.method === 'extractive')).toBe(true);
    // PORT: 2 attempts; STEEL: 1 attempt opens the breaker (3 consecutive failures); the rest: none.
    expect(h.fake.requests).toHaveLength(3);
    expect(h.client.breaker.state).toBe('open');
    expect(itemOf(digest, PORT).summary.fallbackReason).toMatch(/server: HTTP 500/u);
    for (const a of [GRAIN, CHIPS, INJECTION])
      expect(itemOf(digest, a).summary.fallbackReason).toMatch(/breaker-open/u);

    // Still open a minute later minus a second: no call.
    h.clock.now += 59_000;
    await h.digest([CHIPS]);
    expect(h.fake.requests).toHaveLength(3);
    // After the cool-down: one trial request; the endpoint is back, so the breaker closes.
    down = false;
    h.clock.now += 1_000;
    const again = await h.digest([CHIPS, GRAIN]);
    expect(again.items.map((i) => i.summary.method)).toEqual(['llm', 'llm']);
    expect(h.fake.requests).toHaveLength(5);
    expect(h.client.breaker.state).toBe('closed');
  });

  it('a hang past the timeout: that article falls back within bounded time, the others are summarized', async () => {
    h = await harness((req: FakeRequest) => (articleIn(req).title === STEEL.title ? { hang: true } : model(req)), {
      llm: { timeoutMs: 300 },
    });
    const t0 = performance.now();
    const digest = await h.digest([PORT, STEEL, GRAIN]);
    const elapsed = performance.now() - t0;
    expectComplete(digest, [PORT, STEEL, GRAIN]);
    expect(itemOf(digest, STEEL).summary.method).toBe('extractive');
    expect(itemOf(digest, STEEL).summary.fallbackReason).toMatch(/timeout: no reply within 300 ms/u);
    expect(digest.items.map((i) => i.summary.method)).toEqual(['llm', 'extractive', 'llm']);
    // A timeout is not retried: one request per article.
    expect(h.fake.requests).toHaveLength(3);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('no more than maxConcurrency requests are in flight at once', async () => {
    h = await harness((req) => ({ ...model(req), delayMs: 40 }), { llm: { maxConcurrency: 2 } });
    const articles = [PORT, STEEL, GRAIN, CHIPS, INJECTION];
    const summaries = await Promise.all(articles.map((a) => h!.summarizer.summarize(a, analyze(a.body), 2)));
    expect(summaries.every((s) => s.method === 'llm')).toBe(true);
    expect(h.fake.requests).toHaveLength(5);
    expect(h.fake.inFlight.max).toBe(2);
  });

  it('token budget: a long article is trimmed to fit (counted with tiktoken); once spent, articles fall back', async () => {
    h = await harness(model, { llm: { tokenBudgetPerDigest: 1_500, maxArticleTokens: 800, maxOutputTokens: 100 } });
    const digest = await h.digest([LONG, PORT, STEEL]);
    expectComplete(digest, [LONG, PORT, STEEL]);
    const sent = articleIn(h.fake.requests[0] as FakeRequest).text;
    expect(sent.length).toBeLessThan(LONG.body.length / 2);
    expect(LONG.body.startsWith(sent)).toBe(true);
    expect(sent.endsWith('quarter.')).toBe(true);
    expect(h.summarizer.stats.trimmed).toBeGreaterThanOrEqual(1);
    expect(itemOf(digest, LONG).summary.method).toBe('llm');
    const spent = digest.items.filter((i) => i.summary.fallbackReason?.includes('token budget'));
    expect(spent.length).toBeGreaterThanOrEqual(1);
    // A new digest starts a new budget.
    const next = await h.digest([STEEL]);
    expect(itemOf(next, STEEL).summary.method).toBe('llm');
  });

  it('a server that rejects response_format: JSON mode is dropped once and the prompt alone is used', async () => {
    // One request at a time: the exact sequence (concurrently, each request already in flight is rejected once too).
    h = await harness(
      (req) =>
        req.body.response_format
          ? { status: 400, json: { error: { message: 'Unrecognized request argument: response_format' } } }
          : model(req),
      { llm: { maxConcurrency: 1 } },
    );
    const digest = await h.digest([PORT, STEEL]);
    expect(digest.items.map((i) => i.summary.method)).toEqual(['llm', 'llm']);
    expect(h.fake.requests.map((r) => r.body.response_format?.type ?? null)).toEqual(['json_object', null, null]);
    expect(h.client.breaker.state).toBe('closed');
  });

  it('an endpoint that is not listening: connection errors are retried, then the breaker stops the calls', async () => {
    h = await harness(model, { llm: { maxRetries: 1, breakerThreshold: 2, maxConcurrency: 1 } });
    await h.fake.close();
    const articles = [PORT, STEEL, GRAIN];
    const digest = await h.digest(articles);
    expectComplete(digest, articles);
    expect(itemOf(digest, PORT).summary.fallbackReason).toMatch(/connection: cannot reach/u);
    expect(itemOf(digest, STEEL).summary.fallbackReason).toMatch(/breaker-open/u);
    expect(h.client.requests).toBe(2);
  });
});

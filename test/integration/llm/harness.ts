import { expect } from 'vitest';
import type { Article, Digest } from '../../../src/domain/types.ts';
import { configSchema, type Config } from '../../../src/config/schema.ts';
import type { LlmConfig } from '../../../src/config/llm-section.ts';
import { buildDigest } from '../../../src/digest/build.ts';
import { silentLogger } from '../../../src/log/logger.ts';
import type { ChatClient } from '../../../src/llm/client.ts';
import { MemoryLlmCache, type LlmCache } from '../../../src/llm/cache.ts';
import { createLlmClient, createSummarizer } from '../../../src/llm/factory.ts';
import { LlmSummarizer } from '../../../src/llm/llm-summarizer.ts';
import { startFakeLlm, type FakeLlm, type Handler } from './fake-llm.ts';

/** A fake server plus the real wiring (config → client → summarizer) with an injected clock and sleep. */
export interface Harness {
  readonly fake: FakeLlm;
  readonly config: Config;
  readonly client: ChatClient;
  readonly summarizer: LlmSummarizer;
  readonly cache: LlmCache;
  /** Every wait the retry loop asked for, in ms (the sleep returns at once and moves the clock). */
  readonly sleeps: number[];
  readonly clock: { now: number };
  digest(articles: readonly Article[]): Promise<Digest>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly llm?: Partial<LlmConfig>;
  readonly cache?: LlmCache;
  /** Reuse a running fake (e.g. across a simulated restart). */
  readonly fake?: FakeLlm;
}

export async function harness(handler: Handler, opts: HarnessOptions = {}): Promise<Harness> {
  const fake = opts.fake ?? (await startFakeLlm(handler));
  if (opts.fake) fake.handle(handler);
  const config = configSchema.parse({
    core: { summarySentences: 2, keyQuotes: 3 },
    llm: {
      baseUrl: fake.url,
      model: 'fake-model',
      timeoutMs: 2_000,
      retryBaseDelayMs: 0,
      maxRetries: 2,
      breakerThreshold: 3,
      breakerCooldownMs: 60_000,
      ...opts.llm,
    },
  });
  const sleeps: number[] = [];
  const clock = { now: Date.parse('2024-03-28T08:00:00Z') };
  const client = createLlmClient(config.llm, {
    now: () => clock.now,
    sleep: (ms) => {
      sleeps.push(ms);
      clock.now += ms;
      return Promise.resolve();
    },
    random: () => 0.5,
  });
  const cache = opts.cache ?? new MemoryLlmCache();
  const summarizer = await createSummarizer(config, { log: silentLogger(), cache, client });
  if (!(summarizer instanceof LlmSummarizer)) throw new Error('expected the LLM summarizer');
  return {
    fake,
    config,
    client,
    summarizer,
    cache,
    sleeps,
    clock,
    digest: (articles) => {
      summarizer.resetBudget();
      return buildDigest(articles, { date: '2024-03-28', sentences: 2, quotes: 3, summarizer });
    },
    close: () => fake.close(),
  };
}

/** Every article is in the digest, in order, with a non-empty summary. */
export function expectComplete(digest: Digest, articles: readonly Article[]): void {
  expect(digest.items.map((i) => i.article.id)).toEqual(articles.map((a) => a.id));
  for (const item of digest.items) {
    expect(item.summary.sentences.length, item.article.title).toBeGreaterThan(0);
    for (const s of item.summary.sentences) expect(s.trim().length).toBeGreaterThan(0);
  }
}

export function itemOf(digest: Digest, article: Article): Digest['items'][number] {
  const item = digest.items.find((i) => i.article.id === article.id);
  if (!item) throw new Error(`no digest item for ${article.title}`);
  return item;
}

import type { Config } from '../config/schema.ts';
import type { LlmConfig } from '../config/llm-section.ts';
import type { Logger } from '../log/logger.ts';
import type { Answerer } from '../answer/types.ts';
import type { Summarizer } from '../summarize/summarizer.ts';
import { extractiveSummarizer } from '../summarize/extractive.ts';
import { createChatClient, createOpenAi, type ChatClient } from './client.ts';
import { MemoryLlmCache, type LlmCache } from './cache.ts';
import { TokenBudget, tiktokenCounter } from './budget.ts';
import { LlmSummarizer } from './llm-summarizer.ts';
import { createLlmAnswerer, type AsyncAnswerer } from './llm-answerer.ts';

/** Composition of the LLM pieces from the configuration; the only place that decides LLM or extractive. */

export interface LlmDeps {
  readonly log: Logger;
  /** Reply cache; default in-memory. With the SQLite store: `new SqliteLlmCache(store.db)`. */
  readonly cache?: LlmCache;
  /** One client shared by the summarizer and the answerer (one breaker, one concurrency limit). */
  readonly client?: ChatClient;
  /** Injected for tests: epoch ms, sleep, jitter. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export type LlmMode = 'llm' | 'disabled' | 'no-key';

/** LLM when enabled and a key or a base URL (a local server needs no key) is set. */
export function llmMode(cfg: LlmConfig): LlmMode {
  if (!cfg.enabled) return 'disabled';
  return cfg.apiKey !== undefined || cfg.baseUrl !== undefined ? 'llm' : 'no-key';
}

/** The resilient chat client for the configured endpoint. */
export function createLlmClient(cfg: LlmConfig, deps: Omit<LlmDeps, 'log' | 'cache' | 'client'> = {}): ChatClient {
  return createChatClient({
    openai: createOpenAi(cfg),
    model: cfg.model,
    temperature: cfg.temperature,
    timeoutMs: cfg.timeoutMs,
    maxConcurrency: cfg.maxConcurrency,
    retry: { maxRetries: cfg.maxRetries, baseDelayMs: cfg.retryBaseDelayMs, maxDelayMs: cfg.maxRetryDelayMs },
    breakerThreshold: cfg.breakerThreshold,
    breakerCooldownMs: cfg.breakerCooldownMs,
    jsonMode: cfg.jsonMode,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(deps.random ? { random: deps.random } : {}),
  });
}

/**
 * The summarizer for this configuration, logging once which one was chosen:
 * the LLM summarizer (extractive fallback per article) or the extractive one.
 */
export async function createSummarizer(config: Config, deps: LlmDeps): Promise<Summarizer> {
  const cfg = config.llm;
  const mode = llmMode(cfg);
  if (mode === 'no-key') {
    deps.log.info('No OPENAI_API_KEY: summaries are extractive (by design)');
    return extractiveSummarizer;
  }
  if (mode === 'disabled') {
    deps.log.info('LLM disabled (llm.enabled: false): summaries are extractive');
    return extractiveSummarizer;
  }
  const summarizer = new LlmSummarizer({
    client: deps.client ?? createLlmClient(cfg, deps),
    cache: deps.cache ?? new MemoryLlmCache(),
    counter: await tiktokenCounter(cfg.tokenizer),
    budget: new TokenBudget(cfg.tokenBudgetPerDigest),
    maxArticleTokens: cfg.maxArticleTokens,
    maxOutputTokens: cfg.maxOutputTokens,
    quotes: config.core.keyQuotes === 'all' ? 20 : Math.max(1, config.core.keyQuotes),
    log: deps.log,
  });
  deps.log.info(
    { model: cfg.model, baseUrl: cfg.baseUrl ?? 'https://api.openai.com/v1', budget: cfg.tokenBudgetPerDigest },
    'LLM summaries on (extractive fallback per article)',
  );
  return summarizer;
}

/** Call before each digest (or library) build: a new token budget. No-op for the extractive summarizer. */
export function beginDigest(summarizer: Summarizer): void {
  if (summarizer instanceof LlmSummarizer) summarizer.resetBudget();
}

/** The answerer the bot awaits: LLM over the retrieval answerer when configured, else the retrieval answerer itself. */
export function createAsyncAnswerer(config: Config, base: Answerer, deps: LlmDeps): AsyncAnswerer {
  const cfg = config.llm;
  if (llmMode(cfg) !== 'llm' || !cfg.answers) {
    return {
      ask: (q, o) => Promise.resolve(base.ask(q, o)),
      get size() {
        return base.size;
      },
    };
  }
  return createLlmAnswerer(base, deps.client ?? createLlmClient(cfg, deps), {
    maxOutputTokens: Math.min(cfg.maxOutputTokens, 400),
    historyTurns: config.bot.historyTurns,
    log: deps.log,
  });
}

import type { Config } from '../config/schema.ts';
import type { Logger } from '../log/logger.ts';
import type { StoreBackend } from '../store/backend.ts';
import type { Summarizer } from '../summarize/summarizer.ts';
import { createLlmClient, createSummarizer, llmMode } from '../llm/factory.ts';
import { MemoryLlmCache, type LlmCache } from '../llm/cache.ts';
import type { ChatClient } from '../llm/client.ts';

export interface SummaryStack {
  readonly summarizer: Summarizer;
  /** The shared model client (one breaker, one concurrency limit), when the LLM is on. */
  readonly client?: ChatClient;
}

/** The LLM reply cache lives in the state store (SQLite or PostgreSQL); in memory without one. */
function cacheFor(store: StoreBackend | undefined): LlmCache {
  return store?.llmCache() ?? new MemoryLlmCache();
}

/** The configured summarizer (LLM with extractive fallback, or extractive), said once in the log. */
export async function summaryStack(config: Config, log: Logger, store?: StoreBackend): Promise<SummaryStack> {
  if (llmMode(config.llm) !== 'llm') return { summarizer: await createSummarizer(config, { log }) };
  const client = createLlmClient(config.llm);
  const summarizer = await createSummarizer(config, { log, client, cache: cacheFor(store) });
  return { summarizer, client };
}

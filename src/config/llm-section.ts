import { z } from 'zod';
import type { Section } from './sections.ts';

/**
 * LLM summaries and answers through any OpenAI-compatible endpoint (see docs/llm.md).
 * No key and no base URL → extractive summaries and retrieval answers, by design.
 * Environment values arrive coerced (a numeric key would be a number), hence `z.coerce.string()`.
 */
export const llm = {
  schema: z.strictObject({
    /** Off switch: false keeps the extractive pipeline even with a key. */
    enabled: z.boolean().default(true),
    /** API key; local servers (Ollama, vLLM, llama.cpp) need none, a base URL is enough. */
    apiKey: z.coerce.string().min(1).optional(),
    /** OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (Ollama). Default: api.openai.com. */
    baseUrl: z
      .url({
        protocol: /^https?$/,
        error: 'must be an http(s) URL such as http://127.0.0.1:11434/v1 or https://api.openai.com/v1',
      })
      .optional(),
    model: z.coerce.string().min(1).default('gpt-4o-mini'),
    temperature: z.number().min(0).max(2).default(0.2),
    /** Per-request timeout (one HTTP attempt). */
    timeoutMs: z.number().int().min(1).default(30_000),
    /** Requests in flight at once. */
    maxConcurrency: z.number().int().min(1).max(64).default(4),
    /** Tokens (prompt + article + reply) one digest build may spend; cache hits spend none. */
    tokenBudgetPerDigest: z.number().int().min(1_000).default(100_000),
    /** Longer articles are trimmed (at a sentence end) to this many tokens. */
    maxArticleTokens: z.number().int().min(100).default(3_000),
    /** Reply length cap (`max_tokens`). */
    maxOutputTokens: z.number().int().min(50).default(600),
    /** Retries after a 429, a 5xx or a connection error (not after a timeout). */
    maxRetries: z.number().int().min(0).max(10).default(3),
    /** Exponential backoff base, doubled each retry, with jitter; a Retry-After header wins. */
    retryBaseDelayMs: z.number().int().min(0).default(500),
    /** A Retry-After longer than this is not waited for: the article falls back instead. */
    maxRetryDelayMs: z.number().int().min(0).default(30_000),
    /** Consecutive failed requests that open the circuit breaker. */
    breakerThreshold: z.number().int().min(1).default(5),
    /** How long an open breaker refuses calls before one trial request. */
    breakerCooldownMs: z.number().int().min(0).default(60_000),
    /** Ask for `response_format: json_object` (dropped automatically if the server rejects it). */
    jsonMode: z.boolean().default(true),
    /** Tokenizer used to count and trim (an estimate for non-OpenAI models). */
    tokenizer: z.enum(['o200k_base', 'cl100k_base']).default('o200k_base'),
    /** Use the LLM for thread answers too (the retrieval answer is the fallback). */
    answers: z.boolean().default(true),
  }),
  env: {
    LLM_ENABLED: 'enabled',
    OPENAI_API_KEY: 'apiKey',
    OPENAI_BASE_URL: 'baseUrl',
    OPENAI_MODEL: 'model',
    LLM_TEMPERATURE: 'temperature',
    LLM_TIMEOUT_MS: 'timeoutMs',
    LLM_MAX_CONCURRENCY: 'maxConcurrency',
    LLM_TOKEN_BUDGET: 'tokenBudgetPerDigest',
    LLM_MAX_ARTICLE_TOKENS: 'maxArticleTokens',
  },
} satisfies Section;

export type LlmConfig = z.output<typeof llm.schema>;

import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { CircuitBreaker } from './circuit-breaker.ts';
import { createLimiter } from './limit.ts';
import { parseRetryAfter, withRetry, type FailureVerdict, type RetryPolicy } from './retry.ts';

/**
 * One resilient chat-completion call over the official `openai` client against any
 * OpenAI-compatible endpoint: per-request timeout, our own retries (the client's are off)
 * on 429/5xx/connection errors honouring Retry-After, a concurrency limit and a circuit breaker.
 * Up to `maxConcurrency` requests go out at once while the endpoint is healthy; after a failed
 * request (and while the breaker is open or half-open) only one at a time, until one succeeds:
 * a failing endpoint then opens the breaker after a few requests instead of a wave per article,
 * and a half-open trial is not raced by requests the breaker would refuse.
 */

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface ChatRequest {
  readonly messages: readonly ChatMessage[];
  readonly maxTokens: number;
  /** Ask for `response_format: json_object` (when the client's JSON mode is on). */
  readonly json: boolean;
}

export interface ChatResult {
  readonly text: string;
  readonly promptTokens: number | null;
  readonly completionTokens: number | null;
}

export type LlmFailureKind =
  | 'breaker-open'
  | 'timeout'
  | 'rate-limited'
  | 'server'
  | 'connection'
  | 'rejected'
  | 'empty';

export class LlmCallError extends Error {
  override readonly name = 'LlmCallError';
  constructor(
    readonly kind: LlmFailureKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export interface ChatClient {
  readonly model: string;
  readonly breaker: CircuitBreaker;
  /** HTTP requests sent so far (every attempt counts). */
  readonly requests: number;
  complete(req: ChatRequest): Promise<ChatResult>;
}

export interface ChatClientOptions {
  readonly openai: OpenAI;
  readonly model: string;
  readonly temperature: number;
  readonly timeoutMs: number;
  readonly maxConcurrency: number;
  readonly retry: RetryPolicy;
  readonly breakerThreshold: number;
  readonly breakerCooldownMs: number;
  readonly jsonMode: boolean;
  /** Epoch ms; default Date.now. */
  readonly now?: () => number;
  /** Default: a real timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** The official client for an endpoint; its own retries are off (ours honour Retry-After and the breaker). */
export function createOpenAi(cfg: {
  readonly apiKey?: string | undefined;
  readonly baseUrl?: string | undefined;
  readonly timeoutMs: number;
}): OpenAI {
  return new OpenAI({
    // Local servers need no key, but the client insists on one (and would read the environment otherwise).
    apiKey: cfg.apiKey ?? 'not-needed',
    baseURL: cfg.baseUrl ?? 'https://api.openai.com/v1',
    // Everything comes from our config; keep the client from picking up other OPENAI_* variables.
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: cfg.timeoutMs,
  });
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Does this failure mean the endpoint is unwell (counts toward opening the breaker)? */
function isEndpointFailure(err: unknown): boolean {
  if (!(err instanceof LlmCallError)) return true;
  if (err.kind === 'empty' || err.kind === 'breaker-open') return false;
  return !(err.kind === 'rejected' && (err.status === 400 || err.status === 413 || err.status === 422));
}

function toCallError(err: unknown, timedOut: boolean, timeoutMs: number): LlmCallError {
  if (err instanceof LlmCallError) return err;
  if (timedOut || err instanceof APIConnectionTimeoutError)
    return new LlmCallError('timeout', `no reply within ${timeoutMs} ms`);
  if (err instanceof APIConnectionError)
    return new LlmCallError('connection', `cannot reach the endpoint (${err.message})`);
  if (err instanceof APIError && typeof err.status === 'number') {
    const s = err.status;
    const kind: LlmFailureKind = s === 429 ? 'rate-limited' : s >= 500 ? 'server' : 'rejected';
    const e = new LlmCallError(kind, `HTTP ${s}: ${err.message}`, s);
    return Object.assign(e, { headers: err.headers });
  }
  return new LlmCallError('connection', err instanceof Error ? err.message : String(err));
}

function classify(now: () => number): (err: unknown) => FailureVerdict {
  return (err) => {
    if (!(err instanceof LlmCallError)) return { retryable: false, retryAfterMs: null };
    const retryable =
      err.kind === 'rate-limited' ||
      err.kind === 'server' ||
      err.kind === 'connection' ||
      err.status === 408 ||
      err.status === 409;
    const headers = (err as { headers?: Headers }).headers;
    return { retryable, retryAfterMs: parseRetryAfter(headers, now()) };
  };
}

/** A 400 that names response_format: the server does not do JSON mode. */
function rejectsJsonMode(err: LlmCallError): boolean {
  return err.status === 400 && /response_format|json_object|json mode/iu.test(err.message);
}

export function createChatClient(opts: ChatClientOptions): ChatClient {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? realSleep;
  const breaker = new CircuitBreaker({ threshold: opts.breakerThreshold, cooldownMs: opts.breakerCooldownMs, now });
  const limit = createLimiter(opts.maxConcurrency, () => (breaker.healthy ? opts.maxConcurrency : 1));
  let jsonMode = opts.jsonMode;
  let requests = 0;

  const attempt = async (req: ChatRequest): Promise<ChatResult> => {
    if (!breaker.allow()) {
      throw new LlmCallError(
        'breaker-open',
        `circuit breaker open after repeated failures (retry in ${Math.ceil(breaker.retryInMs / 1000)} s)`,
      );
    }
    const useJson = req.json && jsonMode;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), opts.timeoutMs);
    requests++;
    try {
      const res = await opts.openai.chat.completions.create(
        {
          model: opts.model,
          messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
          temperature: opts.temperature,
          max_tokens: req.maxTokens,
          ...(useJson ? { response_format: { type: 'json_object' as const } } : {}),
        },
        { signal: abort.signal, timeout: opts.timeoutMs, maxRetries: 0 },
      );
      breaker.success();
      const text = res.choices[0]?.message.content ?? '';
      if (text.trim() === '') throw new LlmCallError('empty', 'the model returned no text');
      return {
        text,
        promptTokens: res.usage?.prompt_tokens ?? null,
        completionTokens: res.usage?.completion_tokens ?? null,
      };
    } catch (raw) {
      const err = toCallError(raw, abort.signal.aborted, opts.timeoutMs);
      if (useJson && rejectsJsonMode(err)) {
        jsonMode = false;
        breaker.success();
        return attempt(req);
      }
      if (err.kind !== 'empty' && isEndpointFailure(err)) breaker.failure();
      throw err;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    model: opts.model,
    breaker,
    get requests() {
      return requests;
    },
    complete: (req) =>
      limit(() =>
        withRetry(
          () => attempt(req),
          classify(now),
          opts.retry,
          { sleep, now, ...(opts.random ? { random: opts.random } : {}) },
          () => breaker.state !== 'open',
        ),
      ),
  };
}

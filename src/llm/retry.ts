/**
 * Retries with exponential backoff and jitter, honouring `Retry-After`.
 * The clock and sleep are injected so tests run without waiting.
 */

export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** Backoff before retry k (0-based) is about `baseDelayMs * 2^k`, jittered to [50%, 100%]. */
  readonly baseDelayMs: number;
  /** Longest wait: a backoff is capped here; a longer Retry-After ends the retries instead. */
  readonly maxDelayMs: number;
}

/** How the retry loop should treat one failure. */
export interface FailureVerdict {
  readonly retryable: boolean;
  /** The server's own wait (Retry-After / retry-after-ms), when it said one. */
  readonly retryAfterMs: number | null;
}

export interface RetryDeps {
  readonly sleep: (ms: number) => Promise<void>;
  /** In [0, 1); defaults to Math.random. */
  readonly random?: () => number;
  /** Epoch ms, to read an HTTP-date Retry-After. */
  readonly now?: () => number;
}

/** Milliseconds the server asked to wait, from `retry-after-ms`, `retry-after` (seconds or HTTP date); null if none. */
export function parseRetryAfter(headers: Headers | undefined, now: number): number | null {
  if (!headers) return null;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const ra = headers.get('retry-after');
  if (ra === null) return null;
  const value = ra.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The wait before retry number `retry` (0-based), or null when the server's wait is longer than allowed. */
export function retryDelay(
  retry: number,
  verdict: FailureVerdict,
  policy: RetryPolicy,
  random: () => number,
): number | null {
  if (verdict.retryAfterMs !== null) return verdict.retryAfterMs > policy.maxDelayMs ? null : verdict.retryAfterMs;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(backoff * (0.5 + random() / 2));
}

/**
 * Run `attempt` until it succeeds, the failure is not retryable, the retries are spent,
 * or `mayContinue` says stop (e.g. the circuit breaker opened). The last error is rethrown.
 */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  classify: (err: unknown) => FailureVerdict,
  policy: RetryPolicy,
  deps: RetryDeps,
  mayContinue: () => boolean = () => true,
): Promise<T> {
  const random = deps.random ?? Math.random;
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (n >= policy.maxRetries || !mayContinue()) throw err;
      const verdict = classify(err);
      if (!verdict.retryable) throw err;
      const wait = retryDelay(n, verdict, policy, random);
      if (wait === null) throw err;
      if (wait > 0) await deps.sleep(wait);
      if (!mayContinue()) throw err;
    }
  }
}

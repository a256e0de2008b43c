import type { webApi } from '@slack/bolt';

/** `host[:port]` of the Web API base, for messages that say where the bot tried to connect. */
export function hostOf(apiUrl: string): string {
  try {
    return new URL(apiUrl).host;
  } catch {
    return apiUrl;
  }
}

/**
 * The WebClient hands `retryConfig` to p-retry as it is, and p-retry calls `onFailedAttempt`
 * after every failed attempt; @slack/web-api's RetryOptions type leaves that option out.
 */
export function withAttemptLog(
  retry: webApi.RetryOptions,
  onFailedAttempt: (error: { attemptNumber: number; retriesLeft: number }) => void,
): webApi.RetryOptions {
  const options: webApi.RetryOptions & { onFailedAttempt: typeof onFailedAttempt } = { ...retry, onFailedAttempt };
  return options;
}

/** The network reason under a failed request: ECONNREFUSED, ENOTFOUND, a timeout… */
export function networkReason(err: unknown): string {
  const e = err as {
    original?: { message?: unknown; cause?: { code?: unknown; message?: unknown } };
    message?: unknown;
  };
  const cause = e.original?.cause;
  const detail =
    typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
  const base =
    typeof e.original?.message === 'string'
      ? e.original.message
      : typeof e.message === 'string'
        ? e.message
        : String(err);
  return detail === undefined ? base : `${base}: ${detail}`;
}

/**
 * When a feed may be fetched next: its interval after a success; after failures the interval
 * doubles per failure in a row (capped at six hours, so a dead feed is still tried a few times
 * a day); never before a server-requested Retry-After.
 */

import type { FeedState } from '../domain/feed-state.ts';

export const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;

export function nextFetchAt(state: FeedState | null, intervalMinutes: number): Date {
  if (state === null || state.lastAttemptAt === null) return new Date(0);
  const interval = intervalMinutes * 60_000;
  const wait =
    state.consecutiveFailures === 0
      ? interval
      : Math.min(interval * 2 ** Math.min(state.consecutiveFailures - 1, 20), Math.max(interval, MAX_BACKOFF_MS));
  const due = Date.parse(state.lastAttemptAt) + wait;
  const pause = state.retryAfter === null ? 0 : Date.parse(state.retryAfter);
  return new Date(Math.max(due, pause));
}

/**
 * A Retry-After header (delta-seconds or an HTTP date) as an absolute time; null when absent
 * or unreadable. Bounded to a day so a hostile value cannot silence a feed for good.
 */
export function retryAfterTime(header: string | null, now: Date): Date | null {
  if (header === null) return null;
  const v = header.trim();
  let at: number;
  if (/^\d{1,9}$/.test(v)) at = now.getTime() + Number(v) * 1000;
  else {
    at = Date.parse(v);
    if (Number.isNaN(at)) return null;
  }
  return new Date(Math.min(Math.max(at, now.getTime()), now.getTime() + 24 * 60 * 60 * 1000));
}

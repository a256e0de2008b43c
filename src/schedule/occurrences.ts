import { matchesDate, type CronSpec } from './cron-spec.ts';
import { LocalDay, addDays, localParts } from './zoned-time.ts';

/**
 * When a cron expression fires in a time zone: pure functions of the expression, the zone
 * and an instant (the caller's clock). A DST day yields each wall-clock time once: a time
 * skipped by spring-forward fires just after the gap, a time repeated by fall-back fires
 * on its first occurrence only. So a daily 02:30 target fires exactly once every day.
 */

/** Far enough for `0 0 29 2 *` across a skipped leap year (2100). */
const HORIZON_DAYS = 366 * 9;

/** The instants (ms, ascending, distinct) the expression fires on one local calendar day. */
export function occurrencesOnDay(spec: CronSpec, timeZone: string, year: number, month: number, day: number): number[] {
  if (!matchesDate(spec, year, month, day)) return [];
  const local = new LocalDay(year, month, day, timeZone);
  const out: number[] = [];
  for (const h of spec.hours)
    for (const m of spec.minutes) for (const s of spec.seconds) out.push(local.instant(h, m, s));
  if (local.steady) return out;
  return [...new Set(out)].sort((a, b) => a - b);
}

/** First instant strictly after `after` at which the expression fires, or null within ~9 years. */
export function nextOccurrence(spec: CronSpec, timeZone: string, after: Date): Date | null {
  const t = after.getTime();
  const start = localParts(t, timeZone);
  for (let i = -1; i < HORIZON_DAYS; i++) {
    const d = addDays(start.year, start.month, start.day, i);
    const found = occurrencesOnDay(spec, timeZone, d.year, d.month, d.day).find((x) => x > t);
    if (found === undefined) continue;
    // A gap-shifted time late on one day may land after the next day's first time.
    const n = addDays(d.year, d.month, d.day, 1);
    const next = occurrencesOnDay(spec, timeZone, n.year, n.month, n.day).find((x) => x > t);
    return new Date(next === undefined ? found : Math.min(found, next));
  }
  return null;
}

/** Latest instant at or before `atOrBefore` at which the expression fired, or null within ~9 years. */
export function previousOccurrence(spec: CronSpec, timeZone: string, atOrBefore: Date): Date | null {
  const t = atOrBefore.getTime();
  const start = localParts(t, timeZone);
  for (let i = 1; i > -HORIZON_DAYS; i--) {
    const d = addDays(start.year, start.month, start.day, i);
    const found = occurrencesOnDay(spec, timeZone, d.year, d.month, d.day)
      .filter((x) => x <= t)
      .pop();
    if (found === undefined) continue;
    const p = addDays(d.year, d.month, d.day, -1);
    const prev = occurrencesOnDay(spec, timeZone, p.year, p.month, p.day)
      .filter((x) => x <= t)
      .pop();
    return new Date(prev === undefined ? found : Math.max(found, prev));
  }
  return null;
}

/** The instants in `(after, until]`, oldest first, at most `limit`. */
export function occurrencesBetween(spec: CronSpec, timeZone: string, after: Date, until: Date, limit = 1000): Date[] {
  const out: Date[] = [];
  let cur = nextOccurrence(spec, timeZone, after);
  while (cur !== null && cur.getTime() <= until.getTime() && out.length < limit) {
    out.push(cur);
    cur = nextOccurrence(spec, timeZone, cur);
  }
  return out;
}

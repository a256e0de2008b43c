import cron from 'node-cron';
import { CRON_HELP, cronProblem } from '../config/schedule-checks.ts';

/**
 * A cron expression parsed by node-cron (5 fields, or 6 with seconds first; names,
 * ranges, steps, `L`, `W`, `#` accepted as node-cron accepts them). Day of month and
 * day of week must both match, as in node-cron.
 *
 * node-cron stays the one cron library: it validates and parses (here and in config). It
 * has no previous-run function and its matcher and next-run exist only on a ScheduledTask
 * and test instants, so a wall time skipped by spring-forward never matches. The
 * scheduler needs the latest occurrence before now (catch-up) and each local time once
 * per DST day (`occurrences.ts`), so `matchesDate` below decides which calendar days the
 * parsed fields (including `L`, `W`, `#`) select, and occurrences.ts the times on them.
 */
export interface CronSpec {
  readonly expression: string;
  readonly seconds: readonly number[];
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly daysOfMonth: readonly (number | string)[];
  readonly months: readonly number[];
  readonly daysOfWeek: readonly (number | string)[];
}

const asc = (values: readonly number[]): number[] => [...new Set(values)].sort((a, b) => a - b);

/** Parse a cron expression; throws with node-cron's reason and the expected form. */
export function parseCron(expression: string): CronSpec {
  const problem = cronProblem(expression);
  if (problem !== null)
    throw new Error(`"${expression}" is not a valid cron expression (${problem}); use ${CRON_HELP}`);
  const f = cron.parse(expression);
  return {
    expression,
    seconds: asc(f.second),
    minutes: asc(f.minute),
    hours: asc(f.hour),
    daysOfMonth: f.dayOfMonth,
    months: f.month,
    daysOfWeek: f.dayOfWeek,
  };
}

const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const weekdayOf = (y: number, m: number, d: number): number => new Date(Date.UTC(y, m - 1, d)).getUTCDay();

function nearestWeekday(y: number, m: number, target: number): number {
  const last = lastDay(y, m);
  if (target < 1 || target > last) return -1;
  const wd = weekdayOf(y, m, target);
  if (wd === 6) return target === 1 ? target + 2 : target - 1;
  if (wd === 0) return target === last ? target - 2 : target + 1;
  return target;
}

function dayOfMonthMatches(value: number | string, y: number, m: number, d: number): boolean {
  if (typeof value === 'number') return value === d;
  if (value === 'L') return d === lastDay(y, m);
  const w = /^(\d{1,2}|L)W$/.exec(value);
  if (w) return nearestWeekday(y, m, w[1] === 'L' ? lastDay(y, m) : Number(w[1])) === d;
  const off = /^L-(\d{1,2})$/.exec(value);
  if (off) return lastDay(y, m) - Number(off[1]) === d;
  return false;
}

function dayOfWeekMatches(value: number | string, y: number, m: number, d: number): boolean {
  const wd = weekdayOf(y, m, d);
  if (typeof value === 'number') return value % 7 === wd;
  const nth = /^([0-7])#([1-5])$/.exec(value);
  if (nth) return Number(nth[1]) % 7 === wd && Math.floor((d - 1) / 7) + 1 === Number(nth[2]);
  const last = /^([0-7])L$/i.exec(value);
  if (last) return Number(last[1]) % 7 === wd && d + 7 > lastDay(y, m);
  return false;
}

/** Whether the calendar date (month 1–12) is one the expression runs on. */
export function matchesDate(spec: CronSpec, year: number, month: number, day: number): boolean {
  return (
    spec.months.includes(month) &&
    spec.daysOfMonth.some((v) => dayOfMonthMatches(v, year, month, day)) &&
    spec.daysOfWeek.some((v) => dayOfWeekMatches(v, year, month, day))
  );
}

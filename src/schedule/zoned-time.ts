/**
 * Wall-clock time in an IANA time zone, with Intl only (no dependency).
 * Pure functions: instants are epoch milliseconds.
 *
 * DST rules used by the scheduler (see docs/operations.md):
 * - a local time that does not exist (spring forward) maps to the instant the same
 *   distance after the gap starts, e.g. 02:30 on a 02:00→03:00 day is 03:30;
 * - a local time that exists twice (fall back) maps to its first instant only.
 */

export interface LocalTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time at `instant` in `timeZone`. */
export function localParts(instant: number, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const hour = parts['hour'] ?? 0;
  return {
    year: parts['year'] ?? 1970,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: hour === 24 ? 0 : hour,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

function wallMs(t: LocalTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/** UTC offset (local minus UTC, ms) in force at `instant`. */
export function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallMs(localParts(whole, timeZone)) - whole;
}

/** `YYYY-MM-DD` of `instant` in `timeZone`. */
export function localDate(instant: number, timeZone: string): string {
  const t = localParts(instant, timeZone);
  return `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

/** Shift a calendar date by `days`. */
export function addDays(
  year: number,
  month: number,
  day: number,
  days: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Converts wall-clock times of one local day to instants. The offsets around the day are
 * probed once and a transition inside the window is located by bisection, so converting
 * each time of the day is plain arithmetic.
 */
export class LocalDay {
  private readonly before: number;
  private readonly after: number;
  /** First instant with the `after` offset, when the offset changes near this day. */
  private readonly transition: number | null;

  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
    timeZone: string,
  ) {
    const midnight = Date.UTC(year, month - 1, day);
    let lo = midnight - 15 * HOUR;
    let hi = midnight + 39 * HOUR;
    this.before = offsetAt(lo, timeZone);
    this.after = offsetAt(hi, timeZone);
    if (this.before === this.after) {
      this.transition = null;
      return;
    }
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2000) * 1000;
      if (offsetAt(mid, timeZone) === this.before) lo = mid;
      else hi = mid;
    }
    this.transition = hi;
  }

  /** The instant of `hour:minute:second` on this day, by the DST rules above. */
  instant(hour: number, minute: number, second: number): number {
    const wall = Date.UTC(this.year, this.month - 1, this.day, hour, minute, second);
    if (this.transition === null) return wall - this.before;
    const early = wall - this.before;
    const late = wall - this.after;
    const earlyValid = early < this.transition;
    const lateValid = late >= this.transition;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    return early; // in the gap: as far past the gap's start as the wall time is
  }

  /** True when no offset change happens near this day (every time maps monotonically). */
  get steady(): boolean {
    return this.transition === null;
  }
}

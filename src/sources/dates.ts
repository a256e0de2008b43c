/**
 * Date normalization for article metadata: everything becomes `YYYY-MM-DD` (a date only) or a full
 * ISO timestamp; anything unrecognised becomes null. Never throws.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Month names and abbreviations, longest first, for building regular expressions. */
export const MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** 1–12 for a month name or abbreviation (any case, optional trailing dot), else 0. */
export function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `YYYY-MM-DD` for a real calendar day, else null. */
export function ymd(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function fromDate(d: Date, dayIfMidnight: boolean): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const y = d.getUTCFullYear();
  if (y < 1000 || y > 9999) return null;
  if (dayIfMidnight && t % 86_400_000 === 0) return d.toISOString().slice(0, 10);
  return d.toISOString().replace('.000Z', 'Z');
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASH_DAY = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const MONTH_FIRST = new RegExp(`^(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'i');
const DAY_FIRST = new RegExp(`^(\\d{1,2})\\.?\\s+(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})$`, 'i');
/** RFC 2822 style, e.g. `Thu, 27 Sep 2018 10:00:00 GMT`. */
const RFC2822 = new RegExp(
  `^(?:[a-z]{3},?\\s+)?\\d{1,2}\\s+(?:${MONTH_PATTERN})\\s+\\d{4}\\s+\\d{2}:\\d{2}(?::\\d{2})?\\s*(?:[a-z]{1,5}|[+-]\\d{4})?$`,
  'i',
);

/**
 * Normalizes a date from metadata (a string, a `Date`, or anything else) to ISO:
 * `YYYY-MM-DD` when only a day is known, a full ISO timestamp otherwise (UTC when the input
 * had a time zone, as written when it had none). Returns null when it cannot be read.
 */
export function normalizeDate(value: unknown): string | null {
  if (value instanceof Date) return fromDate(value, true);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s.length === 0 || s.length > 64) return null;
  let m = ISO_DAY.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ISO_TIME.exec(s);
  if (m) {
    const day = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    const hh = Number(m[4]);
    const mm = Number(m[5]);
    const ss = Number(m[6] ?? '0');
    if (day === null || hh > 23 || mm > 59 || ss > 60) return null;
    if (m[8] === undefined) return `${day}T${pad(hh)}:${pad(mm)}:${pad(ss)}`;
    const zone = m[8].toUpperCase() === 'Z' ? 'Z' : m[8].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    return fromDate(new Date(`${day}T${pad(hh)}:${pad(mm)}:${pad(ss)}${(m[7] ?? '').slice(0, 4)}${zone}`), false);
  }
  m = SLASH_DAY.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_FIRST.exec(s);
  if (m) return ymd(Number(m[3]), monthNumber(m[1] as string), Number(m[2]));
  m = DAY_FIRST.exec(s);
  if (m) return ymd(Number(m[3]), monthNumber(m[2] as string), Number(m[1]));
  if (RFC2822.test(s)) return fromDate(new Date(s), false);
  return null;
}

import cron from 'node-cron';

/**
 * Validators for the schedule section's values: a cron expression as node-cron reads it and
 * an IANA time zone as this runtime knows it. Pure, so config can check a schedule without
 * importing the scheduler.
 */

export const CRON_HELP =
  '5 fields "minute hour day-of-month month day-of-week" (or 6 with seconds first), e.g. "0 8 * * 1-5" for 08:00 on weekdays';

/** Why `expression` is not a usable cron expression, or null when it is. */
export function cronProblem(expression: string): string | null {
  const detail = cron.validateDetailed(expression);
  if (detail.valid) {
    try {
      cron.parse(expression);
      return null;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }
  const reasons = detail.errors.map((e) => e.message).join('; ');
  return reasons === '' ? 'not a valid cron expression' : reasons;
}

/** True when `timeZone` is an IANA zone name this runtime knows (e.g. `Europe/Berlin`, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

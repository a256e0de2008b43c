import { z } from 'zod';
import { isValidTimeZone } from './schedule-checks.ts';

/** An IANA time zone name, refused with an example of a good one (used by every `timezone` key). */
export const timeZone = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (!isValidTimeZone(v)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${v}" is not an IANA time zone; use a name such as "Europe/Berlin", "America/New_York" or "UTC"`,
      });
    }
  });

/**
 * An article's date as shown in every digest format and reply: its calendar day, `YYYY-MM-DD`.
 * Articles carry either a day (`2018-09-27`) or a timestamp (`2018-07-18T07:30:00Z`, normalised to
 * UTC by the loaders when a zone was given); a daily digest lists them side by side, so a time of
 * day would only make one entry look different from the others.
 *
 * Contract: pure; `null` or text that does not start with an ISO day gives `null` (nothing shown).
 */
export function displayDate(date: string | null | undefined): string | null {
  if (typeof date !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(date.trim());
  return m ? (m[1] as string) : null;
}

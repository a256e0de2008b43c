/**
 * A quote as shown to people, the same in every format (terminal, markdown, Slack, Discord):
 * typographic marks around it, `…` before a fragment that starts mid-sentence, and none of the
 * punctuation that only joined it to its attribution or closed the reporter's sentence.
 *
 *   `it will be something very exciting,`  →  `“…it will be something very exciting”`
 *   `We will not back down.`               →  `“We will not back down”`
 *   `Is this "fair"?`                      →  `“Is this ‘fair’?”`
 *
 * Contract: pure; the decoration is added only here, at rendering time. The digest itself (and its
 * JSON) keeps the exact article substring and its offsets, and `quoteCore(text)` — what sits
 * between the marks less the ellipsis — is, after undoing the mark substitutions below (straight
 * `"`/`'` → curly, whitespace runs → one space), a prefix of that exact substring.
 */

/** Trailing punctuation that belongs to the surrounding sentence, not to the speaker's words. */
const TRAILING_JOINERS = /[\s,;:–—-]+$/u;
/** A final full stop, unless it ends an abbreviation or initials (`U.S.`, `Jr.`) or an ellipsis. */
const TRAILING_STOP = /(?<![.\s]\p{Lu}|\p{Lu}\p{Ll}|\.)\.$/u;

/** The quote's own words, trimmed of joiners and a closing full stop (a prefix of `text`). */
export function quoteCore(text: string): string {
  let s = text.trim().replace(TRAILING_JOINERS, '');
  if (TRAILING_STOP.test(s)) s = s.slice(0, -1).replace(TRAILING_JOINERS, '');
  return s;
}

/** True when the quoted words start mid-sentence (a lowercase first letter): shown after `…`. */
export function startsMidSentence(text: string): boolean {
  const m = /\p{L}/u.exec(text);
  return m !== null && /\p{Ll}/u.test(m[0]) && !/^[\s"“‘'(]*[.…]/u.test(text);
}

/** Quotation marks inside the quote become single curly marks; apostrophes become `’`. */
function innerMarks(s: string): string {
  let open = false;
  return s
    .replace(/"/g, () => ((open = !open) ? '‘' : '’'))
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/(^|[^\p{L}\p{N}])'(?=\S)/gu, '$1‘')
    .replace(/'/g, '’');
}

/** The quote as displayed, marks included (see the module comment). */
export function displayQuote(text: string): string {
  const core = quoteCore(text);
  const body = innerMarks(core.replace(/\s+/g, ' '));
  return `“${startsMidSentence(core) ? '…' : ''}${body}”`;
}

/**
 * What a quoted passage looks like on its own: word counts, titles, transcript
 * labels, markup attribute values. Used to leave out scare quotes and titles.
 * Every pattern here is anchored and linear (no nested quantifiers).
 */

/** Words with a letter or digit. */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      n++;
    }
  }
  return n;
}

const SMALL = new Set([
  'of',
  'the',
  'a',
  'an',
  'and',
  'or',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'by',
  'from',
  'as',
  'is',
  'vs',
  'vs.',
  'v.',
  '&',
]);

/** Title Case ("Meet the Growers", "Harbour Radio Weekly"): every word but small ones capitalized. */
export function isTitleCase(text: string): boolean {
  const words = text
    .replace(/[.,:;!?]+$/, '')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 8) return false;
  let caps = 0;
  for (const w of words) {
    const ch = w.replace(/^[^\p{L}\p{N}]+/u, '')[0];
    if (ch === undefined) continue;
    if (ch !== ch.toLowerCase() || /\p{N}/u.test(ch)) caps++;
    else if (!SMALL.has(w.toLowerCase())) return false;
  }
  return caps > 0;
}

/** A transcript line: `HOST: ...`, `MR. SMITH: ...` (the speaker label is not part of a quote). */
export function isTranscriptLine(text: string): boolean {
  return /^[A-Z][A-Z.'’\- ]{1,40}:/.test(text) && /^[^a-z:]*:/.test(text);
}

/** Only a parenthetical: `(CROSSTALK.)`, `(laughter)`. */
export function isParenthetical(text: string): boolean {
  return text.startsWith('(') && /\)[.!?]?$/.test(text) && text.indexOf(')') >= text.length - 2;
}

/** An opening mark right after `=`: a markup attribute value (`tweet-id="..."`). */
export function isAttributeValue(body: string, open: number): boolean {
  let i = open - 1;
  while (i >= 0 && (body[i] === ' ' || body[i] === '\t')) i--;
  return i >= 0 && body[i] === '=';
}

/** Does the quotation read as a full sentence (capital first, an end mark or comma last)? */
export function isSentenceLike(text: string): boolean {
  const first = text.replace(/^[^\p{L}\p{N}]+/u, '')[0];
  if (first === undefined || first === first.toLowerCase()) return false;
  return /[.!?,…—-]$/.test(text);
}

const TITLE_BEFORE =
  /(?:['’]s|s['’]|\b(?:newspaper|magazine|network|channel|broadcast|episode|segment|forum|series|report|play))\s*,?\s*$/i;
/** A work noun right before the quotation names a title whatever its case: `his book, “…”`, `a spot titled “…”`. */
const WORK_BEFORE =
  /\b(?:titled|entitled|book|show|program|programme|documentary|film|movie|song|anthem|album|column|commentary|op-ed|essay|novel|memoir|poem)\s*,?\s*$/i;
const TITLE_AFTER =
  /^\s*,?\s*(?:radio |television |tv |talk )?(?:program|programme|show|forum|series|documentary|podcast|segment|broadcast)\b/i;

/** A Title Case name of a show, book or work: `the network’s “Market Hour”`, `on “Harbour Radio Weekly,”`. */
export function isWorkTitle(body: string, open: number, start: number, end: number, closeEnd: number): boolean {
  const text = body.slice(start, end);
  const before = body.slice(Math.max(0, open - 30), open);
  if (wordCount(text) <= 8 && WORK_BEFORE.test(before)) return true;
  if (!isTitleCase(text)) return false;
  if (TITLE_BEFORE.test(before) || WORK_BEFORE.test(before)) return true;
  if (closeEnd > 0 && TITLE_AFTER.test(body.slice(closeEnd, closeEnd + 30))) return true;
  // A nickname between given name and surname: `Margaret “Peggy” Alder`.
  return (
    wordCount(text) <= 2 &&
    /\p{Lu}[\p{L}.]*\s$/u.test(before) &&
    closeEnd > 0 &&
    /^\s\p{Lu}/u.test(body.slice(closeEnd, closeEnd + 2))
  );
}

/**
 * A straight mark used against its side (`systems" including`, `"medical`): the
 * pairing went wrong, so the passage between is not a quotation.
 */
export function isMisPaired(body: string, open: number, start: number, close: number, closeEnd: number): boolean {
  if (straightAt(body, open) && wordyAt(body, open - 1)) {
    if (open + 1 !== start && spaceAt(body, start - 1)) return true;
    if (spaceAt(body, open + (body[open] === '"' ? 1 : 2))) return true;
  }
  return closeEnd > 0 && straightAt(body, close) && spaceAt(body, close - 1) && wordyAt(body, closeEnd);
}

const straightAt = (body: string, i: number): boolean => body[i] === '"' || (body[i] === "'" && body[i + 1] === "'");
const wordyAt = (body: string, i: number): boolean => {
  const c = body[i];
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
};
const spaceAt = (body: string, i: number): boolean => {
  const c = body.charCodeAt(i);
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0;
};

/**
 * Quotation spans from double quotation marks: straight `"`, curly `“ ”` and the
 * NYT-style `''` (two apostrophes). Marks pair within one line of text: `“` opens
 * (a second `“` restarts the quotation), `”` closes, `"` and `''` toggle. A
 * quotation still open at the end of a paragraph runs to that paragraph's end
 * when the next paragraph opens with a mark (the multi-paragraph convention);
 * otherwise it is dropped as unbalanced. One linear scan, no regex backtracking.
 */

export interface QuoteSpan {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Inner text bounds, whitespace-trimmed (`end` exclusive). */
  readonly start: number;
  readonly end: number;
  /** Offset just after the closing mark; `-1` when the quotation runs on into the next paragraph. */
  readonly closeEnd: number;
  /** Offset of the closing mark; the paragraph end when it runs on. */
  readonly close: number;
  /** The line (paragraph) ran out with the quotation open and the next one opens with a mark. */
  readonly runsOn: boolean;
}

const LEFT = 0x201c;
const RIGHT = 0x201d;
const STRAIGHT = 0x22;
const APOS = 0x27;

const isSpace = (c: number): boolean =>
  c === 0x20 ||
  (c >= 0x09 && c <= 0x0d) ||
  c === 0xa0 ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x3000 ||
  (c >= 0x2000 && c <= 0x200a);

/** True when the text has at least one letter or digit in [a, b). */
function hasWordChar(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
    if (c > 0x7f && /[\p{L}\p{N}]/u.test(text[i] as string)) return true;
  }
  return false;
}

/** Length of the quotation mark at `i` (1 or 2), or 0. */
function markAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === LEFT || c === RIGHT || c === STRAIGHT) return 1;
  if (c === APOS && i + 1 < end && text.charCodeAt(i + 1) === APOS) return 2;
  return 0;
}

/** First non-blank line start at or after `from`, or -1. */
function nextLineStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i < text.length ? i : -1;
}

/** All quotation spans of `text`, in text order. */
export function quoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const push = (open: number, s: number, e: number, close: number, closeEnd: number, runsOn: boolean): void => {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s && hasWordChar(text, s, e)) out.push({ open, start: s, end: e, close, closeEnd, runsOn });
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let open = -1;
    let openMark = -1;
    for (let i = lineStart; i < lineEnd; i++) {
      const len = markAt(text, i, lineEnd);
      if (len === 0) continue;
      const c = text.charCodeAt(i);
      if (c === LEFT) {
        open = i + 1;
        openMark = i;
      } else if (c === RIGHT) {
        if (open >= 0) push(openMark, open, i, i, i + 1, false);
        open = -1;
      } else if (open >= 0) {
        push(openMark, open, i, i, i + len, false);
        open = -1;
      } else {
        open = i + len;
        openMark = i;
      }
      i += len - 1;
    }
    if (open >= 0) {
      const next = nextLineStart(text, lineEnd);
      if (next >= 0 && text.charCodeAt(next) !== RIGHT && markAt(text, next, text.length) > 0)
        push(openMark, open, lineEnd, lineEnd, -1, true);
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

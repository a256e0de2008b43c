import type { AnalyzedText, Token } from '../nlp/analysis.ts';
import { SPEECH_VERBS } from './lexicon.ts';
import { quoteSpans, type QuoteSpan } from './marks.ts';

/**
 * The token view the quote finder works on: the analysis' tokens flattened over the
 * whole body, each with its paragraph, the quotation it lies in (marks included) and
 * a clause-level sentence number that treats a quotation as part of its sentence.
 */
export interface QuoteContext {
  readonly body: string;
  readonly toks: readonly Token[];
  /** Paragraph index per token. */
  readonly para: Int32Array;
  /** Index into `quotes` of the quotation a token lies in (marks included), or -1. */
  readonly quoteOf: Int32Array;
  /** Sentence number per token; quotations do not end sentences unless they close one. */
  readonly sent: Int32Array;
  readonly quotes: readonly QuoteSpan[];
  /** Per quotation: token index of its opening mark (or first inner token). */
  readonly openTok: Int32Array;
  /** Per quotation: first token after the closing mark (paragraph end when it runs on). */
  readonly afterTok: Int32Array;
  /** Per quotation: first token of the quotation's inner text, and one past its last. */
  readonly innerTok: Int32Array;
  readonly innerEndTok: Int32Array;
  /** Offsets where lines start (0 and after each `\n`). */
  readonly lineStarts: Int32Array;
  /** Clause-opening capitalized words that the article also writes in lowercase (so the capital only opens a sentence). */
  readonly lowerVocab: ReadonlySet<string>;
}

/** Start offset of the line containing `pos`. */
export function lineStartOf(ctx: QuoteContext, pos: number): number {
  const ls = ctx.lineStarts;
  let lo = 0;
  let hi = ls.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ls[mid] as number) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? (ls[lo - 1] as number) : 0;
}

/** First index in `toks` whose start is >= pos (toks.length if none). */
export function tokenAt(toks: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((toks[mid] as Token).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const ENDS = new Set(['.', '!', '?']);
const OPENERS = new Set([':', '—', '–', '(', '"', '“']);

/** Abbreviations the tokenizer leaves apart from their dot (`Rev .`, `Atty .`). */
const ABBREV = new Set([
  'rev',
  'atty',
  'supt',
  'msgr',
  'sr',
  'jr',
  'fr',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'prof',
  'del',
  'adm',
  'maj',
  'cmdr',
  'hon',
  'no',
  'vs',
]);

/** Is token i the dot of an abbreviation (`Rev` + `.`)? */
export function isAbbrevDot(toks: readonly Token[], i: number): boolean {
  const t = toks[i];
  const a = toks[i - 1];
  return !!t && !!a && t.value === '.' && a.end === t.start && a.kind === 'word' && ABBREV.has(a.lower);
}

/** Is there a line break in body[a, b)? (b - a is the whitespace between two tokens.) */
export function newlineBetween(body: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (body.charCodeAt(i) === 0x0a) return true;
  return false;
}

/**
 * After a quotation that ends with an end mark, does `Name said.` (or, after `?`/`!`,
 * `Name asked, ...`) follow? Then the attribution belongs to the quotation's sentence.
 */
function trailingAttribution(
  toks: readonly Token[],
  para: Int32Array,
  quoteOf: Int32Array,
  i: number,
  strict: boolean,
): boolean {
  const p = para[i];
  let j = i;
  let seen = 0;
  for (; j < toks.length && seen < 6 && para[j] === p && quoteOf[j] === -1; j++, seen++) {
    const t = toks[j] as Token;
    if (SPEECH_VERBS.has(t.lower)) break;
    if (t.kind !== 'word' && t.value !== ',' && t.value !== '’s' && t.value !== "'s") return false;
  }
  const v = toks[j];
  if (j === i || !v || !SPEECH_VERBS.has(v.lower) || para[j] !== p || quoteOf[j] !== -1) return false;
  if (!strict) return true;
  for (let k = j + 1; k < toks.length && k <= j + 5 && para[k] === p; k++) {
    if (ENDS.has((toks[k] as Token).value)) return true;
    if (quoteOf[k] !== -1) return false;
  }
  return false;
}

/** Is the first letter of the token uppercase? */
export const isCap = (t: Token | undefined): boolean => {
  if (t?.kind !== 'word' || t.value.length === 0) return false;
  const c = t.value.charCodeAt(0);
  if (c >= 0x41 && c <= 0x5a) return true;
  if (c < 0x80) return false;
  const ch = t.value[0] as string;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
};

export const isLowerWord = (t: Token | undefined): boolean => {
  if (t?.kind !== 'word' || t.value.length === 0) return false;
  const c = t.value.charCodeAt(0);
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  const ch = t.value[0] as string;
  return ch !== ch.toUpperCase();
};

export function buildContext(analysis: AnalyzedText, spans?: readonly QuoteSpan[]): QuoteContext {
  const body = analysis.body;
  let n = 0;
  for (const s of analysis.sentences) n += s.tokens.length;
  const toks: Token[] = new Array<Token>(n);
  const para = new Int32Array(n);
  let k = 0;
  for (const s of analysis.sentences) {
    for (const t of s.tokens) {
      toks[k] = t;
      para[k++] = s.paragraph;
    }
  }
  const quotes = spans ?? quoteSpans(body);
  const quoteOf = new Int32Array(n).fill(-1);
  const openTok = new Int32Array(quotes.length);
  const afterTok = new Int32Array(quotes.length);
  const innerTok = new Int32Array(quotes.length);
  const innerEndTok = new Int32Array(quotes.length);
  quotes.forEach((q, qi) => {
    const o = tokenAt(toks, q.open);
    openTok[qi] = o;
    innerTok[qi] = tokenAt(toks, q.start);
    innerEndTok[qi] = tokenAt(toks, q.end);
    const a = tokenAt(toks, q.runsOn ? q.close : q.closeEnd);
    afterTok[qi] = a;
    for (let i = o; i < a; i++) if (quoteOf[i] === -1) quoteOf[i] = qi;
  });
  // Sentence numbers: a new sentence starts at a paragraph, after an end mark outside
  // any quotation (unless a lowercase word or closing bracket follows), and after a
  // quotation whose text ends a sentence when a capital or another quotation follows.
  const sent = new Int32Array(n);
  let cur = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const prev = toks[i - 1] as Token;
      const t = toks[i] as Token;
      let brk = para[i] !== para[i - 1] || newlineBetween(body, prev.end, t.start);
      if (!brk && quoteOf[i - 1] === -1 && ENDS.has(prev.value) && !isAbbrevDot(toks, i - 1)) {
        // `N.Y.`, `U.N.`: an end mark glued to the next word is inside an abbreviation.
        brk = !isLowerWord(t) && t.value !== ')' && t.value !== ',' && prev.end < t.start;
      }
      if (!brk && quoteOf[i - 1] !== -1 && quoteOf[i] !== quoteOf[i - 1]) {
        const q = quotes[quoteOf[i - 1] as number] as QuoteSpan;
        const last = body[q.end - 1] ?? '';
        if (ENDS.has(last) || last === '…') {
          brk =
            (isCap(t) || quoteOf[i] !== -1) &&
            !trailingAttribution(toks, para, quoteOf, i, last === '.' || last === '…');
        }
      }
      if (brk) cur++;
    }
    sent[i] = cur;
  }
  const starts = [0];
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) starts.push(i + 1);
  // Capitalized words that open a sentence, a quotation or a clause, and which of them the text also writes in lowercase.
  const initial = new Set<string>();
  for (let i = 0; i < n; i++) {
    const t = toks[i] as Token;
    if (!isCap(t)) continue;
    const p = toks[i - 1];
    if (
      i === 0 ||
      sent[i - 1] !== sent[i] ||
      quoteOf[i - 1] !== quoteOf[i] ||
      (p !== undefined && OPENERS.has(p.value))
    )
      initial.add(t.lower);
  }
  const lowerVocab = new Set<string>();
  if (initial.size > 0) for (const t of toks) if (initial.has(t.lower) && isLowerWord(t)) lowerVocab.add(t.lower);
  return {
    body,
    toks,
    para,
    quoteOf,
    sent,
    quotes,
    openTok,
    afterTok,
    innerTok,
    innerEndTok,
    lineStarts: Int32Array.from(starts),
    lowerVocab,
  };
}

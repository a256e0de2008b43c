import type { Token } from '../nlp/analysis.ts';
import { isCap, type QuoteContext } from './context.ts';
import { CAP_STOP, DETERMINERS, ROLE_WORDS, SUBJECT_PRONOUNS } from './lexicon.ts';
import { phraseAfter, subjectBefore } from './phrases.ts';
import { capRunEnd, nameInRun } from './speakers.ts';
import { isDateline, isOrgHead } from './names.ts';

const DASH = new Set(['—', '–', '--']);
import { frameOf, verbAt, word } from './verbs.ts';

/**
 * A cue says who speaks: a name (token span), a pronoun to resolve, a common noun
 * phrase, or only that someone does. Here: turning a noun phrase into a cue, and
 * finding a sentence's or clause's subject.
 */

export type Cue =
  /** A capitalized name: tokens [start, end) of the name proper. */
  | { readonly kind: 'name'; readonly start: number; readonly end: number }
  | { readonly kind: 'pronoun'; readonly tok: number; readonly lower: string }
  /** A common-noun speaker ("a doctor", "officials"): tokens [start, end). */
  | { readonly kind: 'np'; readonly start: number; readonly end: number }
  /** A speech verb with no speaker we can name. */
  | { readonly kind: 'anon' }
  /** Attributed, to the speaker of the previous quotation in the same sentence. */
  | { readonly kind: 'prev' };

export const isRoleLike = (t: Token): boolean => ROLE_WORDS.has(t.lower) || ROLE_WORDS.has(t.lower.replace(/\.$/, ''));
const CONTRACTION = /['’](m|ve|ll|d|re|t|s)$/i;

/** Classify the noun phrase in tokens [s, e) as a cue: a pronoun, the last name in it, or a common noun phrase. */
export function cueFromPhrase(ctx: QuoteContext, s: number, e: number): Cue | null {
  const { toks } = ctx;
  if (e <= s) return null;
  const first = toks[s] as Token;
  if (e - s === 1 && SUBJECT_PRONOUNS.has(first.lower)) return { kind: 'pronoun', tok: s, lower: first.lower };
  const name = lastName(ctx, s, e);
  if (name) return name;
  for (let i = s; i < e; i++) {
    const t = toks[i] as Token;
    if (t.kind === 'word' && !CAP_STOP.has(t.lower) && !DETERMINERS.has(t.lower) && !CONTRACTION.test(t.value))
      return { kind: 'np', start: s, end: e };
  }
  return null;
}

/** The last name (capitalized run, roles stripped) in tokens [s, e), or the first one with `first`. */
export function lastName(ctx: QuoteContext, s: number, e: number, first = false): Cue | null {
  let best: Cue | null = null;
  for (let i = s; i < e; ) {
    if (ctx.quoteOf[i] !== -1 && ctx.quoteOf[s] === -1) {
      i++;
      continue;
    }
    const re = Math.min(capRunEnd(ctx, i, e), e);
    if (re > i) {
      const span = nameInRun(ctx, i, re);
      if (span && !allRoles(ctx, span.start, span.end) && !CONTRACTION.test((ctx.toks[span.start] as Token).value)) {
        // `Gov. Anna Lee Brandt of North Dakota`: the place after `of` does not replace a full name.
        const pre = ctx.toks[i - 1];
        const keep = best?.kind === 'name' && best.end - best.start >= 2 && !!pre && TAIL_PREP.has(pre.lower);
        // `the Ministry of Agriculture`: a body's name runs on over `of` (or `for`) and the capitalized run after it.
        const of = ctx.toks[re];
        const tail =
          re + 1 < e && of && (of.lower === 'of' || of.lower === 'for') && isOrgHead(ctx.toks[re - 1] as Token)
            ? Math.min(capRunEnd(ctx, re + 1, e), e)
            : re + 1;
        const end = tail > re + 1 ? tail : span.end;
        if (!keep) best = { kind: 'name', start: span.start, end };
        if (first) return best;
        if (end > re) {
          i = end;
          continue;
        }
      }
      i = re;
    } else i++;
  }
  return best;
}

const TAIL_PREP = new Set(['of', 'from', 'in', 'at']);

function allRoles(ctx: QuoteContext, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const t = ctx.toks[i] as Token;
    if (t.kind === 'word' && !isRoleLike(t)) return false;
  }
  return true;
}

/** The subject of the clause in tokens [lo, hi): a pronoun opening it, or its first name. */
export function clauseSubject(ctx: QuoteContext, lo: number, hi: number): Cue | null {
  const { toks, quoteOf } = ctx;
  let s = lo;
  while (s < hi && quoteOf[s] !== -1) s++;
  while (s < hi && !word(toks[s])) s++;
  // `WASHINGTON, Dec. 8 (XNA) — The minister …`: the dateline is not the subject.
  if (isDateline(ctx, s, capRunEnd(ctx, s, hi))) {
    for (let d = s + 1; d < hi && d < s + 15; d++) {
      if (!DASH.has((toks[d] as Token).value)) continue;
      s = d + 1;
      while (s < hi && !word(toks[s])) s++;
      break;
    }
  }
  const t0 = toks[s];
  if (s >= hi || !t0) return null;
  if (INTRO.has(t0.lower) || (t0.lower.endsWith('ing') && isCap(t0))) {
    // `In August, several groups …` / `Following a late, long meeting, the council …`: skip the opening phrase.
    for (let c = s, commas = 0; c < hi && c < s + 40 && commas < 4; c++) {
      if (toks[c]?.value !== ',') continue;
      commas++;
      let n = c + 1;
      const inQuote = quoteOf[c] as number;
      while (n < hi && inQuote !== -1 && quoteOf[n] === inQuote) n++;
      const t = toks[n];
      if (n < hi && t && quoteOf[n] === -1 && (isCap(t) || DETERMINERS.has(t.lower) || SUBJECT_PRONOUNS.has(t.lower))) {
        s = n;
        break;
      }
    }
  }
  const t1 = toks[s];
  if (word(t1) && SUBJECT_PRONOUNS.has(t1.lower)) return { kind: 'pronoun', tok: s, lower: t1.lower };
  const np = phraseAfter(ctx, s, hi);
  const cue = np ? cueFromPhrase(ctx, np[0], np[1]) : null;
  if (cue && cue.kind !== 'pronoun') return cue;
  return lastName(ctx, s, hi, true);
}

/** Words that open an introductory phrase, not a subject. */
const INTRO = new Set([
  'in',
  'on',
  'at',
  'after',
  'before',
  'during',
  'since',
  'while',
  'when',
  'as',
  'although',
  'though',
  'despite',
  'following',
  'with',
  'for',
  'from',
  'by',
  'under',
  'over',
  'like',
  'unlike',
  'if',
  'because',
  'once',
  'until',
  'to',
  'amid',
  'among',
  'asked',
  'meanwhile',
  'still',
  'but',
  'and',
  'yet',
  'so',
  'however',
  'instead',
  'earlier',
  'later',
]);

/** First token of the sentence that token `i` is in (scanning back at most 120 tokens). */
export function sentenceStart(ctx: QuoteContext, i: number): number {
  const s = ctx.sent[i];
  let lo = i;
  while (lo > 0 && i - lo < 120 && ctx.sent[lo - 1] === s) lo--;
  return lo;
}

/**
 * The subject of the first speech verb of the sentence, before token `at`, outside
 * quotations and not itself a pronoun: `Marsh says she … what she calls “…”`.
 */
export function speakerEarlierInSentence(ctx: QuoteContext, at: number): Cue | null {
  const lo = sentenceStart(ctx, at);
  for (let v = lo; v < at; v++) {
    if (ctx.quoteOf[v] !== -1 || !verbAt(ctx, v, true)) continue;
    const f = frameOf(ctx, v, lo);
    if (f.relative || f.passive) continue;
    const np = subjectBefore(ctx, f.b, lo);
    const cue = np ? cueFromPhrase(ctx, np[0], np[1]) : null;
    if (cue && cue.kind !== 'pronoun') return cue;
  }
  return null;
}

/** The noun phrase opening the sentence of token `at` (`The Security Council … what it called`), if not a pronoun. */
export function sentenceSubject(ctx: QuoteContext, at: number): Cue | null {
  const lo = sentenceStart(ctx, at);
  const np = phraseAfter(ctx, lo, at);
  const cue = np ? cueFromPhrase(ctx, np[0], np[1]) : null;
  return cue && cue.kind !== 'pronoun' ? cue : null;
}

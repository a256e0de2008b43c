import type { Token } from '../nlp/analysis.ts';
import { isCap, type QuoteContext } from './context.ts';
import {
  BETWEEN_SUBJECT_AND_VERB,
  DETERMINERS,
  LABEL_VERBS,
  NOUNISH,
  RELATIVES,
  SPEECH_VERBS,
  SUBJECT_PRONOUNS,
} from './lexicon.ts';

/**
 * Speech verbs in context, without a tagger: is a word used as a verb here (not
 * "his claims"), and what stands between it and its subject (adverbs, auxiliaries,
 * a relative pronoun, a passive `was`)?
 */

export const PASSIVE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'get', 'got', 'gets']);
export const AUX = new Set([
  'has',
  'have',
  'had',
  'is',
  'was',
  'were',
  'are',
  'be',
  'been',
  'will',
  'would',
  'could',
  'can',
  'may',
  'might',
  'should',
  'did',
  'does',
  'do',
]);
const NOUN_BEFORE = new Set([
  'of',
  'for',
  'with',
  'in',
  'on',
  'at',
  'by',
  'from',
  'about',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  "'s",
  '’s',
  'whose',
]);
const TERM_NOUNS = new Set(['phrase', 'term', 'word', 'words', 'expression', 'slogan', 'label', 'nickname', 'line']);

export const word = (t: Token | undefined): t is Token => !!t && t.kind === 'word';
export const isAdverb = (t: Token | undefined): boolean =>
  word(t) && (BETWEEN_SUBJECT_AND_VERB.has(t.lower) || (t.lower.length > 4 && t.lower.endsWith('ly') && !isCap(t)));

/** Is token v a speech (or, with `label`, a naming) verb, and not a noun ("his claims", "a Okafor tweet")? */
export function verbAt(ctx: QuoteContext, v: number, label: boolean): boolean {
  const t = ctx.toks[v];
  if (!word(t) || isCap(t)) return false;
  // `as a Customs and Excise memo put it`, `has used the phrase “…”`
  if (t.lower === 'put') return ctx.toks[v + 1]?.lower === 'it';
  if (t.lower === 'used' || t.lower === 'uses' || t.lower === 'using')
    return TERM_NOUNS.has(ctx.toks[v + 2]?.lower ?? '');
  if (!(SPEECH_VERBS.has(t.lower) || (label && LABEL_VERBS.has(t.lower)))) return false;
  if (!NOUNISH.has(t.lower)) return true;
  // `his claims`, `of late-night tweets`, `a Dana Okafor tweet`: a noun, not a verb.
  let caps = false;
  for (let k = v - 1, seen = 0; k >= 0 && seen < 4 && ctx.quoteOf[k] === -1; k--, seen++) {
    const p = ctx.toks[k] as Token;
    if (isCap(p)) caps = true;
    if ((DETERMINERS.has(p.lower) && !(caps && p.lower === 'the')) || NOUN_BEFORE.has(p.lower)) return false;
    if (p.value === '-') continue;
    if (p.kind !== 'word' || SUBJECT_PRONOUNS.has(p.lower) || AUX.has(p.lower) || RELATIVES.has(p.lower)) return true;
    if (!isCap(p) && k < v - 1 && ctx.toks[k + 1]?.value !== '-') return true;
  }
  return caps;
}

export interface VerbFrame {
  /** Last token of the subject side: before adverbs, at an auxiliary if any. */
  readonly b: number;
  readonly hasAux: boolean;
  /** `who said`, `which reported`: the subject is a relative pronoun's antecedent. */
  readonly relative: boolean;
  /** `was called`: a passive, the subject is not the speaker. */
  readonly passive: boolean;
}

/** What stands before the verb at `v` (not before `lo`). */
export function frameOf(ctx: QuoteContext, v: number, lo: number): VerbFrame {
  const { toks } = ctx;
  let b = v - 1;
  while (b >= lo && isAdverb(toks[b]) && !AUX.has((toks[b] as Token).lower)) b--;
  const before = b >= lo ? toks[b] : undefined;
  const hasAux = !!before && AUX.has(before.lower);
  const t = toks[v] as Token;
  return {
    b,
    hasAux,
    relative: !!before && RELATIVES.has(before.lower),
    passive: hasAux && PASSIVE.has((before as Token).lower) && t.lower.endsWith('ed'),
  };
}

export const speechVerbAt = (ctx: QuoteContext, v: number): boolean => verbAt(ctx, v, false);

import type { Token } from '../nlp/analysis.ts';
import { isAbbrevDot, isCap, type QuoteContext } from './context.ts';
import {
  BETWEEN_SUBJECT_AND_VERB,
  DETERMINERS,
  LABEL_VERBS,
  NAME_PARTICLES,
  ROLE_WORDS,
  SPEECH_VERBS,
  SUBJECT_PRONOUNS,
} from './lexicon.ts';

/**
 * Noun phrases next to a speech verb, found without a tagger: runs of capitalized
 * words, determiners, up to three lowercase words ("the band leader"), `of` and
 * name particles between capitals, possessives, glued hyphens. Bounded scans.
 */

/** Lowercase words that never belong inside a speaker noun phrase. */
const NOT_IN_NP = new Set(
  `
  that and but or nor who which whom whose when where while as because if though although than then so
  to in on at for with by from of into about after before since until during over under upon across
  it this there here is was were are be been being has have had do does did will would can could may might
  should must not no yet what how why also later then just even still once again very too more most
  said says told tells the`
    .trim()
    .split(/\s+/),
);

const isPossessive = (t: Token): boolean => t.value === "'s" || t.value === '’s' || t.value === "'" || t.value === '’';
const isVerbWord = (t: Token): boolean => SPEECH_VERBS.has(t.lower) || LABEL_VERBS.has(t.lower);
const glued = (toks: readonly Token[], k: number): boolean => {
  const a = toks[k - 1];
  const t = toks[k] as Token;
  const b = toks[k + 1];
  return t.value === '-' && !!a && !!b && a.end === t.start && t.end === b.start;
};

/** Subject noun phrase ending at token `j` (inclusive), not before `lo`: [start, end) or null. */
export function subjectBefore(
  ctx: QuoteContext,
  j: number,
  lo: number,
  allowAppositive = true,
): [number, number] | null {
  const { toks, quoteOf } = ctx;
  while (j >= lo && toks[j]?.kind === 'word' && BETWEEN_SUBJECT_AND_VERB.has((toks[j] as Token).lower)) j--;
  if (j < lo) return null;
  const last = toks[j] as Token;
  if (last.value === ')') {
    let k = j - 1;
    while (k >= lo && k > j - 12 && (toks[k] as Token).value !== '(') k--;
    if (k < lo || (toks[k] as Token).value !== '(') return null;
    return subjectBefore(ctx, k - 1, lo, allowAppositive);
  }
  if (last.value === ',') return allowAppositive ? appositiveHead(ctx, j, lo) : null;
  if (last.kind === 'word' && SUBJECT_PRONOUNS.has(last.lower)) return [j, j + 1];
  let s = j + 1;
  let lowers = 0;
  for (let k = j; k >= lo; k--) {
    const t = toks[k] as Token;
    if (quoteOf[k] !== -1) break;
    if (t.kind === 'word' || t.kind === 'number') {
      if (isCap(t)) {
        s = k;
        lowers = 0;
        continue;
      }
      if (DETERMINERS.has(t.lower) && k < j) {
        s = k;
        break;
      }
      if ((t.lower === 'of' || NAME_PARTICLES.has(t.lower)) && isCap(toks[k + 1]) && isCap(toks[k - 1])) continue;
      // `a spokesman for the campaign`, `officials at Customs and Excise`: a prepositional tail.
      if (PP.has(t.lower) && j - k < 10 && k > lo && nounish(toks[k - 1]) && s === k + 1) {
        lowers = 0;
        continue;
      }
      if (NOT_IN_NP.has(t.lower) || isVerbWord(t) || SUBJECT_PRONOUNS.has(t.lower) || lowers >= 3) break;
      lowers++;
      s = k;
      continue;
    }
    if (isPossessive(t) && k > lo && (toks[k - 1] as Token).end === t.start) continue;
    if ((glued(toks, k) || isAbbrevDot(toks, k)) && k > lo) continue;
    break;
  }
  // A noun phrase cannot start with a possessive, a hyphen or `of`.
  while (
    s <= j &&
    (isPossessive(toks[s] as Token) || (toks[s] as Token).lower === 'of' || (toks[s] as Token).value === '-')
  )
    s++;
  return s <= j ? [s, j + 1] : null;
}

const OPENERS = new Set(['-', '--', '—', '–', ':', ')']);
const PP = new Set(['of', 'at', 'for', 'from', 'with']);
/** Could this word head a noun phrase that a prepositional tail attaches to (`officials at`, `partner of`)? */
const nounish = (t: Token | undefined): boolean =>
  !!t &&
  t.kind === 'word' &&
  !NOT_IN_NP.has(t.lower) &&
  !SUBJECT_PRONOUNS.has(t.lower) &&
  !isVerbWord(t) &&
  !DETERMINERS.has(t.lower) &&
  (isCap(t) || ROLE_WORDS.has(t.lower) || /(?:s|man|woman|er|or|ist|ent|ant)$/.test(t.lower));

/**
 * `Maya Lund, the director of debate at the university, said` / `Tom Greer, 59,
 * of Easton, Pa., who watched …, said`: the comma ending at `j` closes appositives.
 * Of the comma-separated segments that are whole noun phrases, the leftmost name
 * wins, else the leftmost phrase.
 */
function appositiveHead(ctx: QuoteContext, j: number, lo: number): [number, number] | null {
  const { toks, quoteOf } = ctx;
  let best: [number, number] | null = null;
  let bestName = false;
  let segEnd = j;
  for (let c = 0; c < 6; c++) {
    let k = segEnd - 1;
    while (k >= lo && k > segEnd - 40 && quoteOf[k] === -1 && (toks[k] as Token).value !== ',') k--;
    if (k >= lo && quoteOf[k] !== -1) break;
    const comma = k >= lo && (toks[k] as Token).value === ',';
    if (!comma && k >= lo) break;
    const segStart = comma ? k + 1 : lo;
    const np = subjectBefore(ctx, segEnd - 1, segStart, false);
    const opened = !!np && (np[0] === segStart || OPENERS.has((toks[np[0] - 1] as Token).value));
    if (np && opened) {
      const first = toks[np[0]] as Token;
      const number = np[1] - np[0] === 1 && first.kind === 'number';
      const name = isCap(first) && !DETERMINERS.has(first.lower);
      if (!number && (name || !bestName)) {
        best = np;
        bestName = name;
      }
    }
    if (!comma) break;
    segEnd = k;
  }
  return best;
}

/** Noun phrase starting at token `i` (a speaker after its verb: `said the president`): [start, end) or null. */
export function phraseAfter(ctx: QuoteContext, i: number, hi: number): [number, number] | null {
  const { toks, quoteOf } = ctx;
  const t0 = toks[i];
  if (!t0 || i >= hi || quoteOf[i] !== -1) return null;
  if (t0.kind === 'word' && SUBJECT_PRONOUNS.has(t0.lower)) return [i, i + 1];
  if (t0.lower === 'that' || t0.lower === 'this') return null;
  let k = i;
  let lowers = 0;
  let dets = true;
  for (; k < hi; k++) {
    const t = toks[k] as Token;
    if (quoteOf[k] !== -1) break;
    if (t.kind === 'word' || t.kind === 'number') {
      if (isCap(t)) {
        dets = false;
        continue;
      }
      if (dets && DETERMINERS.has(t.lower)) continue;
      if ((t.lower === 'of' || NAME_PARTICLES.has(t.lower)) && isCap(toks[k + 1]) && k > i && isCap(toks[k - 1]))
        continue;
      if (NOT_IN_NP.has(t.lower) || isVerbWord(t) || SUBJECT_PRONOUNS.has(t.lower) || lowers >= 3) break;
      if (lowers > 0 && t.lower.length > 4 && t.lower.endsWith('ed')) break;
      lowers++;
      dets = false;
      continue;
    }
    if (isPossessive(t) && k > i && (toks[k - 1] as Token).end === t.start) continue;
    if ((glued(toks, k) || (isAbbrevDot(toks, k) && isCap(toks[k + 1]))) && k > i) continue;
    break;
  }
  while (k > i && (toks[k - 1]?.value === '-' || isPossessive(toks[k - 1] as Token))) k--;
  return k > i ? [i, k] : null;
}

import type { Token } from '../nlp/analysis.ts';
import { isCap, type QuoteContext } from './context.ts';
import { clauseSubject, cueFromPhrase, sentenceStart, type Cue } from './cues.ts';
import { DETERMINERS } from './lexicon.ts';
import { subjectBefore } from './phrases.ts';
import { verbAt, word } from './verbs.ts';

/**
 * `Dana Okafor’s claim that there have been “…”`, `his campaign message: “…”`: a
 * speech noun followed by `that` or `:` (or the quotation itself); the speaker is
 * its possessor, else the clause's subject.
 */
export function speechNounCue(ctx: QuoteContext, lo: number, hi: number): Cue | null {
  const { toks } = ctx;
  for (let n = hi - 1; n >= lo && n >= hi - 12; n--) {
    const t = toks[n] as Token;
    if (verbAt(ctx, n, true)) return null;
    if (t.kind !== 'word' || !SPEECH_NOUNS.has(t.lower)) continue;
    const next = toks[n + 1];
    if (n + 1 < hi && next && next.lower !== 'that' && next.value !== ':') continue;
    let p = n - 1;
    while (
      p >= lo &&
      p >= n - 3 &&
      word(toks[p]) &&
      !isCap(toks[p]) &&
      !DETERMINERS.has((toks[p] as Token).lower) &&
      !isPossessive(toks[p] as Token)
    )
      p--;
    const pt = toks[p];
    if (p >= lo && pt && isPossessive(pt)) {
      const np = subjectBefore(ctx, p - 1, lo, false);
      const cue = np ? cueFromPhrase(ctx, np[0], np[1]) : null;
      if (cue) return cue;
    }
    if (p >= lo && pt && POSSESSIVE_PRONOUN.has(pt.lower))
      return { kind: 'pronoun', tok: p, lower: POSSESSIVE_PRONOUN.get(pt.lower) as string };
    return clauseSubject(ctx, sentenceStart(ctx, lo), n) ?? { kind: 'anon' };
  }
  return null;
}

const isPossessive = (t: Token): boolean => t.value === '’s' || t.value === "'s" || t.value === '’' || t.value === "'";
const SPEECH_NOUNS = new Set(
  `claim claims statement statements remark remarks comment comments words message assertion assertions
  promise promises pledge vow warning warnings description argument arguments insistence suggestion slogan contention
  accusation accusations allegation allegations characterization prediction response reply declaration announcement quip
  boast complaint testimony tweet tweets`.split(/\s+/),
);
const POSSESSIVE_PRONOUN = new Map([
  ['his', 'he'],
  ['her', 'she'],
  ['their', 'they'],
  ['its', 'it'],
  ['our', 'we'],
  ['my', 'i'],
]);

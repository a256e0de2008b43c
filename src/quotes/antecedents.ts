import type { Token } from '../nlp/analysis.ts';
import { isCap, isAbbrevDot, type QuoteContext } from './context.ts';
import { clauseSubject, isRoleLike, sentenceStart, type Cue } from './cues.ts';
import { isOrgHead } from './names.ts';

/**
 * Speakers that are bodies, not people: `it said` after `The U.S. delegation
 * rejected …`, and `the delegation said` after the delegation was introduced with
 * its full name. Both look back a bounded number of sentences and tokens, so the
 * cost stays linear.
 */

/** How many sentences back `it`/`they` look for their antecedent. */
const SENTENCES_BACK = 4;
/** How many tokens back `the delegation` looks for its fuller mention. */
const TOKENS_BACK = 600;

const isPlural = (t: Token): boolean => t.lower.length > 3 && t.lower.endsWith('s') && !t.lower.endsWith('ss');

/** Is the cue a body or a group (not a single person) that `it` (or, plural, `they`) can stand for? */
function fitsPronoun(ctx: QuoteContext, cue: Cue, pronoun: string): boolean {
  if (cue.kind !== 'name' && cue.kind !== 'np') return false;
  const head = ctx.toks[cue.end - 1] as Token;
  if (cue.kind === 'name') return isOrgHead(head);
  if (isRoleLike(head)) return false;
  return pronoun === 'they' ? isPlural(head) : !isPlural(head);
}

/**
 * `it`/`they` at token `at`, with no subject of its own sentence to stand for: the
 * nearest earlier sentence (same or previous paragraph) whose subject is a body
 * (`The European Commission`, `the delegation`) or, for `they`, a plural group.
 */
export function bodyAntecedent(ctx: QuoteContext, at: number, pronoun: string): Cue | null {
  if (pronoun !== 'it' && pronoun !== 'they') return null;
  const { para, quoteOf } = ctx;
  let end = sentenceStart(ctx, at);
  for (let n = 0; n < SENTENCES_BACK && end > 0; n++) {
    const s = sentenceStart(ctx, end - 1);
    if ((para[at] as number) - (para[s] as number) > 1) return null;
    if (quoteOf[s] === -1) {
      const subj = clauseSubject(ctx, s, end);
      if (subj && subj.kind !== 'pronoun' && subj.kind !== 'anon' && subj.kind !== 'prev') {
        if (fitsPronoun(ctx, subj, pronoun)) return subj;
        // A person is the subject: `it` does not jump over them.
        if (subj.kind === 'name') return null;
      }
    }
    end = s;
  }
  return null;
}

/**
 * `the delegation` at tokens [start, end): the nearest earlier mention of the same
 * head noun with a capitalized modifier (`The U.S. delegation`), shown as
 * `the U.S. delegation`; null when there is none.
 */
export function fullerMention(ctx: QuoteContext, start: number, end: number): string | null {
  const { toks, quoteOf, body } = ctx;
  if (end - start !== 2) return null;
  const det = toks[start] as Token;
  const head = toks[end - 1] as Token;
  if (det.lower !== 'the' || head.kind !== 'word' || isCap(head) || isRoleLike(head)) return null;
  for (let k = start - 1; k > 0 && k >= start - TOKENS_BACK; k--) {
    const t = toks[k] as Token;
    if (t.lower !== head.lower || quoteOf[k] !== -1) continue;
    let s = k;
    while (s > 0 && k - s < 6 && quoteOf[s - 1] === -1 && (isCap(toks[s - 1]) || isAbbrevDot(toks, s - 1))) s--;
    if (s === k) continue;
    const first = toks[s] as Token;
    // `The` opening the sentence is the determiner, not a modifier.
    if (first.lower === 'the') s++;
    if (s === k) continue;
    return `${det.value} ${body.slice((toks[s] as Token).start, t.end).replace(/\s+/g, ' ')}`;
  }
  return null;
}

import type { Token } from '../nlp/analysis.ts';
import { isCap, lineStartOf, tokenAt, type QuoteContext } from './context.ts';
import { clauseSubject, cueFromPhrase, isRoleLike, sentenceStart, type Cue } from './cues.ts';
import { LABEL_VERBS, SPEECH_VERBS } from './lexicon.ts';
import { phraseAfter, subjectBefore } from './phrases.ts';
import { capRunEnd, nameInRun } from './speakers.ts';
import { frameOf, isAdverb, verbAt } from './verbs.ts';
import { speechNounCue } from './speech-noun-cue.ts';

/**
 * Attribution cues around one quotation, read off the tokens next to its marks:
 * after it (`“…,” Okafor said`, `“…,” said Tanaka`, `“…” ― Name`) and before it
 * (`X said: “…”`, `X called it a “…”`, `according to X, “…”`). Each finder looks
 * at a bounded window of the quotation's own sentence, so the cost is linear.
 */

export type { Cue } from './cues.ts';

const DASHES = new Set(['—', '–', '―', '-', '--']);
const SKIP_PUNCT = new Set([',', '—', '–', '―', '-', '--', ':']);
const CONJ = new Set([
  'and',
  'but',
  'or',
  'while',
  'as',
  'because',
  'so',
  'then',
  'when',
  'after',
  'before',
  'if',
  'though',
  'although',
  'since',
]);
const WINDOW = 80;
const PREPOSITIONS = new Set([
  'of',
  'to',
  'for',
  'with',
  'about',
  'on',
  'at',
  'by',
  'from',
  'in',
  'into',
  'than',
  'like',
  'against',
]);

const closesClause = (t: Token | undefined): boolean =>
  !t || t.value === '.' || t.value === ',' || t.value === '!' || t.value === '?';

/** Token window [lo, hi) of plain text right before quotation `q`, inside its sentence. */
export function windowBefore(ctx: QuoteContext, q: number): [number, number] {
  const { toks, para, quoteOf, sent } = ctx;
  const hi = ctx.openTok[q] as number;
  let lo = hi;
  const s = sent[hi];
  const p = para[hi];
  while (
    lo > 0 &&
    hi - lo < WINDOW &&
    quoteOf[lo - 1] === -1 &&
    sent[lo - 1] === s &&
    para[lo - 1] === p &&
    (toks[lo - 1] as Token).value !== ';'
  )
    lo--;
  return [lo, hi];
}

/** Token window [lo, hi) of plain text right after quotation `q`, inside its sentence. */
export function windowAfter(ctx: QuoteContext, q: number): [number, number] {
  const { toks, para, quoteOf, sent, quotes } = ctx;
  const lo = ctx.afterTok[q] as number;
  if (quotes[q]?.runsOn || lo >= toks.length || lo === 0) return [lo, lo];
  const s = sent[lo - 1];
  const p = para[lo - 1];
  let hi = lo;
  while (
    hi < toks.length &&
    hi - lo < WINDOW &&
    quoteOf[hi] === -1 &&
    sent[hi] === s &&
    para[hi] === p &&
    (toks[hi] as Token).value !== ';'
  )
    hi++;
  return [lo, hi];
}

/** Does the quotation's text end like a clause that an attribution follows (`,` `?` `!` `—`)? */
function endsForAttribution(ctx: QuoteContext, q: number): boolean {
  const span = ctx.quotes[q];
  if (!span) return false;
  const c = ctx.body[span.end - 1] ?? '';
  return c === ',' || c === '?' || c === '!' || c === '—' || c === '–' || c === '-' || c === '…';
}

/** The cue of quotation `q`: after it for `“…,” X said`, else before it. */
export function cueOf(ctx: QuoteContext, q: number): Cue | null {
  if (endsForAttribution(ctx, q)) return cueAfter(ctx, q) ?? cueBefore(ctx, q);
  return cueBefore(ctx, q) ?? cueAfter(ctx, q);
}

/** `“…,” Okafor said` / `“…,” said Tanaka` / `“…” ― Name` / `“…,” according to X`. */
export function cueAfter(ctx: QuoteContext, q: number): Cue | null {
  const { toks } = ctx;
  const [lo, hi] = windowAfter(ctx, q);
  let i = lo;
  let dash = false;
  while (i < hi && SKIP_PUNCT.has((toks[i] as Token).value)) {
    if (DASHES.has((toks[i] as Token).value)) dash = true;
    i++;
  }
  if (i < hi && (toks[i] as Token).lower === 'as') i++;
  if (i >= hi) return null;
  const t = toks[i] as Token;
  for (let k = i; k + 1 < hi; k++) {
    if ((toks[k] as Token).lower !== 'according' || (toks[k + 1] as Token).lower !== 'to') continue;
    const np = phraseAfter(ctx, k + 2, hi);
    const cue = np ? cueFromPhrase(ctx, np[0], np[1]) : null;
    if (cue) return cue;
  }
  if (verbAt(ctx, i, false) && t.lower.endsWith('ing')) {
    // `“…,” adding that …`: the speaker is the subject of the clause before the quotation.
    return cueBefore(ctx, q) ?? { kind: 'anon' };
  }
  if (verbAt(ctx, i, false)) {
    const np = phraseAfter(ctx, i + 1, hi);
    const cue = np ? cueFromPhrase(ctx, np[0], np[1]) : null;
    return cue ?? (endsForAttribution(ctx, q) ? { kind: 'anon' } : null);
  }
  const np = phraseAfter(ctx, i, hi);
  if (np) {
    let k = np[1];
    if (toks[k]?.value === '(') {
      while (k < hi && toks[k]?.value !== ')') k++;
      k++;
    }
    while (k < hi && isAdverb(toks[k])) k++;
    if (k < hi && (verbAt(ctx, k, true) || (SPEECH_VERBS.has((toks[k] as Token).lower) && closesClause(toks[k + 1])))) {
      return cueFromPhrase(ctx, np[0], np[1]) ?? { kind: 'anon' };
    }
    if (toks[k]?.value === ',') {
      // `“…,” Reyes, a senior Okafor adviser, said`
      for (let v = k + 1; v < hi && v < k + 35; v++) {
        if (!verbAt(ctx, v, false)) continue;
        let b = v - 1;
        while (b > k && isAdverb(toks[b])) b--;
        if (toks[b]?.value === ',' || toks[b]?.value === ')')
          return cueFromPhrase(ctx, np[0], np[1]) ?? { kind: 'anon' };
        break;
      }
    }
  }
  // `“…” of the plan, Mr. Lind-Barrow said` / `“…?” a narrator in the ad asks`
  for (let v = i; v < hi && v < i + 35; v++) {
    if (CONJ.has((toks[v] as Token).lower)) break;
    if (!verbAt(ctx, v, false)) continue;
    const np2 = subjectBefore(ctx, v - 1, i);
    if (!np2) break;
    const gapPunct = (): boolean => {
      for (let g = i; g < np2[0]; g++) if ((toks[g] as Token).kind !== 'word') return true;
      return false;
    };
    if (toks[np2[0] - 1]?.value === ',' || (np2[0] - i <= 4 && !gapPunct())) return cueFromPhrase(ctx, np2[0], np2[1]);
    break;
  }
  if (dash && isCap(t)) {
    const re = capRunEnd(ctx, i, hi);
    const after = toks[re];
    if (re >= hi || after?.value === '.' || after?.value === ',') {
      const span = nameInRun(ctx, i, re);
      if (span) return { kind: 'name', start: span.start, end: span.end };
    }
  }
  return null;
}

/** `X said: “…”`, `X said that … “…”`, `X called it a “…”`, `according to X, “…”`. */
export function cueBefore(ctx: QuoteContext, q: number): Cue | null {
  const { toks } = ctx;
  const [lo, hi] = windowBefore(ctx, q);
  if (hi <= lo) return null;
  for (let k = lo; k + 1 < hi; k++) {
    if ((toks[k] as Token).lower === 'according' && (toks[k + 1] as Token).lower === 'to') {
      const np = phraseAfter(ctx, k + 2, hi);
      const cue = np ? cueFromPhrase(ctx, np[0], np[1]) : null;
      if (cue) return cue;
    }
  }
  // `including the former candidate Paul Ferris -- “…” --`: a name set off by a dash.
  const dash = toks[hi - 1];
  if (dash && DASHES.has(dash.value) && hi - 1 > lo) {
    const np = subjectBefore(ctx, hi - 2, lo, false);
    const pre = np ? toks[np[0] - 1] : undefined;
    const cue = np && !(pre && PREPOSITIONS.has(pre.lower)) ? cueFromPhrase(ctx, np[0], np[1]) : null;
    if (cue?.kind === 'name') return cue;
  }
  const noun = speechNounCue(ctx, lo, hi);
  if (noun) return noun;
  let anon = false;
  let relative: Cue | null = null;
  for (let v = hi - 1; v >= lo; v--) {
    if (!verbAt(ctx, v, true)) continue;
    const t = toks[v] as Token;
    const { b, hasAux, relative: rel, passive } = frameOf(ctx, v, lo);
    if (rel) {
      // `the Chicago Police Department which reported “…”`: the antecedent, unless an outer verb speaks.
      anon = true;
      const ante: [number, number] | null = relative ? null : subjectBefore(ctx, b - 1, lo);
      relative ??= ante ? cueFromPhrase(ctx, ante[0], ante[1]) : null;
      continue;
    }
    if (passive) continue;
    anon = true;
    if (t.lower.endsWith('ing') && !hasAux) {
      // `footage of Helen Marsh asking, “…”`: the name right before the participle.
      if (b === v - 1 && isCap(toks[b])) {
        const np = subjectBefore(ctx, b, lo);
        const cue = np ? cueFromPhrase(ctx, np[0], np[1]) : null;
        if (cue?.kind === 'name') return cue;
      }
      // `…, saying that …` / `Okafor took to Twitter to accuse …`: the clause's subject,
      // or, after another quotation of the sentence, that quotation's speaker.
      if (lo > 0 && ctx.quoteOf[lo - 1] !== -1 && ctx.sent[lo - 1] === ctx.sent[lo]) return { kind: 'prev' };
      const subj = clauseSubject(ctx, sentenceStart(ctx, lo), v);
      if (subj) return subj;
      continue;
    }
    const np = subjectBefore(ctx, b, lo);
    if (np && v === hi - 1 && reducedRelative(ctx, np, t, hasAux)) continue;
    const cue = np ? cueFromPhrase(ctx, np[0], np[1]) : null;
    if (cue) return cue;
    const after = phraseAfter(ctx, v + 1, hi);
    if (
      after &&
      (after[1] === hi || (toks[after[1]] as Token).value === ':' || (toks[after[1]] as Token).value === ',')
    ) {
      const c = cueFromPhrase(ctx, after[0], after[1]);
      if (c && c.kind !== 'np') return c;
    }
    const subj = clauseSubject(ctx, sentenceStart(ctx, lo), v);
    if (subj) return subj;
  }
  return relative ?? (anon ? { kind: 'anon' } : null);
}

/** `the Texas native nicknamed “…”`, `a box labeled “…”`: a participle after a common noun, not a verb. */
function reducedRelative(ctx: QuoteContext, np: [number, number], verb: Token, hasAux: boolean): boolean {
  if (hasAux || !verb.lower.endsWith('ed') || !LABEL_VERBS.has(verb.lower)) return false;
  const first = ctx.toks[np[0]] as Token;
  const head = ctx.toks[np[1] - 1] as Token;
  return (first.lower === 'a' || first.lower === 'an' || first.lower === 'the') && !isCap(head) && !isRoleLike(head);
}

const TRANSCRIPT = /^(?:["\u201c]|'')?\s{0,3}([A-Z][A-Z.'\u2019\- ]{1,40}):/;

/** A quotation on a transcript line (`"HOST: … “Open Market” …`): the line's speaker label. */
export function transcriptCue(ctx: QuoteContext, q: number): Cue | null {
  const span = ctx.quotes[q];
  if (!span) return null;
  const ls = lineStartOf(ctx, span.open);
  const m = TRANSCRIPT.exec(ctx.body.slice(ls, ls + 48));
  if (!m || !/[A-Z]{2}/.test(m[1] as string)) return null;
  const labelEnd = ls + m[0].length - 1;
  const s = tokenAt(ctx.toks, ls);
  const e = tokenAt(ctx.toks, labelEnd);
  let a = s;
  while (a < e && ctx.toks[a]?.kind !== 'word') a++;
  return a < e ? { kind: 'name', start: a, end: e } : null;
}

/** The attribution of the sentence before token `o` (`Okafor said:` / `Okafor said on Tuesday that ...`). */
export function cueOfSentenceBefore(ctx: QuoteContext, o: number): Cue | null {
  const { sent, para, quoteOf } = ctx;
  const s = (sent[o] as number) - 1;
  const end = o - 1;
  if (end < 0 || sent[end] !== s || (para[o] as number) - (para[end] as number) > 1) return null;
  let lo = end;
  while (lo > 0 && sent[lo - 1] === s && end - lo < 80) lo--;
  for (let k = end; k >= lo; k--) {
    if (quoteOf[k] !== -1 || !verbAt(ctx, k, true)) continue;
    const f = frameOf(ctx, k, lo);
    if (f.relative || f.passive) continue;
    const np = subjectBefore(ctx, f.b, lo);
    const cue = np ? cueFromPhrase(ctx, np[0], np[1]) : null;
    if (cue) return cue;
  }
  return null;
}

import type { Token } from '../nlp/analysis.ts';
import { isAbbrevDot, isCap, type QuoteContext } from './context.ts';
import { FEMALE_NAMES, FIRST_NAMES, MALE_NAMES } from './first-names.ts';
import {
  CAP_STOP,
  FEMALE_ROLES,
  LABEL_VERBS,
  MALE_ROLES,
  NAME_PARTICLES,
  ORG_HEADS,
  ROLE_WORDS,
  SPEECH_VERBS,
} from './lexicon.ts';

/**
 * Names in running text without a tagger: runs of capitalized words (with
 * particles, initials, `Rev.`-style abbreviations and glued hyphens), cut at
 * function words, and the name proper inside a run once honorifics and roles
 * ("U.S. President", "Sen.") are stripped.
 */

export type Gender = 'm' | 'f' | null;

export interface NameSpan {
  /** Token range of the name proper, [start, end). */
  readonly start: number;
  readonly end: number;
  /** A role or honorific stood before the name in its run. */
  readonly role: boolean;
  /** The role words of the run, full forms (`sen.` -> `senator`). */
  readonly roles: readonly string[];
  readonly gender: Gender;
}

/** Lowercase, without a final dot or a possessive `'s`. */
export const bare = (lower: string): string => {
  let s = lower;
  if (s.endsWith("'s") || s.endsWith('’s')) s = s.slice(0, -2);
  return s.endsWith('.') ? s.slice(0, -1) : s;
};
export const isRole = (t: Token): boolean => ROLE_WORDS.has(t.lower) || ROLE_WORDS.has(bare(t.lower));
export const isOrgHead = (t: Token): boolean => ORG_HEADS.has(bare(t.lower));

const ROLE_FULL: Readonly<Record<string, string>> = {
  sen: 'senator',
  gov: 'governor',
  rep: 'representative',
  gen: 'general',
  pres: 'president',
  sec: 'secretary',
  atty: 'attorney',
};

/** Capitalized words that end a run: headline words ("Okafor Calls Marsh …"), not name parts. */
const RUN_BREAK = new Set(
  `the a an and or but on in at of for with as after before their his her its our my your to from by
  is are was were will would this that these those who which what when where how why not no than then into over under about
  against`.split(/\s+/),
);

const breaksRun = (t: Token): boolean =>
  RUN_BREAK.has(t.lower) || SPEECH_VERBS.has(t.lower) || LABEL_VERBS.has(t.lower);

/** Is token i a hyphen glued to both neighbours (the `-` of "Ki-moon")? */
function gluedHyphen(toks: readonly Token[], i: number): boolean {
  const t = toks[i];
  const a = toks[i - 1];
  const b = toks[i + 1];
  return (
    !!t &&
    !!a &&
    !!b &&
    (t.value === '-' || t.value === '‐') &&
    a.end === t.start &&
    t.end === b.start &&
    b.kind === 'word'
  );
}

/** End (exclusive) of the capitalized run starting at `i`, or i when none starts there. */
export function capRunEnd(ctx: QuoteContext, i: number, limit: number): number {
  const { toks, para } = ctx;
  if (!isCap(toks[i])) return i;
  let j = i + 1;
  while (j < limit && para[j] === para[i]) {
    const t = toks[j] as Token;
    if (isCap(t) && !breaksRun(t)) j++;
    else if (isAbbrevDot(toks, j) && isCap(toks[j + 1]) && j + 1 < limit) j += 2;
    else if (gluedHyphen(toks, j) && j + 1 < limit) j += 2;
    else if (NAME_PARTICLES.has(t.lower) && isCap(toks[j + 1]) && j + 1 < limit) j += 2;
    else break;
  }
  return j;
}

/** Does token a open a sentence, a quotation or a parenthesis (so its capital says nothing)? */
function opensClause(ctx: QuoteContext, a: number): boolean {
  if (a === 0 || ctx.sent[a - 1] !== ctx.sent[a] || ctx.quoteOf[a - 1] !== ctx.quoteOf[a]) return true;
  const p = (ctx.toks[a - 1] as Token).value;
  return p === ':' || p === '—' || p === '–' || p === '(' || p === '"' || p === '“';
}

/** The name proper inside a capitalized run [s, e): leading stop words, common words and roles removed. */
export function nameInRun(ctx: QuoteContext, s: number, e: number): NameSpan | null {
  const { toks } = ctx;
  let a = s;
  for (;;) {
    const t = toks[a];
    if (a >= e || !t) return null;
    if (CAP_STOP.has(t.lower) && !isRole(t)) a++;
    // `Rival Helen Marsh`, `Officials at …`: a capital that only opens the sentence.
    else if (a === s && opensClause(ctx, a) && !isRole(t) && ctx.lowerVocab.has(t.lower)) a++;
    else break;
  }
  // `Following a meeting, …`: a sentence-opening participle is not a name.
  const t0 = toks[a] as Token;
  if (e - a === 1 && t0.lower.length > 5 && t0.lower.endsWith('ing') && opensClause(ctx, a)) return null;
  if (isDateline(ctx, s, e) || onlyInitials(toks, a, e)) return null;
  let gender: Gender = null;
  let lastRole = -1;
  const roles: string[] = [];
  for (let i = a; i < e; i++) {
    const t = toks[i] as Token;
    if (!isRole(t)) continue;
    lastRole = i;
    const r = bare(t.lower);
    roles.push(ROLE_FULL[r] ?? r);
    if (MALE_ROLES.has(t.lower)) gender = 'm';
    else if (FEMALE_ROLES.has(t.lower)) gender = 'f';
  }
  let start = a;
  if (lastRole >= a && lastRole < e - 1 && !isOrgHead(toks[e - 1] as Token)) start = lastRole + 1;
  while (start < e && (CAP_STOP.has((toks[start] as Token).lower) || (toks[start] as Token).kind !== 'word')) start++;
  if (start >= e) return { start: a, end: e, role: false, roles, gender: null };
  // `Miss Universe Nora Vance`: a known first name inside the run starts the name.
  for (let i = start + 1; i < e - 1; i++) {
    const l = (toks[i] as Token).lower;
    if (e - start >= 3 && FIRST_NAMES.has(l) && !FIRST_NAMES.has((toks[start] as Token).lower)) {
      start = i;
      break;
    }
  }
  const first = (toks[start] as Token).lower;
  if (gender === null && e - start >= 2) gender = MALE_NAMES.has(first) ? 'm' : FEMALE_NAMES.has(first) ? 'f' : null;
  return { start, end: e, role: lastRole >= a && start > lastRole, roles, gender };
}

/** The words of a name in tokens [s, e), bare. */
export function wordsOf(toks: readonly Token[], s: number, e: number): string[] {
  const out: string[] = [];
  for (let i = s; i < e; i++) {
    const t = toks[i] as Token;
    if (t.kind === 'word') out.push(bare(t.lower));
  }
  return out;
}

/** The name in tokens [s, e) as written, whitespace normalized, without a possessive `'s`. */
export function displayOf(ctx: QuoteContext, s: number, e: number): string {
  const text = ctx.body.slice((ctx.toks[s] as Token).start, (ctx.toks[e - 1] as Token).end).replace(/\s+/g, ' ');
  return text.replace(/['’]s$/, '');
}

const DATELINE_AFTER = new Set(['—', '–', '-', '--', ',', '(']);

/** `NEW YORK — …`, `LA CROSSE, Wis. —`: an all-capitals run opening a paragraph and set off by a dash or comma is a place. */
export function isDateline(ctx: QuoteContext, s: number, e: number): boolean {
  const { toks, para } = ctx;
  if (e <= s || (s > 0 && para[s - 1] === para[s])) return false;
  const next = toks[e];
  if (!next || !DATELINE_AFTER.has(next.value)) return false;
  for (let i = s; i < e; i++) {
    const t = toks[i] as Token;
    if (t.kind === 'word' && t.value !== t.value.toUpperCase()) return false;
  }
  return true;
}

/** `Y.`, `C.`: initials alone (the tail of a party-state tag like `D-N.Y.`) are not a name. */
function onlyInitials(toks: readonly Token[], a: number, e: number): boolean {
  for (let i = a; i < e; i++) {
    const t = toks[i] as Token;
    if (t.kind === 'word' && t.value.replace(/\.$/, '').length > 1) return false;
  }
  return true;
}

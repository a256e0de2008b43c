import { tokenize, type Token } from '../nlp/analysis.ts';
import { questionType, type QuestionType } from './features.ts';
import type { AnswerIndex } from './sentence-index.ts';
import { MONTHS, canonicalNumber, cleanWord, lemmas, tokenTerms, wordTerms } from './text.ts';
import { isLemma, pertainyms, relatedWords, senseCount } from './wordnet.ts';

/**
 * A question turned into concepts: each content word of the question with the index
 * terms that can stand for it (its stem and lemmas at weight 1, WordNet synonyms and
 * derived forms lower). A sentence matches a concept by its best term, so synonyms
 * never add up.
 */

export type ConceptKind = 'word' | 'name' | 'number';

export interface Concept {
  readonly text: string;
  readonly kind: ConceptKind;
  /** Index term ids and their match weights (0..1). */
  readonly terms: Map<number, number>;
  /** Specificity of the concept: idf of its own word (max idf when the index lacks it). */
  readonly idf: number;
  /** Query weight: 1 for the question's own words, lower for words carried over from the thread. */
  readonly qw: number;
  readonly own: boolean;
  /** Adjacent name or number tokens form one group (`New York`, `Jane Doe`): -1 for ordinary words. */
  readonly group: number;
}

export interface ParsedQuestion {
  readonly text: string;
  readonly concepts: Concept[];
  readonly type: QuestionType;
  /** Numbers written in the question (canonical), which an answer's number must not just repeat. */
  readonly numbers: ReadonlySet<number>;
  /** Reads like a continuation: `And ...?`, `What about ...?`, pronouns, very few content words. */
  readonly followUp: number;
}

/** Weight of a WordNet-related word relative to the word itself. */
const EXPANSION = 0.75;

export function idfOf(index: AnswerIndex, term: number | undefined): number {
  const N = index.sentCount;
  const df = term === undefined ? 0 : (index.postOff[term + 1] as number) - (index.postOff[term] as number);
  return Math.log(1 + (N - df + 0.5) / (df + 0.5));
}

const PRONOUN = /\b(it|its|they|them|their|he|him|his|she|her|this|that|these|those|there)\b/i;
const CONTINUATION = /^\s*(and|but|also|so|then|what about|how about|and what about|what of|same)\b/i;

function isName(t: Token, i: number): boolean {
  if (!/^\p{Lu}/u.test(t.value) || t.value === 'I') return false;
  if (i > 0) return true;
  return /^\p{Lu}{2,}/u.test(t.value);
}

/** Words of an identity question that only ask for the role (`What is Motegi's job?`). */
const IDENTITY_FRAME = new Set([
  'job',
  'role',
  'position',
  'title',
  'post',
  'occupation',
  'profession',
  'living',
  'hold',
  'play',
]);

const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

const DEMONYM_SUFFIXES = ['ese', 'ian', 'an', 'ish', 'i', 'n'];

/** `Japan` → `Japanese`, `India` → `Indian`: adjectives WordNet relates back to the name. */
function demonyms(name: string): { word: string; weight: number }[] {
  const out: { word: string; weight: number }[] = [];
  const stems = new Set([name, name.replace(/[aeiouy]$/, '')]);
  for (const st of stems) {
    for (const suf of DEMONYM_SUFFIXES) {
      const cand = st + suf;
      if (cand === name || !isLemma(cand)) continue;
      if (relatedWords(cand).some((r) => r.word === name)) out.push({ word: cand, weight: 1 });
    }
  }
  return out;
}

/** Parse a question against an index: concepts with the term ids the index knows. */
export function parseQuestion(index: AnswerIndex, question: string): ParsedQuestion {
  const tokens = tokenize(question);
  const byKey = new Map<string, Concept>();
  const numbers = new Set<number>();
  const addTerm = (m: Map<number, number>, term: string, w: number): void => {
    const id = index.vocab.get(term);
    if (id === undefined) return;
    if ((m.get(id) ?? 0) < w) m.set(id, w);
  };
  const words = tokens.map((t) => cleanWord(t.lower));
  let groups = 0;
  let lastKeyToken = -2;
  tokens.forEach((t, i) => {
    const parts = t.kind === 'word' && words[i]?.includes('-') ? (words[i] as string).split('-').filter(Boolean) : null;
    const units: { word: string; terms: readonly string[] }[] = parts
      ? parts.map((p) => ({ word: p, terms: wordTerms(p) }))
      : [{ word: words[i] as string, terms: tokenTerms(t) }];
    const prevWasKey = lastKeyToken === i - 1;
    for (const { word, terms } of units) {
      const primary = terms[0];
      if (primary === undefined) continue;
      const kind: ConceptKind =
        t.kind === 'number' || t.kind === 'ordinal' || /^\d/.test(primary)
          ? 'number'
          : isName(t, i) && !MONTHS.has(word) && !DAYS.has(word)
            ? 'name'
            : 'word';
      if (kind === 'number') {
        const n = Number(primary);
        if (Number.isFinite(n)) numbers.add(n);
      }
      let c = byKey.get(primary);
      if (!c) {
        const id = index.vocab.get(primary);
        if (kind !== 'word' && !prevWasKey) groups++;
        c = {
          text: word,
          kind,
          terms: new Map(),
          idf: idfOf(index, id),
          qw: 1,
          own: true,
          group: kind === 'word' ? -1 : groups,
        };
        byKey.set(primary, c);
      }
      if (kind !== 'word') lastKeyToken = i;
      for (const term of terms) addTerm(c.terms, term, 1);
      if (kind === 'number') {
        // `9/11`, `2004-05`: each number in it matches a little
        if (/[/-]/.test(primary))
          for (const part of primary.split(/[/-]/)) if (part) addTerm(c.terms, canonicalNumber(part), 0.5);
        continue;
      }
      // WordNet: the word's lemmas, and a phrasal verb with the next word (`put up`, `take over`);
      // a name only when it is no common word (`Indian` → `India`, `America` → `US`, not `Time`)
      if (kind === 'name' && senseCount(word) > 6) continue;
      const heads = lemmas(word);
      const next = words[i + 1];
      const related = heads.flatMap((l) => relatedWords(l));
      if (next && /^[a-z]+$/.test(next)) {
        for (const l of heads) if (isLemma(`${l} ${next}`)) related.push(...relatedWords(`${l} ${next}`));
      }
      // `Indian` and `India` name the same thing: as good as the word itself
      if (kind === 'name')
        for (const r of [...demonyms(word), ...pertainyms(word).map((w) => ({ word: w, weight: 1 }))])
          for (const term of wordTerms(r.word)) addTerm(c.terms, term, 0.9);
      // a name's WordNet synonyms are aliases of the same thing (`America`, `US`)
      const scaled = (w: number): number => (kind === 'name' ? Math.min(0.9, 1.1 * w) : EXPANSION * w);
      const acronym = kind === 'name' && /^\p{Lu}{2,}$/u.test(t.value);
      for (const r of related) {
        if (r.word.includes(' ')) {
          // an acronym's spelled-out synonym (`IMF`: `International Monetary Fund`) matches by any of its words, weakly
          if (acronym)
            for (const w of r.word.split(' ')) for (const term of wordTerms(w)) addTerm(c.terms, term, 0.7 * r.weight);
          continue;
        }
        const rt = wordTerms(r.word);
        // `America` → `US`: a name WordNet gives that is also a stopword is looked up as it is
        for (const term of rt.length ? rt : [r.word]) addTerm(c.terms, term, scaled(r.weight));
      }
    }
  });
  const type = questionType(question);
  // `What is Motegi's job?`: `job` frames the question, the answer names the job itself
  const concepts = [...byKey.values()].filter((c) => type.label !== 'identity' || !IDENTITY_FRAME.has(c.text));
  let followUp = 0;
  if (CONTINUATION.test(question)) followUp += 1;
  if (PRONOUN.test(question)) followUp += 0.5;
  if (concepts.length <= 2) followUp += 0.5;
  return { text: question, concepts, type, numbers, followUp: Math.min(1, followUp) };
}

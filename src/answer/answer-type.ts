import { E_NAME, E_PLACE, E_ROLE } from './features.ts';
import {
  F_AGENT,
  F_ANAPHOR,
  F_DATE,
  F_DURATION,
  F_MONEY,
  F_PERCENT,
  F_PLACE,
  F_QUOTE,
  F_REASON,
  F_SAY,
} from './answer-type-words.ts';
import type { Concept, ParsedQuestion } from './query.ts';
import type { AnswerIndex } from './sentence-index.ts';

/**
 * Does a sentence hold the kind of thing the question asks for (a new number, a date, a
 * name...)? Read from the flags and entities the index keeps per sentence; "new" means not
 * already stated in the question, since an answer repeating the question adds nothing.
 */

/** Every term of the concepts: what the question (with its thread) already names. */
export function knownTerms(concepts: readonly Concept[]): Set<number> {
  const known = new Set<number>();
  for (const c of concepts) for (const t of c.terms.keys()) known.add(t);
  return known;
}

/** `known`: the terms the question already names (see `knownTerms`). */
export function typeMatch(index: AnswerIndex, sid: number, q: ParsedQuestion, known: ReadonlySet<number>): boolean {
  const flags = index.sentFlags[sid] as number;
  if (q.type.currency !== 0 && (flags & q.type.currency) === 0) return false;
  switch (q.type.label) {
    case 'money':
      return (flags & F_MONEY) !== 0;
    case 'quantity':
      return (flags & (F_MONEY | F_PERCENT)) !== 0 || hasNewNumber(index, sid, q.numbers);
    case 'duration':
      return (flags & (F_DURATION | F_DATE)) !== 0;
    case 'date':
      return (flags & F_DATE) !== 0;
    case 'place':
      return (flags & F_PLACE) !== 0 || hasNewEntity(index, sid, known, E_PLACE);
    case 'identity':
      return describesAsked(index, sid, q) || hasNewEntity(index, sid, known, E_NAME) || (flags & F_AGENT) !== 0;
    case 'who':
      return hasNewEntity(index, sid, known, E_NAME) || (flags & F_AGENT) !== 0;
    case 'why':
      return (flags & (F_REASON | F_ANAPHOR)) !== 0;
    case 'say':
      return (flags & (F_SAY | F_QUOTE)) !== 0;
    default:
      return true;
  }
}

/** A number in the sentence that the question does not already state (years do not count). */
function hasNewNumber(index: AnswerIndex, sid: number, numbers: ReadonlySet<number>): boolean {
  for (let p = index.sentTermOff[sid] as number; p < (index.sentTermOff[sid + 1] as number); p++) {
    const n = index.termNumber[index.sentTerms[p] as number] as number;
    if (Number.isNaN(n) || numbers.has(n)) continue;
    if (Number.isInteger(n) && n >= 1900 && n <= 2100) continue;
    return true;
  }
  return false;
}

/** An entity of the given kind (bit mask) whose term the question does not already name. */
function hasNewEntity(index: AnswerIndex, sid: number, known: ReadonlySet<number>, kind: number): boolean {
  for (let p = index.sentEntOff[sid] as number; p < (index.sentEntOff[sid + 1] as number); p++) {
    if (((index.sentEntKind[p] as number) & kind) !== 0 && !known.has(index.sentEntTerm[p] as number)) return true;
  }
  return false;
}

/**
 * Does the sentence describe by a role (`Toshimitsu Motegi, Japan's economic revitalization
 * minister,`) one of the names the question itself asks about (its own concepts' full-weight terms)?
 */
export function describesAsked(index: AnswerIndex, sid: number, q: ParsedQuestion): boolean {
  for (let p = index.sentEntOff[sid] as number; p < (index.sentEntOff[sid + 1] as number); p++) {
    if (((index.sentEntKind[p] as number) & E_ROLE) === 0) continue;
    const term = index.sentEntTerm[p] as number;
    if (q.concepts.some((c) => (c.terms.get(term) ?? 0) >= 0.9)) return true;
  }
  return false;
}

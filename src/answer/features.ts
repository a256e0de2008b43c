/**
 * What kind of answer a question wants, and what kinds of content a sentence holds,
 * as bit flags: a "how much" question wants money or a number, "when" a date, ...
 */
import type { Token } from '../nlp/analysis.ts';
import { describedNames, isIdentityQuestion } from './roles.ts';
import { MONTHS, cleanWord } from './text.ts';
import {
  F_NUMBER,
  F_MONEY,
  F_PERCENT,
  F_DATE,
  F_NAME,
  F_PLACE,
  F_REASON,
  F_SAY,
  F_DURATION,
  F_QUOTE,
  F_ANAPHOR,
  F_AGENT,
  CURRENCY,
  ANAPHORS,
  ANAPHOR_NOUNS,
  OPENERS,
  MONEY_WORDS,
  SCALE,
  NUMBER_WORDS,
  PERCENT_WORDS,
  DATE_WORDS,
  DURATION_WORDS,
  PLACE_PREPS,
  PLACE_NOUNS,
  AGENT_NOUNS,
  REASON_WORDS,
  SAY_WORDS,
  currencyFlags,
} from './answer-type-words.ts';

/** Content flags of a sentence, from its tokens. `first` is true when the first token opens the sentence. */
export function sentenceFlags(tokens: readonly Token[]): number {
  let f = 0;
  let k = 0;
  while (k < tokens.length - 1 && OPENERS.has((tokens[k] as Token).lower)) k++;
  const lead = tokens[k]?.lower;
  if (
    lead !== undefined &&
    (ANAPHORS.has(lead) || ((lead === 'the' || lead === 'this') && ANAPHOR_NOUNS.has(tokens[k + 1]?.lower ?? '')))
  )
    f |= F_ANAPHOR;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const w = cleanWord(t.lower);
    if (t.kind === 'currency') f |= F_MONEY | F_NUMBER | (CURRENCY[t.value] ?? 0);
    else if (t.kind === 'number' || t.kind === 'ordinal') {
      f |= F_NUMBER;
      const n = Number(t.value.replace(/,/g, ''));
      if (Number.isInteger(n) && n >= 1900 && n <= 2100) f |= F_DATE;
      if (next && (next.value === '%' || PERCENT_WORDS.has(next.lower))) f |= F_PERCENT;
      if (next && DURATION_WORDS.has(next.lower)) f |= F_DURATION;
    } else if (t.kind === 'time') f |= F_DATE;
    else if (t.value === '%') f |= F_PERCENT | F_NUMBER;
    else if (t.kind === 'quoted_phrase' || /^["“”]$/.test(t.value)) f |= F_QUOTE;
    else if (t.kind === 'word') {
      if (MONEY_WORDS.has(w) && i > 0) f |= F_MONEY | (CURRENCY[w] ?? 0);
      if (NUMBER_WORDS.has(w) || SCALE.has(w)) f |= F_NUMBER;
      if (w === 'percent' || (w === 'per' && next?.lower === 'cent')) f |= F_PERCENT | F_NUMBER;
      if (MONTHS.has(w) && /^\p{Lu}/u.test(t.value) && (w !== 'may' || i > 0)) f |= F_DATE;
      if (DATE_WORDS.has(w)) f |= F_DATE;
      if ((w === 'several' || w === 'few' || w === 'many') && next && DURATION_WORDS.has(next.lower)) f |= F_DURATION;
      if (REASON_WORDS.has(w)) f |= F_REASON;
      if (SAY_WORDS.has(w)) f |= F_SAY;
      if (PLACE_NOUNS.has(w)) f |= F_PLACE;
      if (AGENT_NOUNS.has(w)) f |= F_AGENT;
    }
  }
  return f;
}

export interface QuestionType {
  /** Flags of which at least one should be in the answering sentence (0 = any). */
  readonly wants: number;
  /** Currency flags the question names (`in dollars`): the answer's amount must be in one of them. */
  readonly currency: number;
  /** How much a sentence without them is to be doubted: 1 = must have, 0.3 = a hint. */
  readonly strength: number;
  readonly label: string;
}

const QUANTITY = F_NUMBER | F_MONEY | F_PERCENT;

/** The answer type a question asks for, from its wording. */
export function questionType(question: string): QuestionType {
  const t = questionTypeOf(question);
  const currency = t.wants & (F_MONEY | F_NUMBER) ? currencyFlags(question.toLowerCase().split(/[^a-z$£€¥]+/)) : 0;
  return { ...t, currency };
}

function questionTypeOf(question: string): Omit<QuestionType, 'currency'> {
  const q = ` ${question
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')} `;
  const has = (re: RegExp): boolean => re.test(q);
  // `Who is Motegi?`: a name like any who-question, and better one describing him by his role
  if (isIdentityQuestion(question)) return { wants: F_NAME, strength: 0.6, label: 'identity' };
  if (
    has(/ how (much|many) /) ||
    has(/ what (share|proportion|percentage|fraction|number|amount|sum|total|figure|price|value) /) ||
    has(/ how (big|large|high|low|small|heavy|fast|far|deep|wide|tall|old|young|significant|serious|severe) /) ||
    has(/ (what|which) (level|rate|growth rate|interest rate|age|score|margin|size) /) ||
    has(/ what (is|was|were|are|will be) the (level|rate|size|cost|value|amount|number|total|figure|price) /)
  ) {
    // `how much ... cost/pay/earn` wants an amount of money; `by how much` a change (often a percentage)
    const money =
      !has(/ by how much /) &&
      has(/ how much (money|cash|did|does|do|will|would|has|have|had|is|was|were|are) /) &&
      has(
        / (cost|costs|pay|paid|spend|spent|earn|earned|worth|price|borrow|borrowed|invest|invested|lend|lent|owe|owed|money|cash|budget) /,
      );
    return { wants: money ? F_MONEY : QUANTITY, strength: 1, label: money ? 'money' : 'quantity' };
  }
  if (has(/ how long /)) return { wants: F_DURATION | F_DATE | F_NUMBER, strength: 0.6, label: 'duration' };
  if (
    has(/^ when /) ||
    has(/ (what|which) (year|date|day|month|time|period) /) ||
    has(/ by when /) ||
    has(/ since when /)
  ) {
    return { wants: F_DATE, strength: 1, label: 'date' };
  }
  if (
    has(/^ (where|in which|in what|at which|at what) /) ||
    has(/ where /) ||
    has(/ (which|what) (city|town|country|place|venue|region|state|capital|location) /)
  ) {
    return { wants: F_PLACE, strength: 0.6, label: 'place' };
  }
  if (
    has(/^ (who|whom|whose) /) ||
    has(/ (who|whom) /) ||
    has(
      / which (firm|company|companies|firms|person|people|man|woman|party|parties|group|groups|minister|official|bank|country|countries|organisation|organization|body|team|newspaper|paper|airline|politician|leader) /,
    )
  ) {
    return { wants: F_NAME, strength: 0.6, label: 'who' };
  }
  if (
    has(/^ why /) ||
    has(/ why /) ||
    has(/ what (caused|causes|led|reason|reasons|made|prompted|drove|explains) /) ||
    has(/ (blame|blamed) /) ||
    has(/ (say|says|said|think|thinks|believe|believes) (caused|causes|led to|prompted|explains|is behind|was behind) /)
  ) {
    return { wants: F_REASON, strength: 0.5, label: 'why' };
  }
  if (
    has(
      / (what|how) (did|does|do|has|have|will|would) .* (say|said|think|argue|claim|warn|tell|told|complain|announce|respond|react) /,
    )
  ) {
    return { wants: F_SAY | F_QUOTE, strength: 0.5, label: 'say' };
  }
  return { wants: 0, strength: 0, label: 'other' };
}

export const E_NAME = 1;
export const E_PLACE = 2;
/** A name the sentence describes by a role (`Motegi, Japan's economic minister,`): see roles.ts. */
export const E_ROLE = 4;

/**
 * Tokens that look like names (capitalised, not just opening the sentence, unless
 * `opensWithName` says the opening word is no ordinary word, or a role describes it) and, of them, places (after `in`, `at`, `from`, ...
 * possibly chained: `in New York`) and names described by a role. Returns [token index, E_NAME | E_PLACE | E_ROLE] pairs.
 */
export function sentenceEntities(
  tokens: readonly Token[],
  opensWithName?: (lower: string) => boolean,
): [number, number][] {
  const out: [number, number][] = [];
  let placeRun = false;
  const described = describedNames(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const cap = t.kind === 'word' && /^\p{Lu}/u.test(t.value) && t.value !== 'I';
    const name =
      cap &&
      (i > 0 ||
        (next !== undefined && /^\p{Lu}/u.test(next.value)) ||
        /^\p{Lu}{2,}/u.test(t.value) ||
        (opensWithName?.(t.lower) ?? false) ||
        described.has(i));
    if (!name) {
      placeRun = PLACE_PREPS.has(t.lower) || (placeRun && (t.lower === 'the' || t.lower === 'of'));
      continue;
    }
    out.push([i, (placeRun ? E_NAME | E_PLACE : E_NAME) | (described.has(i) ? E_ROLE : 0)]);
  }
  return out;
}

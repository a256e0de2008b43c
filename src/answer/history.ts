import { parseQuestion, type Concept, type ParsedQuestion } from './query.ts';
import type { AnswerIndex } from './sentence-index.ts';
import type { Turn } from './types.ts';

/**
 * Thread history: a follow-up (`And Trump?`, `How big were their losses?`) is read with
 * the concepts of the thread's previous question carried over at a lower weight, and the
 * article that answered it gets a bonus.
 */

/** Questions parsed at most once while they stay among the last `max` asked: a thread's earlier question is read again for each follow-up. */
export function questionParser(index: AnswerIndex, max = 256): (text: string) => ParsedQuestion {
  const parsed = new Map<string, ParsedQuestion>();
  return (text) => {
    let p = parsed.get(text);
    if (!p) {
      if (parsed.size >= max) parsed.delete(parsed.keys().next().value as string);
      parsed.set(text, (p = parseQuestion(index, text)));
    }
    return p;
  };
}

export interface QueryConcepts {
  /** The question's own concepts first, then those carried over (`own: false`). */
  readonly concepts: Concept[];
  /** Article index → bonus (the previous answer's article in a thread). */
  readonly boost: ReadonlyMap<number, number>;
}

/**
 * Carry the thread's previous question over into a follow-up, at a lower weight. Only the
 * last turn counts. Without history the question's concepts are returned as they are.
 */
export function withHistory(
  parse: (text: string) => ParsedQuestion,
  q: ParsedQuestion,
  history: readonly Turn[],
  articleIndex: ReadonlyMap<string, number>,
): QueryConcepts {
  const boost = new Map<number, number>();
  const prev = history[history.length - 1];
  if (!prev) return { concepts: q.concepts, boost };
  const p = parse(prev.question);
  const ownKinds = new Set(q.concepts.map((c) => c.kind));
  const have = new Set(q.concepts.map((c) => c.text));
  // a follow-up naming someone else (`And Trump?`) replaces the earlier name
  const carried = p.concepts.filter((c) => !have.has(c.text) && !(c.kind !== 'word' && ownKinds.has(c.kind)));
  let ownImp = 0;
  let carriedImp = 0;
  for (const c of q.concepts) ownImp += c.terms.size ? c.idf : 0;
  for (const c of carried) carriedImp += c.idf;
  // the carried words weigh at most about half as much as the question's own words together
  const carry = Math.min(0.25 + 0.35 * q.followUp, carriedImp > 0 ? (0.6 * Math.max(ownImp, 1)) / carriedImp : 0);
  const concepts = [...q.concepts];
  for (const c of carried) concepts.push({ ...c, qw: carry, own: false });
  const src = prev.answer.answered ? prev.answer.sources[0] : undefined;
  const a = src ? articleIndex.get(src.articleId) : undefined;
  if (a !== undefined) boost.set(a, 0.1 + 0.25 * q.followUp);
  return { concepts, boost };
}

import type { Concept, ParsedQuestion } from './query.ts';
import type { AnswerIndex } from './sentence-index.ts';

/**
 * Inputs of the answerability model and the abstention rule: which concepts count for the
 * question's own coverage, the question's names and numbers missing from a candidate's
 * article, and the answer order given the calibrated probability (ranker-model.ts).
 */

/**
 * Weight of each concept in the confidence. The question's own words count fully; words
 * carried over from the thread count (at their query weight) only for an elliptical
 * follow-up (`How big were their losses?`), and carried names also when the follow-up
 * uses a pronoun (`its`, `they`) standing for them. Otherwise they count 0.
 */
export function confidenceWeight(q: ParsedQuestion): (c: Concept) => number {
  const elliptical = q.followUp >= 0.5 && q.concepts.filter((c) => c.terms.size > 0).length <= 2;
  const pronoun = q.followUp >= 0.5;
  return (c) => (c.own ? 1 : elliptical || (pronoun && c.kind === 'name') ? c.qw : 0);
}

/** The weight the confidence's coverage is normalised by: Σ idf × confidence weight. */
export function confidenceImportance(concepts: readonly Concept[], confW: (c: Concept) => number): number {
  let ownImp = 0;
  for (const c of concepts) ownImp += c.idf * confW(c);
  return ownImp;
}

/**
 * The question's own names and numbers for one candidate, by group: a group of adjacent
 * names (`New York`) is missing when all of it is absent from the article (and title), and
 * off the context when all of it is missing from the sentence, the previous sentence and
 * the title. A missing group is not also counted as off the context.
 */
export class KeyGroups {
  private readonly absent = new Map<number, boolean>();
  private readonly off = new Map<number, boolean>();
  /**
   * One name or number concept: its match in the article and the title, and `near`, its
   * best match in the sentence, the (discounted) previous sentence or the title.
   */
  note(group: number, article: number, title: number, near: number): void {
    const absent = article < 0.5 && title < 0.5;
    const off = absent || near < 0.5;
    this.absent.set(group, (this.absent.get(group) ?? true) && absent);
    this.off.set(group, (this.off.get(group) ?? true) && off);
  }
  /** Groups seen, groups missing from the article, groups present but off the context. */
  counts(): { readonly groups: number; readonly missing: number; readonly offContext: number } {
    let missing = 0;
    let offContext = 0;
    for (const [g, absent] of this.absent) {
      if (absent) missing++;
      else if (this.off.get(g)) offContext++;
    }
    return { groups: this.absent.size, missing, offContext };
  }
}

/**
 * The candidates (best first) in the order they are answered with, or undefined to abstain.
 * `answerable(i)` is the calibrated probability that candidate i, put first, answers the
 * question. With preferred articles (e.g. the digest a thread hangs under), the best
 * candidate in them comes first when it clears the threshold, then the rest of the archive;
 * otherwise the ranking is kept as it is.
 */
export function answerOrder<T extends { readonly sid: number }>(
  index: AnswerIndex,
  ranked: readonly T[],
  prefer: ReadonlySet<number>,
  answerable: (i: number) => number,
  threshold: number,
): readonly T[] | undefined {
  if (ranked.length === 0) return undefined;
  if (prefer.size > 0) {
    const first = ranked.findIndex((r) => prefer.has(index.sentArticle[r.sid] as number));
    if (first > 0 && answerable(first) >= threshold) {
      const inPref = ranked.filter((r) => prefer.has(index.sentArticle[r.sid] as number));
      return [...inPref, ...ranked.filter((r) => !prefer.has(index.sentArticle[r.sid] as number))];
    }
  }
  return answerable(0) >= threshold ? ranked : undefined;
}

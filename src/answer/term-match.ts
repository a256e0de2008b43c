import { idfOf, type Concept } from './query.ts';
import type { AnswerIndex } from './sentence-index.ts';

/**
 * The query's terms, for matching sentences by their own term lists: `slot[term]` (a dense
 * array over the vocabulary, shared across questions) points at the (concept, weight,
 * BM25 value) entries of that term. One array read per sentence term, no allocation.
 *
 * Contract: `slot` must be all -1 when constructed, and `release()` must be called once
 * the question is done, which puts it back to all -1 for the next one.
 */
export class TermMatch {
  /** Entries of slot s are [start[s], start[s + 1]). */
  readonly start: Int32Array;
  readonly concept: Int32Array;
  /** Match weight (0..1) of the term for the concept. */
  readonly weight: Float64Array;
  /** BM25 numerator of the term for the concept: min(concept idf, term idf) × weight × query weight. */
  readonly value: Float64Array;
  private readonly used: number[] = [];
  constructor(
    index: AnswerIndex,
    readonly slot: Int32Array,
    concepts: readonly Concept[],
  ) {
    const lists: [number, number, number][][] = [];
    concepts.forEach((c, ci) => {
      for (const [term, w] of c.terms) {
        let s = slot[term] as number;
        if (s < 0) {
          s = lists.length;
          slot[term] = s;
          this.used.push(term);
          lists.push([]);
        }
        (lists[s] as [number, number, number][]).push([ci, w, Math.min(c.idf, idfOf(index, term)) * w * c.qw]);
      }
    });
    let total = 0;
    for (const l of lists) total += l.length;
    this.start = new Int32Array(lists.length + 1);
    this.concept = new Int32Array(total);
    this.weight = new Float64Array(total);
    this.value = new Float64Array(total);
    let k = 0;
    lists.forEach((l, s) => {
      this.start[s] = k;
      for (const [ci, w, v] of l) {
        this.concept[k] = ci;
        this.weight[k] = w;
        this.value[k] = v;
        k++;
      }
    });
    this.start[lists.length] = k;
  }
  /** Resets the shared slot array. */
  release(): void {
    for (const t of this.used) this.slot[t] = -1;
  }
}

/**
 * Per concept, the best of `per` (the entries' `weight` or `value`) over the terms [from, to)
 * of a term list, written into `out` (cleared first) and returned. The one loop every
 * sentence, title and article match goes through.
 */
export function bestPerConcept(
  terms: Int32Array,
  from: number,
  to: number,
  tm: TermMatch,
  per: Float64Array,
  out: Float64Array,
): Float64Array {
  out.fill(0);
  const { slot, start, concept } = tm;
  for (let p = from; p < to; p++) {
    const s = slot[terms[p] as number] as number;
    if (s < 0) continue;
    for (let e = start[s] as number; e < (start[s + 1] as number); e++) {
      const c = concept[e] as number;
      if ((per[e] as number) > (out[c] as number)) out[c] = per[e] as number;
    }
  }
  return out;
}

/** Match (0..1) of each of the `n` concepts in the terms [from, to) of a term list: per concept its best term. */
function matchTerms(terms: Int32Array, from: number, to: number, tm: TermMatch, n: number): Float64Array {
  return bestPerConcept(terms, from, to, tm, tm.weight, new Float64Array(n));
}

export function matchSentence(index: AnswerIndex, sid: number, tm: TermMatch, n: number): Float64Array {
  return matchTerms(index.sentTerms, index.sentTermOff[sid] as number, index.sentTermOff[sid + 1] as number, tm, n);
}

export function matchTitle(index: AnswerIndex, a: number, tm: TermMatch, n: number): Float64Array {
  return matchTerms(index.titleTerms, index.titleTermOff[a] as number, index.titleTermOff[a + 1] as number, tm, n);
}

/** Match over the whole body of article `a` (its sentences' term lists are contiguous). */
export function matchArticle(index: AnswerIndex, a: number, tm: TermMatch, n: number): Float64Array {
  const first = index.articleSentOff[a] as number;
  const last = index.articleSentOff[a + 1] as number;
  return matchTerms(index.sentTerms, index.sentTermOff[first] as number, index.sentTermOff[last] as number, tm, n);
}

import { idfOf, type Concept } from './query.ts';
import type { AnswerIndex } from './sentence-index.ts';
import { TermMatch, bestPerConcept } from './term-match.ts';
import { TopK } from './top-k.ts';

/**
 * Candidate gathering: which sentences are worth re-ranking. Articles are scored by BM25
 * over their whole text, every sentence of the best ones is taken (plus the sentences
 * holding one of the question's rare terms anywhere), and the candidates' own sentence
 * BM25 keeps the best CANDIDATES of them. A concept counts by its best term only, so
 * synonyms never add up.
 */

const K1 = 1.2;
const B = 0.75;
/** Sentences handed to the re-ranking. */
const CANDIDATES = 60;
/** Articles whose every sentence is a candidate. */
const ARTICLES = 40;
/** A term in at most this many sentences (or N/500) brings its sentences in from any article. */
const RARE_MIN = 50;

/**
 * Scratch arrays reused across queries, sized to the index. Between questions `mark`,
 * `artAcc` and `artBest` are all zero and `slot` all -1 (the other arrays are plain buffers):
 * `gatherCandidates` resets what it touches and `TermMatch.release` resets `slot`. Sharing
 * them is safe because an answerer answers one question at a time (`ask` is synchronous).
 */
export interface Scratch {
  /** Sentences already among the candidates (reset after each question). */
  readonly mark: Uint8Array;
  readonly candidates: Int32Array;
  readonly artAcc: Float64Array;
  readonly artBest: Float64Array;
  readonly artTouched: Int32Array;
  readonly artConceptTouched: Int32Array;
  /** term id → slot of the current question's term table, -1 when not a query term. */
  readonly slot: Int32Array;
}

export function createScratch(index: AnswerIndex): Scratch {
  const S = index.sentCount;
  const A = index.articles.length;
  return {
    mark: new Uint8Array(S),
    candidates: new Int32Array(S),
    artAcc: new Float64Array(A),
    artBest: new Float64Array(A),
    artTouched: new Int32Array(A),
    artConceptTouched: new Int32Array(A),
    slot: new Int32Array(index.vocab.size).fill(-1),
  };
}

export interface Candidates {
  /** The question's term table. Holds `Scratch.slot`: the caller must `release()` it once done. */
  readonly terms: TermMatch;
  /** Candidate sentence id → its BM25 normalised by `totalImp`. */
  readonly bm25: ReadonlyMap<number, number>;
  /** Article of a candidate → its article BM25 normalised by the best article's (0..1). */
  readonly artScore: ReadonlyMap<number, number>;
  /** Sum over the concepts of idf × query weight: the question's total weight (> 0). */
  readonly totalImp: number;
}

/**
 * The candidate sentences for the concepts, or undefined when the concepts weigh nothing.
 * `boost` (article → bonus relative to the best article) and `prefer` bring their articles'
 * sentences in whatever their score.
 */
export function gatherCandidates(
  index: AnswerIndex,
  sc: Scratch,
  concepts: readonly Concept[],
  boost: ReadonlyMap<number, number>,
  prefer: ReadonlySet<number>,
): Candidates | undefined {
  const { mark, candidates, artAcc, artBest, artTouched, artConceptTouched } = sc;
  let nArt = 0;
  let totalImp = 0;
  for (const c of concepts) totalImp += c.idf * c.qw;
  if (totalImp <= 0) return undefined;
  const N = index.sentCount;
  const A = index.articles.length;
  const norm = K1 * (1 - B);
  const artSlope = (K1 * B) / index.avgArtLen;
  // 1. articles: BM25 over whole articles (the best term of each concept per article)
  for (const c of concepts) {
    let na = 0;
    for (const [term, w] of c.terms) {
      const from = index.artPostOff[term] as number;
      const to = index.artPostOff[term + 1] as number;
      // a word found in a large share of the archive says little about which article and costs much
      // (the sentences' own term lists still count it below)
      if (A > 1000 && (to - from) * (w < 1 ? 10 : 4) > A) continue;
      const k = Math.min(c.idf, idfOf(index, term)) * w * c.qw * (K1 + 1);
      na = bestPerDoc(
        index.artPostArt,
        index.artPostTf,
        index.artLen,
        from,
        to,
        k,
        norm,
        artSlope,
        artBest,
        artConceptTouched,
        na,
      );
    }
    nArt = addBest(artBest, artAcc, artConceptTouched, na, artTouched, nArt);
  }
  let maxArt = 0;
  for (let i = 0; i < nArt; i++) maxArt = Math.max(maxArt, artAcc[artTouched[i] as number] as number);
  // 2. candidate sentences: every sentence of the best articles (and of boosted and preferred ones), plus the
  //    sentences holding one of the question's rare terms wherever they are
  const topArts = new TopK(ARTICLES);
  for (let i = 0; i < nArt; i++) {
    const a = artTouched[i] as number;
    topArts.offer(a, (artAcc[a] as number) + (boost.get(a) ?? 0) * maxArt);
  }
  let nCand = 0;
  const addSentence = (sid: number): void => {
    if (mark[sid] !== 0) return;
    mark[sid] = 1;
    candidates[nCand++] = sid;
  };
  const arts = new Set<number>(topArts.ids.subarray(0, topArts.size));
  for (const a of boost.keys()) arts.add(a);
  for (const a of prefer) arts.add(a);
  for (const a of arts)
    for (let sid = index.articleSentOff[a] as number; sid < (index.articleSentOff[a + 1] as number); sid++)
      addSentence(sid);
  const rare = Math.max(RARE_MIN, N / 500);
  for (const c of concepts) {
    for (const [term, w] of c.terms) {
      if (w < 0.5) continue;
      const from = index.postOff[term] as number;
      const to = index.postOff[term + 1] as number;
      if (to - from > rare) continue;
      for (let p = from; p < to; p++) addSentence(index.postSent[p] as number);
    }
  }
  // 3. sentence BM25 of each candidate from its own term list; the best CANDIDATES kept
  const tm = new TermMatch(index, sc.slot, concepts);
  const perConcept = new Float64Array(concepts.length);
  const scores = new Float64Array(nCand);
  const heap = new TopK(CANDIDATES);
  const artW = 0.3 / (maxArt || 1);
  for (let i = 0; i < nCand; i++) {
    const sid = candidates[i] as number;
    mark[sid] = 0;
    const v = sentenceBm25(index, sid, tm, perConcept) / totalImp;
    const a = index.sentArticle[sid] as number;
    scores[i] = v;
    heap.offer(i, v + artW * (artAcc[a] as number) + (boost.get(a) ?? 0));
  }
  const bm25 = new Map<number, number>();
  const artScore = new Map<number, number>();
  for (let h = 0; h < heap.size; h++) {
    const i = heap.ids[h] as number;
    const sid = candidates[i] as number;
    bm25.set(sid, scores[i] as number);
    const a = index.sentArticle[sid] as number;
    artScore.set(a, (artAcc[a] as number) / (maxArt || 1));
  }
  clear(artAcc, artTouched, nArt);
  return { terms: tm, bm25, artScore, totalImp };
}

/** BM25 of a sentence (tf 1 per term) from its term list: per concept its best term. */
function sentenceBm25(index: AnswerIndex, sid: number, tm: TermMatch, m: Float64Array): number {
  const lenNorm = (K1 + 1) / (1 + K1 * (1 - B + (B * (index.sentLen[sid] as number)) / index.avgSentLen));
  bestPerConcept(
    index.sentTerms,
    index.sentTermOff[sid] as number,
    index.sentTermOff[sid + 1] as number,
    tm,
    tm.value,
    m,
  );
  let sum = 0;
  for (let c = 0; c < m.length; c++) sum += m[c] as number;
  return sum * lenNorm;
}

/**
 * BM25 of one term over its postings [from, to), keeping per document the best value of
 * the concept in `best` (documents seen for the first time are listed in `seen`).
 * Hot loop: kept small and monomorphic so the JIT optimises it on its own.
 */
function bestPerDoc(
  docs: Int32Array,
  tfs: Uint8Array | Uint16Array,
  lens: Float32Array,
  from: number,
  to: number,
  k: number,
  norm: number,
  slope: number,
  best: Float64Array,
  seen: Int32Array,
  nSeen: number,
): number {
  let n = nSeen;
  for (let p = from; p < to; p++) {
    const d = docs[p] as number;
    const tf = tfs[p] as number;
    const v = (k * tf) / (tf + norm + slope * (lens[d] as number));
    const old = best[d] as number;
    if (old === 0) seen[n++] = d;
    if (v > old) best[d] = v;
  }
  return n;
}

/** Adds the concept's best values into the totals and resets them. */
function addBest(
  best: Float64Array,
  acc: Float64Array,
  seen: Int32Array,
  nSeen: number,
  touched: Int32Array,
  nTouched: number,
): number {
  let n = nTouched;
  for (let i = 0; i < nSeen; i++) {
    const d = seen[i] as number;
    if (acc[d] === 0) touched[n++] = d;
    acc[d] = (acc[d] as number) + (best[d] as number);
    best[d] = 0;
  }
  return n;
}

/** Zeroes `values` at the `n` listed ids (cheaper than a full fill when few were touched). */
function clear(values: Float64Array, ids: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) values[ids[i] as number] = 0;
}

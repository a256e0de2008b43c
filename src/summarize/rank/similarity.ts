/**
 * Sparse term vectors for the sentences of one document, and the two classic sentence
 * similarities of graph-based extractive summarization.
 *
 * - `cosineSimilarity`: idf-modified cosine of LexRank (G. Erkan & D. R. Radev, "LexRank:
 *   Graph-based lexical centrality as salience in text summarization", JAIR 22, 2004, eq. 3),
 *   with the idf taken over the sentences of the document itself ("inverse sentence
 *   frequency"), so no corpus statistics are needed.
 * - `overlapSimilarity`: the TextRank sentence similarity (R. Mihalcea & P. Tarau,
 *   "TextRank: Bringing order into texts", EMNLP 2004, eq. 5): shared terms divided by
 *   log|Si| + log|Sj|.
 *
 * Contract: pure functions over the term lists they are given (see terms.ts); the matrices are
 * dense symmetric n×n Float64Arrays (row-major) with a zero diagonal. Cost O(n²·k) for n
 * sentences of k distinct terms, using sorted term-id arrays and one linear merge per pair.
 */

/** One sentence as a sparse vector: ascending term ids with their counts. */
export interface TermVector {
  readonly ids: Int32Array;
  readonly counts: Float64Array;
  /** Number of term occurrences (Σ counts). */
  readonly length: number;
}

export interface DocumentVectors {
  readonly vectors: readonly TermVector[];
  /** Term id → number of sentences containing it. */
  readonly df: Int32Array;
  /** Term → id, so that other texts (the title) can be mapped onto the same ids. */
  readonly vocabulary: ReadonlyMap<string, number>;
}

/** Sorted ids → a vector with run-length counts. */
function fromSortedIds(sorted: Int32Array, length: number): TermVector {
  let distinct = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
  const ids = new Int32Array(distinct);
  const counts = new Float64Array(distinct);
  let d = -1;
  for (let k = 0; k < sorted.length; k++) {
    if (k === 0 || sorted[k] !== sorted[k - 1]) {
      d++;
      ids[d] = sorted[k] as number;
    }
    counts[d] = (counts[d] as number) + 1;
  }
  return { ids, counts, length };
}

/** Interns the terms of every sentence and builds their sparse count vectors. */
export function buildVectors(termLists: readonly (readonly string[])[]): DocumentVectors {
  const vocabulary = new Map<string, number>();
  const dfList: number[] = [];
  const vectors: TermVector[] = [];
  for (const terms of termLists) {
    const raw = new Int32Array(terms.length);
    terms.forEach((t, k) => {
      let id = vocabulary.get(t);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(t, id);
        dfList.push(0);
      }
      raw[k] = id;
    });
    const v = fromSortedIds(raw.sort(), terms.length);
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k] as number;
      dfList[id] = (dfList[id] as number) + 1;
    }
    vectors.push(v);
  }
  return { vectors, df: Int32Array.from(dfList), vocabulary };
}

/** Maps free-text terms onto a document's vocabulary; unknown terms are dropped. */
export function vectorOf(terms: readonly string[], vocabulary: ReadonlyMap<string, number>): TermVector {
  const known: number[] = [];
  for (const t of terms) {
    const id = vocabulary.get(t);
    if (id !== undefined) known.push(id);
  }
  return fromSortedIds(Int32Array.from(known).sort(), known.length);
}

/**
 * Inverse sentence frequency per term id: log((N + 1) / df), smoothed so that a term found in
 * every sentence still weighs a little (log((N+1)/N) > 0).
 */
export function inverseSentenceFrequency(df: Int32Array, sentences: number): Float64Array {
  const out = new Float64Array(df.length);
  for (let i = 0; i < df.length; i++) out[i] = Math.log((sentences + 1) / Math.max(1, df[i] as number));
  return out;
}

/** Σ over shared terms of f(count a, count b, term id), by a linear merge of the sorted ids. */
function mergeSum(a: TermVector, b: TermVector, f: (ca: number, cb: number, id: number) => number): number {
  let i = 0;
  let j = 0;
  let s = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i] as number;
    const y = bi[j] as number;
    if (x === y) {
      s += f(a.counts[i] as number, b.counts[j] as number, x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

/** Euclidean norm of a vector under the tf·idf weighting. */
export function tfidfNorm(v: TermVector, idf: Float64Array): number {
  let s = 0;
  for (let k = 0; k < v.ids.length; k++) {
    const w = (v.counts[k] as number) * (idf[v.ids[k] as number] as number);
    s += w * w;
  }
  return Math.sqrt(s);
}

/** LexRank idf-modified cosine between two vectors (norms precomputed by `tfidfNorm`). */
export function cosine(a: TermVector, na: number, b: TermVector, nb: number, idf: Float64Array): number {
  if (na === 0 || nb === 0) return 0;
  const dot = mergeSum(a, b, (ca, cb, id) => {
    const w = idf[id] as number;
    return ca * cb * w * w;
  });
  return dot / (na * nb);
}

/** TextRank overlap: shared distinct terms / (log|Si| + log|Sj|); 0 when either has < 2 terms. */
export function overlap(a: TermVector, b: TermVector): number {
  if (a.ids.length < 2 || b.ids.length < 2) return 0;
  const shared = mergeSum(a, b, () => 1);
  return shared / (Math.log(a.ids.length) + Math.log(b.ids.length));
}

export interface SimilarityMatrices {
  /** TextRank overlap (see `overlap`). */
  readonly overlap: Float64Array;
  /** LexRank idf-modified cosine (see `cosine`). */
  readonly cosine: Float64Array;
  /** tf·idf norm of each vector. */
  readonly norms: Float64Array;
}

/** Both matrices in one pass over the sentence pairs (one merge per pair instead of two). */
export function similarityMatrices(vectors: readonly TermVector[], idf: Float64Array): SimilarityMatrices {
  const n = vectors.length;
  const norms = Float64Array.from(vectors, (v) => tfidfNorm(v, idf));
  const logSize = Float64Array.from(vectors, (v) => Math.log(v.ids.length));
  const ov = new Float64Array(n * n);
  const cs = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = vectors[i] as TermVector;
    for (let j = i + 1; j < n; j++) {
      const b = vectors[j] as TermVector;
      let x = 0;
      let y = 0;
      let shared = 0;
      let dot = 0;
      while (x < a.ids.length && y < b.ids.length) {
        const p = a.ids[x] as number;
        const q = b.ids[y] as number;
        if (p === q) {
          const w = idf[p] as number;
          dot += (a.counts[x] as number) * (b.counts[y] as number) * w * w;
          shared++;
          x++;
          y++;
        } else if (p < q) x++;
        else y++;
      }
      if (shared === 0) continue;
      const o = a.ids.length < 2 || b.ids.length < 2 ? 0 : shared / ((logSize[i] as number) + (logSize[j] as number));
      const c = dot / ((norms[i] as number) * (norms[j] as number));
      ov[i * n + j] = o;
      ov[j * n + i] = o;
      cs[i * n + j] = c;
      cs[j * n + i] = c;
    }
  }
  return { overlap: ov, cosine: cs, norms };
}

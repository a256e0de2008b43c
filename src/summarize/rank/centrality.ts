/**
 * Sentence centrality by a random walk over the similarity graph: TextRank / LexRank
 * (Mihalcea & Tarau, EMNLP 2004; Erkan & Radev, JAIR 2004), i.e. PageRank (Brin & Page 1998)
 * on an undirected weighted graph, with an optional teleport ("personalisation") vector as in
 * topic-sensitive PageRank (Haveliwala, WWW 2002) and biased LexRank (Otterbacher, Erkan &
 * Radev, HLT/EMNLP 2005). The teleport vector is how prior knowledge (position, title) enters
 * the walk without a second, ad hoc combination step.
 *
 * Contract: `pageRank(sim, n, opts)` takes a dense symmetric n×n matrix of non-negative
 * similarities (row-major, diagonal ignored) and returns n scores summing to 1. Pure and
 * deterministic: a fixed number of power iterations at most, stopping early on an L1 change
 * below `tolerance`. A sentence with no edges sends its mass to the teleport vector.
 */

export interface PageRankOptions {
  /** Probability of following an edge rather than teleporting (0.85 in both papers). */
  readonly damping?: number;
  /** Teleport distribution (need not be normalised; uniform when absent or all zero). */
  readonly prior?: ArrayLike<number>;
  /** Edges below this weight are dropped (LexRank's threshold; 0 keeps all). */
  readonly threshold?: number;
  readonly maxIterations?: number;
  readonly tolerance?: number;
}

function normalised(prior: ArrayLike<number> | undefined, n: number): Float64Array {
  const p = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = prior ? Math.max(0, Number(prior[i]) || 0) : 1;
    p[i] = v;
    s += v;
  }
  if (s <= 0) p.fill(1 / n);
  else for (let i = 0; i < n; i++) p[i] = (p[i] as number) / s;
  return p;
}

/** Stationary distribution of the damped, personalised random walk (see the module comment). */
export function pageRank(sim: Float64Array, n: number, opts: PageRankOptions = {}): Float64Array {
  if (n === 0) return new Float64Array(0);
  const d = opts.damping ?? 0.85;
  const threshold = opts.threshold ?? 0;
  const maxIt = opts.maxIterations ?? 100;
  const tol = opts.tolerance ?? 1e-8;
  const p = normalised(opts.prior, n);
  // Out-weights per row after thresholding.
  const w = new Float64Array(n * n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      const v = i === j ? 0 : (sim[i * n + j] as number);
      if (v > threshold) {
        w[i * n + j] = v;
        s += v;
      }
    }
    out[i] = s;
  }
  let r = Float64Array.from(p);
  let next = new Float64Array(n);
  for (let it = 0; it < maxIt; it++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if ((out[i] as number) === 0) dangling += r[i] as number;
    for (let j = 0; j < n; j++) next[j] = (1 - d + d * dangling) * (p[j] as number);
    for (let i = 0; i < n; i++) {
      const oi = out[i] as number;
      if (oi === 0) continue;
      const share = (d * (r[i] as number)) / oi;
      const row = i * n;
      for (let j = 0; j < n; j++) {
        const v = w[row + j] as number;
        if (v !== 0) next[j] = (next[j] as number) + share * v;
      }
    }
    let delta = 0;
    for (let j = 0; j < n; j++) delta += Math.abs((next[j] as number) - (r[j] as number));
    [r, next] = [next, r];
    if (delta < tol) break;
  }
  return r;
}

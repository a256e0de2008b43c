/**
 * Maximal Marginal Relevance selection (J. Carbonell & J. Goldstein, "The use of MMR,
 * diversity-based reranking for reordering documents and producing summaries", SIGIR 1998):
 * pick sentences one at a time, each maximising
 *     λ · relevance(i) − (1 − λ) · max_{j ∈ selected} similarity(i, j)
 * so a sentence that repeats one already chosen loses to a slightly less relevant new one.
 *
 * Contract: `mmrSelect(relevance, sim, n, k, opts)` takes relevance scores normalised to [0, 1]
 * (the caller divides by the maximum), a dense symmetric n×n similarity matrix in [0, 1], and
 * returns up to k distinct indices in selection order. Ties break towards the lower index, so the
 * result is deterministic. Candidates whose similarity to a chosen sentence reaches
 * `duplicateAt` are skipped outright as near-duplicates while other candidates remain.
 */

export interface MmrOptions {
  /** Trade-off λ between relevance and novelty (1 = relevance only). */
  readonly lambda: number;
  /** Similarity at or above which a candidate counts as a duplicate of a chosen sentence. */
  readonly duplicateAt: number;
}

export const DEFAULT_MMR: MmrOptions = { lambda: 0.7, duplicateAt: 0.8 };

/** Greedy MMR selection (see the module comment). */
export function mmrSelect(
  relevance: ArrayLike<number>,
  sim: Float64Array,
  n: number,
  k: number,
  opts: MmrOptions = DEFAULT_MMR,
): number[] {
  const chosen: number[] = [];
  const maxSim = new Float64Array(n);
  const taken = new Uint8Array(n);
  const want = Math.min(k, n);
  while (chosen.length < want) {
    let best = -1;
    let bestScore = -Infinity;
    let bestDup = true;
    for (let i = 0; i < n; i++) {
      if (taken[i]) continue;
      const dup = chosen.length > 0 && (maxSim[i] as number) >= opts.duplicateAt;
      const score = opts.lambda * (relevance[i] as number) - (1 - opts.lambda) * (maxSim[i] as number);
      // A non-duplicate always beats a duplicate; otherwise the higher score wins, lower index on ties.
      if ((bestDup && !dup) || (dup === bestDup && score > bestScore)) {
        best = i;
        bestScore = score;
        bestDup = dup;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    taken[best] = 1;
    for (let i = 0; i < n; i++) {
      const s = sim[best * n + i] as number;
      if (s > (maxSim[i] as number)) maxSim[i] = s;
    }
  }
  return chosen;
}

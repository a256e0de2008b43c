/**
 * Position prior for news sentences. News is written as an inverted pyramid: the lead states
 * the story and later sentences add detail, so early sentences are likelier summary material
 * (the "location" method of H. P. Edmundson, "New methods in automatic extracting", JACM 16(2),
 * 1969; the Lead-N baseline that news summarizers are measured against, e.g. Nenkova 2005,
 * "Automatic text summarization of newswire: lessons learned from the DUC").
 *
 * Contract: `positionPrior(index, opts)` is a pure, positive, non-increasing function of the
 * 0-based sentence index: floor + (1 − floor)/(index + 1)^decay. The floor keeps the body of the
 * article in play (summary-worthy sentences do not vanish after the lead); decay sets how fast the
 * lead's advantage fades.
 */

export interface PositionOptions {
  /** Exponent of the harmonic decay (1 = 1/(i+1)). */
  readonly decay: number;
  /** Value the prior tends to far from the lead, in [0, 1). */
  readonly floor: number;
}

export const DEFAULT_POSITION: PositionOptions = { decay: 1, floor: 0.1 };

/** Prior weight of the sentence at `index` (1 for the first sentence). */
export function positionPrior(index: number, opts: PositionOptions = DEFAULT_POSITION): number {
  const i = Math.max(0, index);
  return opts.floor + (1 - opts.floor) / (i + 1) ** opts.decay;
}

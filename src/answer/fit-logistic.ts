/**
 * L2-regularised logistic regression by full-batch gradient descent with Adam steps, for
 * the answerer's ranker (pairwise: one row per (right, wrong) candidate pair, no bias) and its
 * answerability model (one row per question). Hand-written because the data are a few
 * thousand rows of about twenty features, no npm package for it is well kept, and the
 * answerer must not load a numeric library at run time.
 */

export interface FitRows {
  /** Feature vectors, already standardised. */
  readonly x: readonly Float64Array[];
  /** 0 or 1. */
  readonly y: readonly number[];
  /** Row weights (default 1). */
  readonly w?: readonly number[];
}

export interface FitOptions {
  readonly l2?: number;
  readonly iterations?: number;
  readonly bias?: boolean;
  /** Per feature: 1 keeps its weight ≥ 0, -1 keeps it ≤ 0, 0 leaves it free (monotone priors). */
  readonly signs?: readonly number[];
}

export interface Fitted {
  readonly weights: number[];
  readonly bias: number;
  /** Mean weighted log loss at the end. */
  readonly logLoss: number;
}

export function fitLogistic(rows: FitRows, opts: FitOptions = {}): Fitted {
  const l2 = opts.l2 ?? 0.01;
  const iters = opts.iterations ?? 1500;
  const useBias = opts.bias ?? true;
  const d = rows.x[0]?.length ?? 0;
  const n = rows.x.length;
  const theta = new Float64Array(d + 1);
  const m = new Float64Array(d + 1);
  const v = new Float64Array(d + 1);
  const g = new Float64Array(d + 1);
  let totalW = 0;
  for (let i = 0; i < n; i++) totalW += rows.w?.[i] ?? 1;
  const lr = 0.05;
  let loss = 0;
  for (let t = 1; t <= iters; t++) {
    g.fill(0);
    loss = 0;
    for (let i = 0; i < n; i++) {
      const x = rows.x[i] as Float64Array;
      const wi = (rows.w?.[i] ?? 1) / totalW;
      let z = useBias ? (theta[d] as number) : 0;
      for (let j = 0; j < d; j++) z += (theta[j] as number) * (x[j] as number);
      const p = 1 / (1 + Math.exp(-z));
      const y = rows.y[i] as number;
      loss -= wi * (y ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12)));
      const e = (p - y) * wi;
      for (let j = 0; j < d; j++) g[j] = (g[j] as number) + e * (x[j] as number);
      if (useBias) g[d] = (g[d] as number) + e;
    }
    for (let j = 0; j < d; j++) g[j] = (g[j] as number) + l2 * (theta[j] as number);
    for (let j = 0; j <= d; j++) {
      m[j] = 0.9 * (m[j] as number) + 0.1 * (g[j] as number);
      v[j] = 0.999 * (v[j] as number) + 0.001 * (g[j] as number) ** 2;
      const mh = (m[j] as number) / (1 - 0.9 ** t);
      const vh = (v[j] as number) / (1 - 0.999 ** t);
      theta[j] = (theta[j] as number) - (lr * mh) / (Math.sqrt(vh) + 1e-8);
      const sign = j < d ? (opts.signs?.[j] ?? 0) : 0;
      if (sign * (theta[j] as number) < 0) theta[j] = 0;
    }
  }
  return { weights: [...theta.subarray(0, d)], bias: useBias ? (theta[d] as number) : 0, logLoss: loss };
}

/** Column means and spreads (a constant column gets spread 1). */
export function standardisation(xs: readonly ArrayLike<number>[], d: number): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of xs) for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (x[j] as number) / xs.length;
  for (const x of xs)
    for (let j = 0; j < d; j++)
      scale[j] = (scale[j] as number) + ((x[j] as number) - (mean[j] as number)) ** 2 / xs.length;
  return { mean, scale: scale.map((s) => (s > 1e-12 ? Math.sqrt(s) : 1)) };
}

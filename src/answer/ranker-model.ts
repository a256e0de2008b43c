import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The answerer's learned model: a linear ranker over each candidate sentence's features and
 * a logistic answerability model giving the probability that the top candidate answers the
 * question. Both are fitted by `npm run train:answers` (src/cli/train-answers.ts) and shipped
 * as `ranker-weights.json` next to this file; features are standardised with the fitted
 * means and spreads before the weights apply.
 *
 * Abstention has one documented threshold: the answerer answers only when the calibrated
 * probability that its first source is right is at least `threshold`, which the training
 * script sets to the lowest value keeping the training questions' false-answer rate ≤ 20%.
 */

/** Features of one candidate sentence, in this order (see rerank.ts for their definitions). */
export const RANK_FEATURES = [
  'cov',
  'ctx',
  'ownCtx',
  'art',
  'bm25',
  'typeOk',
  'typeMiss',
  'missFrac',
  'missing',
  'offContext',
  'position',
  'lead',
  'role',
  'boost',
  'anaphor',
  'confidence',
  'person',
  'maxMiss',
  'unmatched',
] as const;

/**
 * Monotone priors, applied to both models: more of the question found, a better-matching
 * article or answer type can only count for a candidate; names missing or concepts unmatched
 * only against it. The development sets' writing style (paraphrased answerable questions,
 * near misses sharing most words) would otherwise teach that covering the question is a
 * sign it is not answered, which holds for no reader.
 */
export const FEATURE_SIGNS: Readonly<Record<string, number>> = {
  cov: 1,
  ctx: 1,
  ownCtx: 1,
  art: 1,
  bm25: 1,
  typeOk: 1,
  typeMiss: -1,
  missFrac: -1,
  missing: -1,
  offContext: -1,
  role: 1,
  confidence: 1,
  person: 1,
  maxMiss: -1,
  unmatched: -1,
  margin: 1,
};

/** Features of the best candidate for answerability: its own features, then how far ahead of the next one it is. */
export const ANSWER_FEATURES = [...RANK_FEATURES, 'margin', 'strength', 'ownConcepts'] as const;

export interface LinearModel {
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
}

export interface RankerModel {
  readonly rank: LinearModel;
  readonly answer: LinearModel;
  /** Answer when P(first source is right) ≥ threshold. */
  readonly threshold: number;
}

const linear = (n: number) =>
  z.object({
    mean: z.array(z.number()).length(n),
    scale: z.array(z.number().positive()).length(n),
    weights: z.array(z.number()).length(n),
    bias: z.number(),
  });

const fileSchema = z.object({
  features: z.object({ rank: z.array(z.string()), answer: z.array(z.string()) }),
  rank: linear(RANK_FEATURES.length),
  answer: linear(ANSWER_FEATURES.length),
  threshold: z.number().min(0).max(1),
});

export type RankerFile = z.infer<typeof fileSchema> & { readonly report?: unknown };

/** A linear model's raw score of a feature vector. */
export function linearScore(m: LinearModel, x: ArrayLike<number>): number {
  let s = m.bias;
  for (let i = 0; i < m.weights.length; i++)
    s += (m.weights[i] as number) * (((x[i] as number) - (m.mean[i] as number)) / (m.scale[i] as number));
  return s;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Parse and check a weights file's content; `where` names it in the error. */
export function parseRankerModel(text: string, where: string): RankerModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(
      `${where}: not JSON (${err instanceof Error ? err.message : String(err)}); regenerate it with npm run train:answers`,
    );
  }
  const r = fileSchema.safeParse(json);
  if (!r.success)
    throw new Error(
      `${where}: not a ranker weights file (${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}); regenerate it with npm run train:answers`,
    );
  const f = r.data;
  if (f.features.rank.join() !== RANK_FEATURES.join() || f.features.answer.join() !== ANSWER_FEATURES.join()) {
    throw new Error(
      `${where}: its features differ from this version's (${RANK_FEATURES.join(', ')}); regenerate it with npm run train:answers`,
    );
  }
  return { rank: f.rank, answer: f.answer, threshold: f.threshold };
}

/** Read a weights file written by `npm run train:answers`. */
export function loadRankerModel(file: string): RankerModel {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ranker weights ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseRankerModel(text, file);
}

const SHIPPED = new URL('./ranker-weights.json', import.meta.url);
let shipped: RankerModel | undefined;

/** The model shipped with the answerer (fitted on every development set). */
export function defaultRankerModel(): RankerModel {
  shipped ??= loadRankerModel(SHIPPED.pathname);
  return shipped;
}

/** Feature vector of the best candidate for answerability. */
export function answerFeatures(
  top: ArrayLike<number>,
  margin: number,
  strength: number,
  ownConcepts: number,
): Float64Array {
  const x = new Float64Array(ANSWER_FEATURES.length);
  for (let i = 0; i < RANK_FEATURES.length; i++) x[i] = top[i] as number;
  x[RANK_FEATURES.length] = margin;
  x[RANK_FEATURES.length + 1] = strength;
  x[RANK_FEATURES.length + 2] = ownConcepts;
  return x;
}

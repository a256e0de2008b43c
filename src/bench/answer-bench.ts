import type { Article } from '../domain/types.ts';

export interface AnswerBenchResult {
  readonly questions: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly indexMs: number;
}

/** Placeholder until the answerer's benchmark lands. */
export function runAnswerBench(_articles: readonly Article[], _questions: number): Promise<AnswerBenchResult | null> {
  return Promise.resolve(null);
}

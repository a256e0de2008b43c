import type { Article } from '../domain/types.ts';
import type { AnalyzedText } from '../nlp/analysis.ts';
import type { Concept, ParsedQuestion } from './query.ts';
import type { RankerModel } from './ranker-model.ts';
import type { AnswerSource } from './types.ts';

/**
 * The offline answerer's options and the shape of the diagnostics handed to `explain`.
 * Types only, so every part of the answerer can import them without the ranking code.
 */

export interface AnswererOptions {
  /** Sentence analyses already made (by article id), or a function making them; default `analyze(body)`. */
  readonly analyses?: ReadonlyMap<string, AnalyzedText> | ((article: Article) => AnalyzedText);
  /** Sources returned with an answer (default 3). */
  readonly maxSources?: number;
  /** The ranker and answerability model (default the shipped `ranker-weights.json`). */
  readonly model?: RankerModel;
  /** Called after each article is indexed. */
  readonly onArticle?: (done: number, total: number) => void;
  /**
   * Called with the ranking behind each answer (for training and diagnostics). This is the
   * only diagnostic channel: the answerer keeps no per-query state readable from outside.
   */
  readonly explain?: (e: Explanation) => void;
}

/** Match (0..1) of each concept, indexed like `Explanation.concepts`, in each part of a candidate's context. */
export interface ConceptMatches {
  readonly sentence: Float64Array;
  readonly previous: Float64Array;
  readonly title: Float64Array;
  readonly article: Float64Array;
}

export interface Explanation {
  readonly question: ParsedQuestion;
  /** The question's concepts with those carried over from the thread. */
  readonly concepts: readonly Concept[];
  /** Candidates best first, with their feature vectors (`RANK_FEATURES` order) and per-concept matches. */
  readonly candidates: readonly {
    readonly source: AnswerSource;
    readonly score: number;
    readonly features: Float64Array;
    readonly match: ConceptMatches;
  }[];
  /** Answerability features of the best candidate (`ANSWER_FEATURES` order) and its probability; absent without candidates. */
  readonly answerability?: { readonly features: Float64Array; readonly probability: number };
}

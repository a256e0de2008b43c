import type { Article } from '../domain/types.ts';
import type { AnalyzedText } from '../nlp/analysis.ts';
import type { Concept, ParsedQuestion } from './query.ts';
import type { AnswerSource } from './types.ts';

/**
 * The offline answerer's options, its ranking weights and the shape of the diagnostics
 * handed to `explain`. Types only (plus the default weights), so every part of the
 * answerer can import them without pulling in the ranking code.
 */

export interface AnswererOptions {
  /** Sentence analyses already made (by article id), or a function making them; default `analyze(body)`. */
  readonly analyses?: ReadonlyMap<string, AnalyzedText> | ((article: Article) => AnalyzedText);
  /** Sources returned with an answer (default 3). */
  readonly maxSources?: number;
  /** Confidence (0..1) under which the answerer abstains (default 0.4). */
  readonly minConfidence?: number;
  /** Called after each article is indexed. */
  readonly onArticle?: (done: number, total: number) => void;
  /** Overrides of the ranking weights (for tuning). */
  readonly weights?: Partial<Weights>;
  /**
   * Called with the ranking behind each answer (for tuning and diagnostics). This is the
   * only diagnostic channel: the answerer keeps no per-query state readable from outside.
   */
  readonly explain?: (e: Explanation) => void;
}

/** Weights of the re-ranking score and of the confidence. */
export interface Weights {
  /** Coverage of the question by the sentence with its context (previous sentence, title, article). */
  readonly ctx: number;
  /** Article-level BM25 (normalised by the best article). */
  readonly art: number;
  /** Sentence-level BM25 (normalised by the question's weight). */
  readonly bm: number;
  /** The sentence holds the kind of answer asked for (scaled by how strict the question type is). */
  readonly type: number;
  /** Share of the question's names and numbers absent from the article. */
  readonly miss: number;
  /** Per sentence from the top of the article. */
  readonly position: number;
  /** Confidence credit for a word found only in the title / only elsewhere in the article. */
  readonly confTitle: number;
  readonly confArticle: number;
  /** Confidence factor per name or number of the question absent from the article / absent from the sentence's context. */
  readonly missing: number;
  readonly offContext: number;
  /** Weight of the confidence itself in the final ranking. */
  readonly conf: number;
  /** Bonus of an article's first sentence (news puts the main fact first). */
  readonly lead: number;
  /** Bonus, for a who-is question, of a sentence describing the asked name by a role (`Motegi, Japan's economy minister,`). */
  readonly role: number;
}

/** Tuned on development questions (see the tests for the behaviour they give). */
export const DEFAULT_WEIGHTS: Weights = Object.freeze({
  ctx: 0.5, art: 0.25, bm: 0.3, type: 0.7, miss: 0.4, position: 0.002, confTitle: 0.7, confArticle: 0.4, missing: 0.25, offContext: 0.75, conf: 0.6, lead: 0.05, role: 0.3,
});

export interface Features {
  /** Coverage of the question's words by the sentence alone, by the sentence in its context, and the confidence's coverage. */
  readonly cov: number;
  readonly ctx: number;
  readonly ownCtx: number;
  readonly art: number;
  readonly bm25: number;
  /** 1 when the sentence holds the kind of answer asked for, else 1 − strictness. */
  readonly type: number;
  /** Share of the question's names and numbers absent from the article. */
  readonly missingKey: number;
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
  /** Candidates best first, with their features and per-concept matches (sentence, previous sentence, title, article). */
  readonly candidates: readonly {
    readonly source: AnswerSource;
    readonly confidence: number;
    readonly features: Features;
    readonly match: ConceptMatches;
  }[];
}

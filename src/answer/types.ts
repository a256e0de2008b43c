import type { Article } from '../domain/types.ts';
import type { AnalyzedText } from '../nlp/analysis.ts';

/**
 * The answering contract shared by the offline answerer, the chat bot and any other
 * answerer (e.g. an LLM one). Offsets are JavaScript string indices into `Article.body`,
 * `end` exclusive, and `sentence === body.slice(start, end)`.
 */

/** One earlier question of a thread and what was answered. */
export interface Turn {
  readonly question: string;
  readonly answer: AnswerResult;
}

export interface AskOptions {
  /** Articles searched first (e.g. the digest a thread hangs under); the rest of the archive after them. */
  readonly preferArticleIds?: readonly string[];
  /** The thread's recent turns, oldest first; follow-ups are read against them. */
  readonly history?: readonly Turn[];
  /**
   * The quotes an article's quote finder attributed, with their speakers (offsets into the
   * body): `Who said that?` is answered from them. Given as data by the library layer.
   */
  readonly attributions?: (articleId: string) => readonly Attribution[];
}

/** A quote and the person the article credits with it; `start`/`end` index the body. */
export interface Attribution {
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
}

export interface AnswerSource {
  readonly articleId: string;
  /** The article's path relative to the articles folder. */
  readonly file: string;
  readonly title: string;
  /** The supporting sentence exactly as it stands in the article: `body.slice(start, end)`. */
  readonly sentence: string;
  readonly start: number;
  readonly end: number;
  /** Ranking score, higher is better (comparable within one answer only). */
  readonly score: number;
}

export interface AnswerResult {
  /** False when the articles do not support an answer: `answer` is then a polite refusal. */
  readonly answered: boolean;
  /** The reply: article text only (the best supporting sentence), or the refusal. */
  readonly answer: string;
  /** Best first, at most 3; empty when not answered. */
  readonly sources: readonly AnswerSource[];
  /** How the reply was made: `llm` by the model, `extractive` by retrieval (the default). */
  readonly method?: 'llm' | 'extractive';
  /** Set when the model was asked but its answer was not used, with the reason. */
  readonly fallbackReason?: string;
}

export interface Answerer {
  ask(question: string, opts?: AskOptions): AnswerResult;
  /** Number of articles in the index. */
  readonly size: number;
}

/** An article with its sentence analysis (from `analyze(article.body)`). */
export interface AnalyzedArticle {
  readonly article: Article;
  readonly analysis: AnalyzedText;
}

export const NOT_FOUND = "I couldn't find that in the articles.";

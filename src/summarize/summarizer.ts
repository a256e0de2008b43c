import type { Article, Summary } from '../domain/types.ts';
import type { AnalyzedText } from '../nlp/analysis.ts';

/** One article to summarize, with its sentence analysis. */
export interface SummaryJob {
  readonly article: Article;
  readonly analysis: AnalyzedText;
}

/** One way of summarizing an article; the extractive one never fails. */
export interface Summarizer {
  readonly name: string;
  summarize(article: Article, analysis: AnalyzedText, sentences: number): Promise<Summary>;
  /**
   * Many articles at once, for a summarizer that waits on a remote service: the summaries in
   * the order of `jobs`, `onDone(i)` as each one is ready. Without it callers summarize one at a time.
   */
  summarizeMany?(jobs: readonly SummaryJob[], sentences: number, onDone?: (index: number) => void): Promise<Summary[]>;
}

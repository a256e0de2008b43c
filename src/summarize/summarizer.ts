import type { Article, Summary } from '../domain/types.ts';
import type { AnalyzedText } from '../nlp/analysis.ts';

/** One way of summarizing an article; the extractive one never fails. */
export interface Summarizer {
  readonly name: string;
  summarize(article: Article, analysis: AnalyzedText, sentences: number): Promise<Summary>;
}

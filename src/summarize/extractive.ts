import type { Article, Summary } from '../domain/types.ts';
import type { AnalyzedText } from '../nlp/analysis.ts';
import type { Summarizer } from './summarizer.ts';

/** Placeholder: the first `n` sentences (Lead-N). */
export function extractiveSummary(_article: Article, analysis: AnalyzedText, n: number): Summary {
  return { method: 'extractive', sentences: analysis.sentences.slice(0, n).map((s) => s.text) };
}

export const extractiveSummarizer: Summarizer = {
  name: 'extractive',
  summarize: (article, analysis, n) => Promise.resolve(extractiveSummary(article, analysis, n)),
};

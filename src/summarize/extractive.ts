import type { Article, Summary } from '../domain/types.ts';
import type { AnalyzedText } from '../nlp/analysis.ts';
import type { Summarizer } from './summarizer.ts';
import { mmrSelect, DEFAULT_MMR, type MmrOptions } from './rank/mmr.ts';
import { scoreSentences, DEFAULT_RANK, type RankOptions } from './rank/score.ts';

/**
 * The offline extractive summarizer: rank sentences by position- and headline-biased TextRank with
 * standalone-readability penalties (rank/score.ts), pick N with Maximal Marginal Relevance so that
 * near-duplicates are skipped (rank/mmr.ts), and return them in article order.
 *
 * Contract: deterministic; never throws; returns min(n, sentences) sentences (none for n ≤ 0 or an
 * empty body), each exactly the text of one of `analysis.sentences` (so an exact substring of the
 * body), in the order they appear in the article. One method for every input: no per-source rules.
 */

export interface ExtractiveOptions {
  readonly rank: RankOptions;
  readonly mmr: MmrOptions;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = { rank: DEFAULT_RANK, mmr: DEFAULT_MMR };

/** Indices (into `analysis.sentences`, ascending) of the `n` sentences of the summary. */
export function selectSentences(
  article: Article,
  analysis: AnalyzedText,
  n: number,
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE,
): number[] {
  const want = Math.floor(n);
  if (!(want > 0) || analysis.sentences.length === 0) return [];
  const { scores, similarity, ranked } = scoreSentences(analysis, article.title, options.rank);
  const chosen = mmrSelect(scores, similarity, ranked, want, options.mmr);
  // Sentences past the ranked prefix only fill in when the prefix is exhausted (never in practice).
  for (let i = ranked; chosen.length < want && i < analysis.sentences.length; i++) chosen.push(i);
  return chosen.sort((a, b) => a - b);
}

/** The `n`-sentence extractive summary of an article (see the module comment). */
export function extractiveSummary(
  article: Article,
  analysis: AnalyzedText,
  n: number,
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE,
): Summary {
  const sentences = selectSentences(article, analysis, n, options).map(
    (i) => (analysis.sentences[i] as { text: string }).text,
  );
  return { method: 'extractive', sentences };
}

export const extractiveSummarizer: Summarizer = {
  name: 'extractive',
  summarize: (article, analysis, n) => Promise.resolve(extractiveSummary(article, analysis, n)),
};

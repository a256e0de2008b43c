import type { AnalyzedText } from '../../nlp/analysis.ts';
import { pageRank } from './centrality.ts';
import { positionPrior, DEFAULT_POSITION, type PositionOptions } from './position.ts';
import {
  buildVectors,
  cosine,
  inverseSentenceFrequency,
  similarityMatrices,
  tfidfNorm,
  vectorOf,
  type TermVector,
} from './similarity.ts';
import {
  readability,
  standaloneFactor,
  DEFAULT_PENALTIES,
  type Readability,
  type StandalonePenalties,
} from './standalone.ts';
import { sentenceTerms, textTerms } from './terms.ts';

/**
 * Sentence importance for extractive summarization: a position- and headline-biased TextRank.
 *
 *   1. Each sentence becomes a bag of stemmed content terms (terms.ts), from the tokens analyze()
 *      already produced.
 *   2. Sentences are linked by the TextRank overlap similarity (Mihalcea & Tarau 2004), and
 *      centrality is the stationary distribution of a damped random walk on that graph (PageRank).
 *   3. The walk teleports not uniformly but in proportion to a prior, as in biased LexRank
 *      (Otterbacher, Erkan & Radev 2005) and topic-sensitive PageRank (Haveliwala 2002):
 *      prior(i) = position(i) · (1 + titleWeight · cos(sentence i, title)), with the inverted-pyramid
 *      position prior of position.ts (Edmundson 1969) and the LexRank idf-cosine to the headline.
 *   4. Importance = centrality / max centrality · position(i)^leadBias · standalone factor
 *      (standalone.ts: demotes dangling pronouns, bare quotations, fragments, captions, run-ons).
 *
 * Contract: `scoreSentences(analysis, title, options)` is pure and deterministic, never throws, and
 * returns one score per sentence of `analysis.sentences` in [0, 1] (the best sentence scores 1),
 * plus the LexRank cosine matrix that the MMR selection uses for redundancy. Cost: O(n²·k) for
 * n sentences of k terms, plus at most 60 power iterations of O(n²); only the first
 * `maxSentences` sentences are ranked (the rest score 0).
 */

export interface RankOptions {
  /** Shape of the position prior used for the teleport vector (and for `leadBias`). */
  readonly position: PositionOptions;
  /** Random-walk damping (0.85 in TextRank and LexRank); lower values trust the prior more. */
  readonly damping: number;
  /** Weight of the headline similarity in the teleport prior (0 ignores the title). */
  readonly titleWeight: number;
  /** Exponent of the position prior applied after the walk (0: position acts only through the teleport). */
  readonly leadBias: number;
  readonly penalties: StandalonePenalties;
  /** Longer documents are ranked on their first `maxSentences` sentences only. */
  readonly maxSentences: number;
}

export const DEFAULT_RANK: RankOptions = {
  position: DEFAULT_POSITION,
  damping: 0.85,
  titleWeight: 1,
  leadBias: 0,
  penalties: DEFAULT_PENALTIES,
  maxSentences: 300,
};

export interface SentenceScores {
  /** Importance per sentence, in [0, 1]. */
  readonly scores: Float64Array;
  /** n×n LexRank idf-cosine between the ranked sentences (row-major), for redundancy control. */
  readonly similarity: Float64Array;
  /** Number of sentences ranked (min(sentences, maxSentences)); `similarity` is ranked × ranked. */
  readonly ranked: number;
  readonly readability: readonly Readability[];
}

/** Importance of every sentence of an analysed article (see the module comment). */
export function scoreSentences(
  analysis: AnalyzedText,
  title: string,
  options: RankOptions = DEFAULT_RANK,
): SentenceScores {
  const all = analysis.sentences;
  const n = Math.min(all.length, Math.max(0, options.maxSentences));
  const sentences = all.slice(0, n);
  const scores = new Float64Array(all.length);
  const read = sentences.map(readability);
  if (n === 0) return { scores, similarity: new Float64Array(0), ranked: 0, readability: read };

  const doc = buildVectors(sentences.map(sentenceTerms));
  const idf = inverseSentenceFrequency(doc.df, n);
  const { overlap, cosine: lexical, norms } = similarityMatrices(doc.vectors, idf);

  const titleVector = vectorOf(textTerms(title), doc.vocabulary);
  const titleNorm = tfidfNorm(titleVector, idf);
  const position = sentences.map((_, i) => positionPrior(i, options.position));
  const prior = doc.vectors.map((v: TermVector, i) => {
    const toTitle = cosine(v, norms[i] as number, titleVector, titleNorm, idf);
    return (position[i] as number) * (1 + options.titleWeight * toTitle);
  });

  const centrality = pageRank(overlap, n, { damping: options.damping, prior, maxIterations: 60, tolerance: 1e-4 });
  let top = 0;
  for (let i = 0; i < n; i++) top = Math.max(top, centrality[i] as number);
  let best = 0;
  for (let i = 0; i < n; i++) {
    const c = top > 0 ? (centrality[i] as number) / top : 1;
    const s =
      c * (position[i] as number) ** options.leadBias * standaloneFactor(read[i] as Readability, options.penalties);
    scores[i] = s;
    if (s > best) best = s;
  }
  if (best > 0) for (let i = 0; i < n; i++) scores[i] = (scores[i] as number) / best;
  return { scores, similarity: lexical, ranked: n, readability: read };
}

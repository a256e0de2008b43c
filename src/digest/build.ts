import type { Article, Digest, DigestItem, Quote } from '../domain/types.ts';
import { analyze, type AnalyzedText } from '../nlp/analysis.ts';
import { extractiveSummary } from '../summarize/extractive.ts';
import type { Summarizer } from '../summarize/summarizer.ts';
import { findQuotes } from '../quotes/find.ts';
import { keyQuotes } from '../quotes/rank.ts';
import { plainSummary, verifiedQuotes } from '../summarize/summary-quotes.ts';
import { quotesOutsideSummary } from './quotes-outside-summary.ts';

export interface DigestOptions {
  /** Digest date, ISO `YYYY-MM-DD`. */
  readonly date: string;
  /** Summary length in sentences. */
  readonly sentences: number;
  /** Key quotes per article, or every quotation found. */
  readonly quotes: number | 'all';
  /** Defaults to the extractive summarizer. */
  readonly summarizer?: Summarizer;
  /** Called after each article (for progress reporting). */
  readonly onArticle?: (done: number, total: number) => void;
}

/**
 * One article → its digest entry. A summarizer that throws falls back to extractive,
 * recorded in `fallbackReason`. Key quotes come from the model when it returned verified
 * ones, otherwise from the quote finder; `quotes: 'all'` always uses the finder.
 */
export async function digestItem(article: Article, opts: DigestOptions, analysis: AnalyzedText = analyze(article.body)): Promise<DigestItem> {
  let summary = extractiveSummary(article, analysis, opts.sentences);
  if (opts.summarizer && opts.summarizer.name !== 'extractive') {
    try {
      summary = await opts.summarizer.summarize(article, analysis, opts.sentences);
    } catch (err) {
      summary = { ...summary, fallbackReason: err instanceof Error ? err.message : String(err) };
    }
  }
  const fromModel = opts.quotes === 'all' ? undefined : verifiedQuotes(summary);
  const all: readonly Quote[] = fromModel ?? findQuotes(analysis);
  // `all` is the complete list of quotations. The finder's key quotes skip those the summary already
  // shows; a model picks its quotes together with its summary, so they are kept as given.
  const candidates = fromModel ?? quotesOutsideSummary(all, summary.sentences, analysis);
  const quotes = opts.quotes === 'all' ? [...all] : keyQuotes(candidates, opts.quotes);
  return { article, summary: plainSummary(summary), quotes };
}

/**
 * Articles → digest, in the order given, one article at a time: the token budget of a
 * remote summarizer is then spent in article order (the first articles get the model,
 * later ones fall back once it is spent) and a failing endpoint trips its breaker early.
 */
export async function buildDigest(articles: readonly Article[], opts: DigestOptions): Promise<Digest> {
  const items: DigestItem[] = [];
  for (const article of articles) {
    items.push(await digestItem(article, opts));
    opts.onArticle?.(items.length, articles.length);
  }
  return { date: opts.date, items, fallbacks: fallbacksOf(items) };
}

/** The items whose summary fell back to another method, with the reason (a Digest's `fallbacks`). */
export function fallbacksOf(items: readonly DigestItem[]): Digest['fallbacks'] {
  return items.flatMap((it) => (it.summary.fallbackReason === undefined ? [] : [{ articleId: it.article.id, reason: it.summary.fallbackReason }]));
}

import type { Article, Digest, DigestItem, Quote, Summary } from '../domain/types.ts';
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
export async function digestItem(
  article: Article,
  opts: DigestOptions,
  analysis: AnalyzedText = analyze(article.body),
): Promise<DigestItem> {
  const summarizer = opts.summarizer;
  if (isExtractive(opts)) return extractiveItem(article, analysis, opts);
  let summary: Summary;
  try {
    summary = await (summarizer as Summarizer).summarize(article, analysis, opts.sentences);
  } catch (err) {
    summary = fallbackSummary(article, analysis, opts, err);
  }
  return itemOf(article, analysis, opts, summary);
}

/** Does this digest summarize offline (no summarizer, or the extractive one)? Its entries are then synchronous. */
export function isExtractive(opts: Pick<DigestOptions, 'summarizer'>): boolean {
  return !opts.summarizer || opts.summarizer.name === 'extractive';
}

/** The entry of one article with the extractive summary, synchronously. */
export function extractiveItem(article: Article, analysis: AnalyzedText, opts: DigestOptions): DigestItem {
  return itemOf(article, analysis, opts, extractiveSummary(article, analysis, opts.sentences));
}

/** The extractive summary, computed only when another summarizer failed, with the reason. */
function fallbackSummary(article: Article, analysis: AnalyzedText, opts: DigestOptions, err: unknown): Summary {
  return {
    ...extractiveSummary(article, analysis, opts.sentences),
    fallbackReason: err instanceof Error ? err.message : String(err),
  };
}

function itemOf(article: Article, analysis: AnalyzedText, opts: DigestOptions, summary: Summary): DigestItem {
  const fromModel = opts.quotes === 'all' ? undefined : verifiedQuotes(summary);
  const all: readonly Quote[] = fromModel ?? findQuotes(analysis);
  // `all` is the complete list of quotations. The finder's key quotes skip those the summary already
  // shows; a model picks its quotes together with its summary, so they are kept as given.
  const candidates = fromModel ?? quotesOutsideSummary(all, summary.sentences, analysis);
  const quotes = opts.quotes === 'all' ? [...all] : keyQuotes(candidates, opts.quotes);
  return { article, summary: plainSummary(summary), quotes };
}

/**
 * Articles handed to a summarizer's batch form at a time: enough to keep its requests in
 * flight, few enough that the analyses held meanwhile stay small.
 */
const BATCH = 64;

/**
 * Articles → digest entries, in the order given. The extractive path goes one article at a
 * time (each analysis is dropped once used); a summarizer with a batch form gets the articles
 * in slices and runs its requests concurrently (it keeps the token budget in article order).
 * `analysisOf` lets a caller share analyses it already has; `onArticle` is called as each
 * entry is ready (done counts up, in completion order).
 */
export async function digestItems(
  articles: readonly Article[],
  opts: DigestOptions,
  analysisOf: (article: Article, index: number) => AnalyzedText = (a) => analyze(a.body),
): Promise<DigestItem[]> {
  const items: DigestItem[] = [];
  let done = 0;
  const report = (): void => opts.onArticle?.(++done, articles.length);
  const summarizer = opts.summarizer;
  if (!summarizer?.summarizeMany || isExtractive(opts)) {
    for (const [i, article] of articles.entries()) {
      items.push(await digestItem(article, opts, analysisOf(article, i)));
      report();
    }
    return items;
  }
  const many = summarizer.summarizeMany.bind(summarizer);
  for (let from = 0; from < articles.length; from += BATCH) {
    const jobs = articles
      .slice(from, from + BATCH)
      .map((article, k) => ({ article, analysis: analysisOf(article, from + k) }));
    let summaries: Summary[];
    try {
      summaries = await many(jobs, opts.sentences, report);
    } catch (err) {
      summaries = jobs.map((j) => fallbackSummary(j.article, j.analysis, opts, err));
      for (let k = done; k < from + jobs.length; k++) report();
    }
    jobs.forEach((j, k) => items.push(itemOf(j.article, j.analysis, opts, summaries[k] as Summary)));
  }
  return items;
}

/** Articles → digest, entries in the order given (see `digestItems`). */
export async function buildDigest(articles: readonly Article[], opts: DigestOptions): Promise<Digest> {
  const items = await digestItems(articles, opts);
  return { date: opts.date, items, fallbacks: fallbacksOf(items) };
}

/** The items whose summary fell back to another method, with the reason (a Digest's `fallbacks`). */
export function fallbacksOf(items: readonly DigestItem[]): Digest['fallbacks'] {
  return items.flatMap((it) =>
    it.summary.fallbackReason === undefined ? [] : [{ articleId: it.article.id, reason: it.summary.fallbackReason }],
  );
}

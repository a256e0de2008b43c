import type { Article, DigestItem, Quote } from '../domain/types.ts';
import { findQuotes } from '../quotes/find.ts';
import type { Answerer } from '../answer/types.ts';
import { analyze, type AnalyzedText } from '../nlp/analysis.ts';
import { digestItems, extractiveItem, isExtractive, type DigestOptions } from '../digest/build.ts';
import { ArticleSearch, type ArticleHit } from './article-search.ts';

/**
 * Everything the bot knows at one moment: the articles, each one's digest entry
 * (summary and key quotes, computed once), article search and the answerer.
 * Immutable: a reload builds a new Library.
 */
export interface Library {
  readonly articles: readonly Article[];
  item(articleId: string): DigestItem | undefined;
  /** Newest first (by date, then file), at most `limit`. */
  latest(limit: number): readonly Article[];
  search(terms: string, limit?: number): ArticleHit[];
  /** Every quotation the quote finder attributes in the article (not only the key ones), for follow-ups. */
  attributions(articleId: string): readonly Quote[];
  readonly answerer: Answerer;
}

export interface LibraryOptions extends Omit<DigestOptions, 'date'> {
  /**
   * The answerer over the articles. When it indexes them it should take each article's
   * analysis from `opts.analyses` (in article order, once each): the library then makes each
   * extractive digest entry from that same analysis, so start-up analyses every article once.
   */
  readonly createAnswerer: (
    articles: readonly Article[],
    opts?: { readonly analyses?: (article: Article) => AnalyzedText },
  ) => Answerer;
}

/** Two files with the same content are one article (same id): the first one, in path order, is kept. */
function uniqueById(articles: readonly Article[]): Article[] {
  const seen = new Set<string>();
  return articles.filter((a) => !seen.has(a.id) && seen.add(a.id));
}

/** The bot's digest order: newest first by article date (undated last), then by file. */
export function newestFirst<T extends Pick<Article, 'date' | 'file'>>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.file.localeCompare(b.file));
}

export async function buildLibrary(all: readonly Article[], opts: LibraryOptions): Promise<Library> {
  const articles = uniqueById(all);
  const items = new Map<string, DigestItem>();
  const digestOpts = { ...opts, date: '' };
  const analysisOf = isExtractive(opts)
    ? (article: Article): AnalyzedText => {
        const analysis = analyze(article.body);
        if (!items.has(article.id)) {
          items.set(article.id, extractiveItem(article, analysis, digestOpts));
          opts.onArticle?.(items.size, articles.length);
        }
        return analysis;
      }
    : undefined;
  const answerer = opts.createAnswerer(articles, analysisOf ? { analyses: analysisOf } : {});
  // Entries the answerer did not make (a model summarizes, or the index came from a cache).
  const before = items.size;
  const rest = articles.filter((a) => !items.has(a.id));
  for (const item of await digestItems(rest, {
    ...digestOpts,
    onArticle: (done) => opts.onArticle?.(before + done, articles.length),
  })) {
    items.set(item.article.id, item);
  }
  const search = new ArticleSearch(articles);
  const newest = newestFirst(articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const quotes = new Map<string, readonly Quote[]>();
  return {
    articles,
    item: (id) => items.get(id),
    attributions: (id) => {
      let q = quotes.get(id);
      const a = byId.get(id);
      if (!q && a) quotes.set(id, (q = findQuotes(analyze(a.body))));
      return q ?? [];
    },
    latest: (limit) => newest.slice(0, limit),
    search: (terms, limit) => search.search(terms, limit),
    answerer,
  };
}

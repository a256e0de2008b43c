import type { Digest } from '../domain/types.ts';
import { digestClusters } from './story-items.ts';

export interface JsonRenderOptions {
  /** Add each article's `body`, the exact text the quote offsets index. */
  readonly withBody?: boolean;
}

/**
 * The digest JSON contract other tools read:
 * `{"articles":[{"id","file","title","date","source","url","summary":{"method","sentences"},"quotes":[{"text","speaker","start","end"}],"clusterId"}],
 *   "clusters":[{"id","articleIds","lead"}]}` — one entry per article; same-story articles share a `clusterId`.
 */
export function digestToJson(digest: Digest, opts: JsonRenderOptions = {}): unknown {
  const clusters = digestClusters(digest.items);
  const clusterOf = new Map(clusters.flatMap((c) => c.articleIds.map((id) => [id, c.id] as const)));
  return {
    date: digest.date,
    articles: digest.items.map(({ article, summary, quotes }) => ({
      id: article.id,
      file: article.file,
      title: article.title,
      date: article.date,
      source: article.source,
      url: article.url,
      tags: article.tags,
      summary: {
        method: summary.method,
        sentences: summary.sentences,
        ...(summary.fallbackReason === undefined ? {} : { fallbackReason: summary.fallbackReason }),
      },
      quotes: quotes.map((q) => ({ text: q.text, speaker: q.speaker, start: q.start, end: q.end })),
      ...(opts.withBody ? { body: article.body } : {}),
      clusterId: clusterOf.get(article.id) ?? null,
    })),
    clusters: clusters.map((c) => ({ id: c.id, articleIds: c.articleIds, lead: c.lead })),
    fallbacks: digest.fallbacks,
  };
}

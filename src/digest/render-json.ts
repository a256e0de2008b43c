import type { Digest } from '../domain/types.ts';

export interface JsonRenderOptions {
  /** Add each article's `body`, the exact text the quote offsets index. */
  readonly withBody?: boolean;
}

/**
 * The digest JSON contract other tools read:
 * `{"articles":[{"id","file","title","date","source","url","summary":{"method","sentences"},"quotes":[{"text","speaker","start","end"}]}]}`.
 */
export function digestToJson(digest: Digest, opts: JsonRenderOptions = {}): unknown {
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
    })),
    fallbacks: digest.fallbacks,
  };
}

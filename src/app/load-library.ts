import type { Config } from '../config/schema.ts';
import type { Logger } from '../log/logger.ts';
import { loadArticles, type LoadResult } from '../sources/folder-source.ts';
import { buildLibrary, type Library } from '../library/library.ts';
import path from 'node:path';
import { createAnswererFromIndex } from '../answer/answerer.ts';
import { analyze } from '../nlp/analysis.ts';
import { cachedIndex } from '../library/index-cache.ts';
import type { Summarizer } from '../summarize/summarizer.ts';
import { beginDigest } from '../llm/factory.ts';
import { botMetrics } from '../ops/bot-metrics.ts';

/** The configured articles folder (or `dir`), each bad file skipped with one warning naming it and why. */
export function loadArticleFolder(config: Config, log: Logger, dir = config.core.articlesDir): Promise<LoadResult> {
  return loadArticles(dir, {
    maxBytes: config.core.maxArticleBytes,
    onSkip: (s) => log.warn(`skipped ${s.file}: ${s.reason}`),
  });
}

/** The answer index of the last start, in the data folder (rebuilt when the articles or the code change). */
export const INDEX_CACHE_FILE = 'answer-index.bin';

/** Load the articles folder and build the library (answer index from the cache file when it still fits). */
export async function loadLibrary(config: Config, log: Logger, summarizer?: Summarizer): Promise<Library> {
  const { articles, skipped } = await loadArticleFolder(config, log);
  if (summarizer) beginDigest(summarizer);
  const library = await buildLibrary(articles, {
    ...(summarizer ? { summarizer } : {}),
    sentences: config.core.summarySentences,
    quotes: config.core.keyQuotes,
    createAnswerer: (list, o) => {
      const t0 = performance.now();
      const cached = cachedIndex(
        list,
        path.join(config.core.dataDir, INDEX_CACHE_FILE),
        o?.analyses ?? ((a) => analyze(a.body)),
      );
      log.info(
        {
          articles: list.length,
          reused: cached.reused,
          ms: Math.round(performance.now() - t0),
          ...(cached.note ? { note: cached.note } : {}),
        },
        'answer index ready',
      );
      return createAnswererFromIndex(cached.index);
    },
  });
  const fallbacks = articles.filter((a) => library.item(a.id)?.summary.fallbackReason !== undefined).length;
  if (fallbacks > 0) botMetrics.llmFallbacks.inc({ reason: 'summary' }, fallbacks);
  log.info(
    { articles: articles.length, llmFallbacks: fallbacks, skipped: skipped.length, dir: config.core.articlesDir },
    'articles loaded',
  );
  return library;
}

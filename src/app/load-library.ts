import type { Config } from '../config/schema.ts';
import type { Logger } from '../log/logger.ts';
import { loadArticles } from '../sources/folder-source.ts';
import { buildLibrary, type Library } from '../library/library.ts';
import { createAnswerer } from '../answer/answerer.ts';
import type { Summarizer } from '../summarize/summarizer.ts';
import { beginDigest } from '../llm/factory.ts';
import { botMetrics } from '../ops/bot-metrics.ts';

/** Load the articles folder (bad files skipped with one warning each) and build the library. */
export async function loadLibrary(config: Config, log: Logger, summarizer?: Summarizer): Promise<Library> {
  const { articles, skipped } = await loadArticles(config.core.articlesDir, {
    maxBytes: config.core.maxArticleBytes,
    onSkip: (s) => log.warn(`skipped ${s.file}: ${s.reason}`),
  });
  if (summarizer) beginDigest(summarizer);
  const library = await buildLibrary(articles, {
    ...(summarizer ? { summarizer } : {}),
    sentences: config.core.summarySentences,
    quotes: config.core.keyQuotes,
    createAnswerer,
  });
  const fallbacks = articles.filter((a) => library.item(a.id)?.summary.fallbackReason !== undefined).length;
  if (fallbacks > 0) botMetrics.llmFallbacks.inc({ reason: 'summary' }, fallbacks);
  log.info({ articles: articles.length, llmFallbacks: fallbacks, skipped: skipped.length, dir: config.core.articlesDir }, 'articles loaded');
  return library;
}

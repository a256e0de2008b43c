import type { Article } from '../domain/types.ts';
import type { Answerer } from '../answer/types.ts';
import { createAnswerer as createRetrievalAnswerer } from '../answer/answerer.ts';

/** The offline retrieval answerer over a library's articles (sentences are analysed as they are indexed). */
export function createAnswerer(articles: readonly Article[]): Answerer {
  return createRetrievalAnswerer(articles);
}

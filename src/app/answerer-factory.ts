import type { Article } from '../domain/types.ts';
import type { Answerer } from '../answer/types.ts';
import { NOT_FOUND } from '../bot/render-reply.ts';

/** Placeholder until the retrieval answerer lands: always abstains. */
export function createAnswerer(articles: readonly Article[]): Answerer {
  return { size: articles.length, ask: () => ({ answered: false, answer: NOT_FOUND, sources: [] }) };
}

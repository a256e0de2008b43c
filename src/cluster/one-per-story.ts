import type { Article } from '../domain/types.ts';
import { clusterStories } from './cluster-stories.ts';

/**
 * Ranked results with each story once: a result whose article reports the same story as a
 * better-ranked one is dropped; at most `limit` are kept. Clustering runs on the candidates only.
 */
export function onePerStory<T>(ranked: readonly T[], articleOf: (hit: T) => Article, limit: number): T[] {
  const clusterOf = new Map<string, string>();
  for (const c of clusterStories(ranked.map(articleOf))) for (const id of c.articleIds) clusterOf.set(id, c.id);
  const seen = new Set<string>();
  const out: T[] = [];
  for (const hit of ranked) {
    const id = articleOf(hit).id;
    const story = clusterOf.get(id) ?? id;
    if (seen.has(story)) continue;
    seen.add(story);
    out.push(hit);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * Articles → story clusters: articles join one cluster when their same-story score reaches
 * the threshold (single link over a union-find, then each cluster checked so that every member
 * is close enough to its lead — a chain of loosely linked articles is split at the weak link).
 * Pairs are only scored when they share a term or a name (an inverted index), so large sets stay fast.
 */
import type { Article } from '../domain/types.ts';
import { DEFAULT_SAME_STORY, rarity, sameStoryScore, type SameStoryOptions } from './same-story.ts';
import { storyFeatures, type StoryFeatures } from './story-features.ts';

export interface StoryCluster {
  /** The lead article's id prefixed `c-`: stable while the lead stays the same. */
  readonly id: string;
  /** Members in the order given (the lead included). */
  readonly articleIds: readonly string[];
  /** The most complete article: the longest body (the one with the most to summarize and quote). */
  readonly lead: string;
}

/** A key shared by more than this many articles is too common to propose pairs (it still counts in scores). */
const MAX_POSTING = 50;

export function clusterStories(
  articles: readonly Article[],
  opts: SameStoryOptions = DEFAULT_SAME_STORY,
): StoryCluster[] {
  const features = articles.map(storyFeatures);
  const r = { terms: rarity(features.map((f) => f.terms)), entities: rarity(features.map((f) => f.entities)) };
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const postings = new Map<string, number[]>();
  features.forEach((f, i) => {
    for (const k of [...f.entities].map((e) => `e:${e}`).concat([...f.terms.keys()].map((t) => `t:${t}`))) {
      const list = postings.get(k) ?? [];
      list.push(i);
      postings.set(k, list);
    }
  });
  const tried = new Set<number>();
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > MAX_POSTING) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x] as number;
        const j = list[y] as number;
        const key = i * articles.length + j;
        if (tried.has(key)) continue;
        tried.add(key);
        if (find(i) === find(j)) continue;
        if (sameStoryScore(features[i] as StoryFeatures, features[j] as StoryFeatures, r, opts) >= opts.threshold)
          parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  const out: StoryCluster[] = [];
  for (const members of [...groups.values()].sort((p, q) => (p[0] as number) - (q[0] as number))) {
    let rest = members;
    while (rest.length > 0) {
      const leadIdx = rest.reduce(
        (best, i) => ((articles[i]?.body.length ?? 0) > (articles[best]?.body.length ?? 0) ? i : best),
        rest[0] as number,
      );
      const lf = features[leadIdx] as StoryFeatures;
      const near = rest.filter(
        (i) => i === leadIdx || sameStoryScore(lf, features[i] as StoryFeatures, r, opts) >= opts.threshold * 0.75,
      );
      const lead = articles[leadIdx] as Article;
      out.push({ id: `c-${lead.id}`, articleIds: near.map((i) => (articles[i] as Article).id), lead: lead.id });
      rest = rest.filter((i) => !near.includes(i));
    }
  }
  return out;
}

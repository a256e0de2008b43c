/**
 * Whether two articles report the same story, and how strongly. Three signals, each in 0–1:
 * the cosine of their title-and-lead terms weighted by rarity in the set at hand, the rarity-
 * weighted overlap of their named entities, and their shared numbers. Articles on one topic
 * but another event share the countries and the vocabulary of the topic, which are common in
 * a digest and so weigh little; the same event shares its rare names, its figures and its
 * particular words. Articles dated more than `windowDays` apart are never the same story.
 */
import type { StoryFeatures } from './story-features.ts';

export interface SameStoryOptions {
  /** Dated articles further apart than this are different stories. */
  readonly windowDays: number;
  /** Score at or above which two articles are one story. */
  readonly threshold: number;
}

/**
 * Fixed beforehand from the reasoning in the module comment (terms carry most of the evidence,
 * names and figures confirm it), not fitted: the evaluation set measures them.
 */
/** An article whose lead has fewer content terms than this is never joined to another (titles alone are too thin). */
export const MIN_LEAD_TERMS = 5;

export const DEFAULT_SAME_STORY: SameStoryOptions = { windowDays: 3, threshold: 0.3 };
const WEIGHTS = { terms: 0.5, entities: 0.3, numbers: 0.2 } as const;
/**
 * Pseudo-documents added to the set's size in the rarity weight, so a digest of two articles
 * still weighs a shared rare word above a shared common one (log((n + K) / (df + 1))).
 */
const PRIOR_DOCS = 20;

export interface Rarity {
  weight(key: string): number;
}

export function rarity(docs: readonly ReadonlySet<string>[] | readonly ReadonlyMap<string, number>[]): Rarity {
  const df = new Map<string, number>();
  for (const d of docs) for (const k of d.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = docs.length + PRIOR_DOCS;
  return { weight: (k) => Math.log(n / ((df.get(k) ?? 0) + 1)) };
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, r: Rarity): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    const w = v * r.weight(k);
    na += w * w;
    const o = b.get(k);
    if (o !== undefined) dot += w * o * r.weight(k);
  }
  for (const [k, v] of b) {
    const w = v * r.weight(k);
    nb += w * w;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function weightedJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>, r: Rarity): number {
  let shared = 0;
  let all = 0;
  for (const k of a) {
    const w = r.weight(k);
    all += w;
    if (b.has(k)) shared += w;
  }
  for (const k of b) if (!a.has(k)) all += r.weight(k);
  return all === 0 ? 0 : shared / all;
}

export interface Rarities {
  readonly terms: Rarity;
  readonly entities: Rarity;
}

export function sameStoryScore(
  a: StoryFeatures,
  b: StoryFeatures,
  r: Rarities,
  opts: SameStoryOptions = DEFAULT_SAME_STORY,
): number {
  if (a.leadTerms < MIN_LEAD_TERMS || b.leadTerms < MIN_LEAD_TERMS) return 0;
  if (a.time !== null && b.time !== null && Math.abs(a.time - b.time) > opts.windowDays * 86_400_000) return 0;
  let sharedNumbers = 0;
  for (const n of a.numbers) if (b.numbers.has(n)) sharedNumbers++;
  return (
    WEIGHTS.terms * cosine(a.terms, b.terms, r.terms) +
    WEIGHTS.entities * weightedJaccard(a.entities, b.entities, r.entities) +
    WEIGHTS.numbers * Math.min(1, sharedNumbers / 2)
  );
}

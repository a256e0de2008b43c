import porter2 from 'wink-porter2-stemmer';

/**
 * Word stems for the summarizer's term vectors: the Porter2 ("English") stemmer of
 * wink-porter2-stemmer (M. F. Porter, "The English (Porter2) stemming algorithm", Snowball).
 *
 * Contract: `porterStem(word)` takes one lowercase word and returns its stem; pure, deterministic,
 * never throws. Words of 2 letters or fewer, words with anything but a–z, and words longer than
 * `MAX_STEM_LENGTH` are returned unchanged: the library's suffix regexes backtrack quadratically on
 * long inputs, and no English word that long gains anything from stemming. Results are memoised in
 * a bounded cache, so repeated words cost one Map lookup.
 */

export const MAX_STEM_LENGTH = 32;
const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/** Porter2 stem of a lowercase word (see the module comment). */
export function porterStem(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const out = word.length <= 2 || word.length > MAX_STEM_LENGTH || !/^[a-z]+$/.test(word) ? word : porter2(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, out);
  return out;
}

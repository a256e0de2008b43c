import type { Quote } from '../domain/types.ts';
import { isSentenceLike, wordCount } from './filter.ts';

/**
 * Importance of a quotation for key-quote selection, in [0, 1]-ish: a length in
 * the range a reader takes in at a glance, a named speaker, an early position in
 * the article, and a full statement rather than a fragment.
 */
export function scoreQuote(text: string, speaker: string | null, start: number, bodyLength: number): number {
  const words = wordCount(text);
  let length: number;
  if (words < 4) length = 0.1;
  else if (words < 8) length = 0.5;
  else if (words <= 40) length = 1;
  else if (words <= 70) length = 0.7;
  else length = 0.4;
  const named = speaker === null ? 0 : /^\p{Lu}/u.test(speaker) ? 1 : 0.5;
  const position = bodyLength > 0 ? 1 - Math.min(1, Math.max(0, start / bodyLength)) : 1;
  const whole = isSentenceLike(text) ? 1 : 0;
  return 0.35 * length + 0.3 * named + 0.2 * position + 0.15 * whole;
}

/** Each quote already picked from the same speaker scales a candidate's score by this, so one voice does not fill the digest. */
const SAME_SPEAKER = 0.9;

/**
 * The top `k` quotes by score (ties: earlier first), returned in text order. Picked
 * greedily, a speaker's second and later quotes count a little less.
 */
export function keyQuotes(quotes: readonly Quote[], k: number): Quote[] {
  const n = Math.min(quotes.length, Math.floor(k));
  if (!(n > 0)) return [];
  const order = quotes
    .map((q, i) => ({ q, i }))
    .sort((a, b) => (b.q.score ?? 0) - (a.q.score ?? 0) || a.q.start - b.q.start || a.i - b.i);
  const picked: Quote[] = [];
  const perSpeaker = new Map<string, number>();
  const used = new Set<number>();
  const effective = (q: Quote): number =>
    (q.score ?? 0) * SAME_SPEAKER ** (q.speaker === null ? 0 : (perSpeaker.get(q.speaker) ?? 0));
  while (picked.length < n) {
    let best = -1;
    let bestScore = -Infinity;
    for (let j = 0; j < order.length; j++) {
      if (used.has(j)) continue;
      const s = effective((order[j] as { q: Quote }).q);
      if (s > bestScore) {
        best = j;
        bestScore = s;
      }
    }
    const q = (order[best] as { q: Quote }).q;
    used.add(best);
    picked.push(q);
    if (q.speaker !== null) perSpeaker.set(q.speaker, (perSpeaker.get(q.speaker) ?? 0) + 1);
  }
  return picked.sort((a, b) => a.start - b.start || a.end - b.end);
}

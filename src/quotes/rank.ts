import type { Quote } from '../domain/types.ts';

/** Placeholder: the top `k` quotes by score, returned in text order. */
export function keyQuotes(quotes: readonly Quote[], k: number): Quote[] {
  const top = [...quotes].sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).slice(0, k);
  return top.sort((a, b) => a.start - b.start);
}

/**
 * "Did you mean …?" for a misspelled setting. Edit distance (optimal string alignment: Levenshtein
 * plus swapped neighbours, the commonest slip; case-insensitive) over
 * a handful of known names; a dependency for these dozen lines would not earn its place.
 */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let before: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      let d = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d = Math.min(d, (before[j - 2] as number) + 1);
      cur[j] = d;
    }
    before = prev;
    prev = cur;
  }
  return prev[y.length] as number;
}

/** The known name closest to `word`, when it is close enough to be a slip (≤ 1/3 of its length, at most 3 edits). */
export function nearestName(word: string, known: Iterable<string>): string | undefined {
  if (word.length > 100) return undefined; // bound the quadratic work on hostile input
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    if (name === word) continue;
    const d = distance(word, name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

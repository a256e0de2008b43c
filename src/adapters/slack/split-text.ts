import { safeCut } from './mrkdwn.ts';

/**
 * Splits (already escaped) text into pieces of at most `max` characters without cutting
 * a word: at a line break if one is in the second half of the window, else after the last
 * sentence end, else at the last space. Only a single "word" longer than `max` (a URL,
 * a run of symbols) is cut, and never inside a surrogate pair or an `&amp;` entity.
 * Joining the pieces with single spaces gives back the text with its whitespace normalized
 * at the cuts.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 8) throw new RangeError('splitText: max must be at least 8');
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = breakAt(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/** End (exclusive) of the next piece: 0 < result ≤ max. */
function breakAt(text: string, max: number): number {
  // Whitespace at index `max` is a valid break: the piece is then exactly `max` long.
  const window = text.slice(0, max + 1);
  const half = Math.floor(max / 2);

  const newline = window.lastIndexOf('\n');
  if (newline > half) return newline;

  let sentence = -1;
  const ends = /[.!?…。][)"'”’\]]*(?=\s)/g;
  for (let m = ends.exec(window); m !== null; m = ends.exec(window)) {
    const end = m.index + m[0].length;
    if (end <= max) sentence = end;
  }
  if (sentence > half) return sentence;

  const space = lastWhitespace(window);
  if (space > 0) return space;

  const hard = safeCut(text, max).length;
  return hard > 0 ? hard : max;
}

function lastWhitespace(window: string): number {
  for (let i = window.length - 1; i > 0; i--) if (/\s/.test(window[i] as string)) return i;
  return -1;
}

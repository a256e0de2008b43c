import { describe, expect, it } from 'vitest';
import type { Quote } from '../../../src/domain/types.ts';
import { keyQuotes, scoreQuote } from '../../../src/quotes/rank.ts';

const q = (start: number, score: number): Quote => ({ text: `q${start}`, speaker: null, start, end: start + 2, score });

describe('keyQuotes', () => {
  const all = [q(0, 0.2), q(10, 0.9), q(20, 0.5), q(30, 0.8), q(40, 0.1)];

  it('returns the top k by score, in text order', () => {
    expect(keyQuotes(all, 2).map((x) => x.start)).toEqual([10, 30]);
    expect(keyQuotes(all, 3).map((x) => x.start)).toEqual([10, 20, 30]);
  });

  it('handles k of zero, below zero, and above the number of quotes', () => {
    expect(keyQuotes(all, 0)).toEqual([]);
    expect(keyQuotes(all, -1)).toEqual([]);
    expect(keyQuotes(all, 99).map((x) => x.start)).toEqual([0, 10, 20, 30, 40]);
  });

  it('lets a second voice in before a speaker’s slightly better second quote', () => {
    const said = (start: number, score: number, speaker: string): Quote => ({ ...q(start, score), speaker });
    const picked = keyQuotes(
      [said(0, 0.99, 'Ana Silva'), said(10, 0.98, 'Ana Silva'), said(20, 0.94, 'Omar Haddad')],
      2,
    );
    expect(picked.map((x) => x.start)).toEqual([0, 20]);
  });

  it('breaks ties by position and does not change its input', () => {
    const ties = [q(5, 0.5), q(1, 0.5), q(3, 0.5)];
    expect(keyQuotes(ties, 2).map((x) => x.start)).toEqual([1, 3]);
    expect(ties.map((x) => x.start)).toEqual([5, 1, 3]);
  });
});

describe('scoreQuote', () => {
  const sentence = 'We will build the new bridge before the winter comes to the valley.';

  it('prefers a named speaker', () => {
    expect(scoreQuote(sentence, 'Ana Silva', 0, 1000)).toBeGreaterThan(scoreQuote(sentence, null, 0, 1000));
  });

  it('prefers a full statement to a fragment', () => {
    expect(scoreQuote(sentence, 'Ana Silva', 0, 1000)).toBeGreaterThan(scoreQuote('very soon', 'Ana Silva', 0, 1000));
  });

  it('prefers an earlier quotation', () => {
    expect(scoreQuote(sentence, 'Ana Silva', 0, 1000)).toBeGreaterThan(scoreQuote(sentence, 'Ana Silva', 900, 1000));
  });

  it('prefers a sensible length to a very long quotation', () => {
    const long = `${'This is one more clause of a very long statement, '.repeat(12)}and it ends.`;
    expect(scoreQuote(sentence, 'Ana Silva', 0, 1000)).toBeGreaterThan(scoreQuote(long, 'Ana Silva', 0, 1000));
  });
});

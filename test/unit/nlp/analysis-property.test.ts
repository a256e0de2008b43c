import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../../src/nlp/analysis.ts';

/** Texts built to stress a splitter: runs of quotes, dots, capitals, spaces and newlines. */
const adversarial = fc
  .array(
    fc.constantFrom(
      '"',
      '“',
      '”',
      "''",
      '.',
      '...',
      '…',
      'U.S.',
      'A',
      'B.',
      'Mr.',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '?',
      '!',
      ',',
      '$1.5bn',
      '2.5%',
      'word',
    ),
    { maxLength: 400 },
  )
  .map((xs) => xs.join(''));

function checkInvariants(text: string): void {
  const result = analyze(text);
  expect(result.sentences.map((s) => s.index)).toEqual(result.sentences.map((_, i) => i));
  let last = -1;
  for (const s of result.sentences) {
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(s.text).toBe(s.text.trim());
    expect(s.start).toBeGreaterThan(last);
    last = s.end - 1;
    for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.value);
  }
}

describe('sentence layer properties', () => {
  it('never throws and keeps exact offsets on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), checkInvariants), { numRuns: 300 });
  });

  it('keeps exact offsets on adversarial punctuation', () => {
    fc.assert(fc.property(adversarial, checkInvariants), { numRuns: 200 });
  });

  it('finishes 100 KB of adversarial text quickly (no catastrophic backtracking)', () => {
    const parts = [
      '"'.repeat(2000),
      '.'.repeat(20000),
      'A'.repeat(20000),
      ' '.repeat(20000),
      '“U.S.” '.repeat(3000),
      '…\n'.repeat(4000),
    ];
    const text = parts.join('').slice(0, 100_000);
    const t0 = performance.now();
    checkInvariants(text);
    expect(performance.now() - t0).toBeLessThan(15_000);
  });
});

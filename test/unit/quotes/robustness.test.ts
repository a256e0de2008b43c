import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../../src/domain/types.ts';
import { analyze } from '../../../src/nlp/analysis.ts';
import { findQuotesStrict as findQuotes } from '../../../src/quotes/find.ts';

function check(body: string, found: readonly Quote[]): void {
  let last = -1;
  for (const q of found) {
    expect(Number.isInteger(q.start) && Number.isInteger(q.end)).toBe(true);
    expect(q.start).toBeGreaterThanOrEqual(0);
    expect(q.end).toBeGreaterThan(q.start);
    expect(q.end).toBeLessThanOrEqual(body.length);
    expect(q.text).toBe(body.slice(q.start, q.end));
    expect(q.start).toBeGreaterThanOrEqual(last);
    last = q.start;
    if (q.speaker !== null) expect(q.speaker.length).toBeGreaterThan(0);
  }
}

/** Pieces that stress the quote finder: marks of every kind, dots, capitals, breaks, speech verbs. */
const PIECES = [
  '“',
  '”',
  '"',
  "''",
  "'",
  '’',
  '.',
  '. ',
  ',',
  ', ',
  ' ',
  '  ',
  '\n',
  '\n\n',
  ':',
  '—',
  '(',
  ')',
  '=',
  'A',
  'U.S.',
  'Mr.',
  'Rev.',
  'Trump',
  'Donald',
  'Abe',
  'he',
  'she',
  'they',
  'said',
  'says',
  'told',
  'according to',
  'called',
  'the',
  'a',
  'of',
  'that',
  'who',
  'reports',
  'WALLACE:',
  '…',
  '?',
  '!',
  'x',
  'é',
  '\t',
];

const pieceText = fc.array(fc.constantFrom(...PIECES), { maxLength: 200 }).map((a) => a.join(''));

describe('findQuotes robustness', () => {
  it('never throws on arbitrary strings, and keeps its offsets exact', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        check(s, findQuotes(analyze(s)));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on text made of quote marks, names and speech verbs', () => {
    fc.assert(
      fc.property(pieceText, (s) => {
        check(s, findQuotes(analyze(s)));
      }),
      { numRuns: 400 },
    );
  });

  it('handles 100 KB of adversarial text quickly', () => {
    const blocks = [
      '“'.repeat(5000),
      '"'.repeat(5000),
      "''".repeat(2500),
      '. '.repeat(5000),
      'A '.repeat(5000),
      'U.S. Mr. Trump said '.repeat(500),
      '“He said,” she said, “they said,” '.repeat(300),
      ' '.repeat(5000),
      "“ ” \" '' . , A ".repeat(700),
      'Donald Trump Abe Said According To The The The '.repeat(250),
    ];
    let body = blocks.join('\n\n');
    while (body.length < 100_000) body += ` “${'word '.repeat(20)}” he said.`;
    body = body.slice(0, 100_000);
    const analysis = analyze(body);
    const t0 = performance.now();
    const found = findQuotes(analysis);
    const ms = performance.now() - t0;
    check(body, found);
    expect(ms).toBeLessThan(2000);
  });

  it('copes with the empty tokens the tokenizer can emit (`minister..with`)', () => {
    const body = '“We have a failed minister..with a failed policy,” Ann Lee said.';
    check(body, findQuotes(analyze(body)));
    expect(findQuotes(analyze(body)).map((q) => q.speaker)).toEqual(['Ann Lee']);
  });

  it('handles one huge paragraph without line breaks', () => {
    const body = "“Yes,” he said, and Mr. Smith of the U.S. House told them ''so'' … ".repeat(1500).slice(0, 100_000);
    const analysis = analyze(body);
    const t0 = performance.now();
    const found = findQuotes(analysis);
    expect(performance.now() - t0).toBeLessThan(2000);
    check(body, found);
  });
});

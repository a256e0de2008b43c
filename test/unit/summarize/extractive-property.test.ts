import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../../src/nlp/analysis.ts';
import { extractiveSummary, selectSentences } from '../../../src/summarize/extractive.ts';
import { article } from './helpers.ts';

/** Sentence-ish text: words, quotes, pronouns, captions, duplicates, blank lines. */
const newsy = fc
  .array(
    fc.constantFrom(
      'The minister said the talks would resume.',
      'It was not clear when.',
      '“We will see,” he said.',
      'By Staff Reporter',
      'Scroll down for video',
      'Tariffs on steel rose 25%.',
      'Tariffs on steel rose 25%.',
      'This is new.',
      'U.S. officials agreed',
      '\n\n',
      ' ',
      '"',
      '‘',
      "'",
      '.',
      'Mr.',
      '$1.5bn',
      'and',
      'the',
      'Japan',
      'trade',
    ),
    { maxLength: 80 },
  )
  .map((xs) => xs.join(' '));

function check(body: string, n: number): void {
  const analysis = analyze(body);
  const a = article(body, body.slice(0, 40));
  const idx = selectSentences(a, analysis, n);
  const summary = extractiveSummary(a, analysis, n);
  expect(summary.sentences).toHaveLength(Math.min(n, analysis.sentences.length));
  expect(summary.sentences).toEqual(idx.map((i) => analysis.sentences[i]?.text));
  for (let k = 1; k < idx.length; k++) expect(idx[k] as number).toBeGreaterThan(idx[k - 1] as number);
  for (const i of idx) {
    const s = analysis.sentences[i];
    expect(s).toBeDefined();
    if (s) expect(body.slice(s.start, s.end)).toBe(s.text);
  }
}

describe('extractive summarizer properties', () => {
  it('never throws on arbitrary text and returns exact body sentences in order', () => {
    fc.assert(fc.property(fc.string({ maxLength: 600 }), fc.integer({ min: 0, max: 6 }), check), { numRuns: 200 });
  });

  it('holds on news-like text with quotes, captions and repeats', () => {
    fc.assert(fc.property(newsy, fc.integer({ min: 1, max: 5 }), check), { numRuns: 200 });
  });
});

import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../src/digest/build.ts';
import { parseTxt } from '../../../src/sources/txt.ts';
import { renderDigest } from '../../../src/digest/render-text.ts';
import { quotesOutsideSummary } from '../../../src/digest/quotes-outside-summary.ts';
import { analyze } from '../../../src/nlp/analysis.ts';
import { findQuotes } from '../../../src/quotes/find.ts';

/** Three short paragraphs; the third sentence is a quotation, with the given marks. */
function article(open: string, close: string): string {
  return `Steel Tariff Talks Resume In Geneva

March 3, 2025 — Trade ministers from the steel-exporting nations resumed tariff talks in Geneva on Monday after a two-month pause.

The talks cover duties on steel and aluminium that were raised to 25 percent last year.

${open}We expect the tariff talks on steel to end with lower duties for every exporter by June,${close} said Lena Varga, the trade minister of Hungary.

Delegates declined to say which duties would be cut first.`;
}

describe('key quotes and the summary', () => {
  for (const [name, open, close] of [
    ['straight', '"', '"'],
    ['curly', '“', '”'],
  ] as const) {
    it(`does not list a summary sentence's quotation again as a key quote (${name} marks)`, async () => {
      const a = parseTxt(`steel-${name}.txt`, article(open, close));
      const [item] = (await buildDigest([a], { date: '2025-03-04', sentences: 3, quotes: 2 })).items;
      if (!item) throw new Error('no item');
      const quoted = item.summary.sentences.find((s) => s.includes('We expect the tariff talks'));
      expect(quoted, 'the quotation is a summary sentence').toBeDefined();
      expect(item.quotes.some((q) => q.text.includes('We expect the tariff talks'))).toBe(false);
      expect(
        renderDigest({ date: '2025-03-04', items: [item], fallbacks: [] }, 'text').match(/We expect the tariff talks/g),
      ).toHaveLength(1);
    });
  }

  it('still lists every quotation when all are asked for (the complete list, as the JSON contract says)', async () => {
    const a = parseTxt('steel.txt', article('“', '”'));
    const [item] = (await buildDigest([a], { date: '2025-03-04', sentences: 3, quotes: 'all' })).items;
    expect(item?.quotes.some((q) => q.text.includes('We expect the tariff talks'))).toBe(true);
  });

  it('keeps a quotation outside the summary sentences, and excludes nothing for a reworded summary', () => {
    const a = parseTxt('steel.txt', article('“', '”'));
    const analysis = analyze(a.body);
    const quotes = findQuotes(analysis);
    expect(quotes.some((q) => q.text.includes('We expect'))).toBe(true);
    const lead = analysis.sentences[0]?.text ?? '';
    expect(quotesOutsideSummary(quotes, [lead], analysis)).toEqual(quotes);
    expect(quotesOutsideSummary(quotes, ['Ministers expect lower steel duties by June.'], analysis)).toEqual(quotes);
    const third = analysis.sentences[2]?.text ?? '';
    expect(quotesOutsideSummary(quotes, [lead, third], analysis).some((q) => q.text.includes('We expect'))).toBe(false);
  });
});

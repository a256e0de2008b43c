import { describe, expect, it } from 'vitest';
import { quoteSpans } from '../../../src/quotes/marks.ts';

const texts = (s: string): string[] => quoteSpans(s).map((q) => s.slice(q.start, q.end));

describe('quoteSpans', () => {
  it('pairs curly, straight and two-apostrophe marks, trimming the inside', () => {
    expect(texts("a “ one ” b \"two\" c ''three'' d")).toEqual(['one', 'two', 'three']);
  });

  it('restarts at a second opening curly mark and ignores a stray closing one', () => {
    expect(texts('” x “outer “inner” y')).toEqual(['inner']);
  });

  it('skips passages with no letter or digit', () => {
    expect(texts('“ … ” and "" and “—”')).toEqual([]);
  });

  it('runs a quotation on to the paragraph end only when the next paragraph opens with a mark', () => {
    const s = 'He said: “First part.\n\n“Second part,” he said.\n\nThen “dangling.\n\nNo mark here.';
    const spans = quoteSpans(s);
    expect(spans.map((q) => s.slice(q.start, q.end))).toEqual(['First part.', 'Second part,']);
    expect(spans.map((q) => q.runsOn)).toEqual([true, false]);
    expect(spans[0]?.closeEnd).toBe(-1);
  });

  it('never pairs marks across lines', () => {
    expect(texts('“open\nclose”')).toEqual([]);
  });
});

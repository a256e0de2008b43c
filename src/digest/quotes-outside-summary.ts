import type { Quote } from '../domain/types.ts';
import type { AnalyzedText } from '../nlp/analysis.ts';

/**
 * Key quotes and the summary do not repeat each other: a quotation inside a sentence the summary
 * already shows is not offered again as a key quote (whatever its marks, straight or curly, since
 * the test is on article offsets, not on text).
 *
 * Contract: pure; returns the quotes, in their order, whose [start, end) overlaps no article
 * sentence whose text is one of `summarySentences`. A summary sentence that is not an article
 * sentence (a model's rewording) excludes nothing.
 */
export function quotesOutsideSummary(
  quotes: readonly Quote[],
  summarySentences: readonly string[],
  analysis: AnalyzedText,
): Quote[] {
  const shown = new Set(summarySentences);
  const spans = analysis.sentences.filter((s) => shown.has(s.text));
  if (spans.length === 0) return [...quotes];
  return quotes.filter((q) => !spans.some((s) => q.start < s.end && q.end > s.start));
}

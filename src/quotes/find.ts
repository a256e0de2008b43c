import type { Quote } from '../domain/types.ts';
import type { AnalyzedText } from '../nlp/analysis.ts';

/** Placeholder: every quotation with its speaker, in text order. */
export function findQuotes(_analysis: AnalyzedText): Quote[] {
  return [];
}

import type { Quote, Summary } from '../domain/types.ts';

/**
 * What the LLM summarizer returns: a plain `Summary` (method 'llm', or 'extractive' with a
 * `fallbackReason`) plus the model's key quotes, each verified to be an exact substring of
 * the article with correct offsets. Kept free of the `openai` import so the digest can use it.
 */
export interface LlmSummary extends Summary {
  /** Verified quotes, text order, `score` = the model's ranking; present whenever a model reply was read (even if the summary fell back). */
  readonly quotes?: readonly Quote[];
  /** Model quotes dropped because the article does not contain them. */
  readonly droppedQuotes?: number;
}

/** The verified LLM quotes carried by a summary, or undefined when there are none to use. */
export function verifiedQuotes(summary: Summary): readonly Quote[] | undefined {
  const quotes = (summary as LlmSummary).quotes;
  return quotes !== undefined && quotes.length > 0 ? quotes : undefined;
}

/** The summary as the digest keeps it: the extension fields stripped. */
export function plainSummary(summary: Summary): Summary {
  const { method, sentences, fallbackReason } = summary;
  return fallbackReason === undefined ? { method, sentences } : { method, sentences, fallbackReason };
}

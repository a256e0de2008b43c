/**
 * Core data of the digest pipeline: plain readonly values, no I/O.
 * Offsets (`start`/`end`) are JavaScript string indices (UTF-16 code units)
 * into `Article.body`, `end` exclusive.
 */

export interface Article {
  /** Stable id derived from the content: a renamed file keeps it, an edited one gets a new one. */
  readonly id: string;
  /** Path relative to the articles folder, `/`-separated. */
  readonly file: string;
  readonly title: string;
  /** ISO date (`YYYY-MM-DD` or a full ISO timestamp) or null when unknown. */
  readonly date: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly tags: readonly string[];
  /** The plain text that every offset indexes. */
  readonly body: string;
}

export type SummaryMethod = 'extractive' | 'llm';

export interface Summary {
  readonly method: SummaryMethod;
  readonly sentences: readonly string[];
  /** Set when another method was tried first and this one replaced it; says why. */
  readonly fallbackReason?: string;
}

export interface Quote {
  /** The quotation without its surrounding marks; exactly `body.slice(start, end)`. */
  readonly text: string;
  readonly speaker: string | null;
  readonly start: number;
  readonly end: number;
  /** Ranking score, higher is more important (not part of the JSON contract). */
  readonly score?: number;
}

export interface DigestItem {
  readonly article: Article;
  readonly summary: Summary;
  readonly quotes: readonly Quote[];
  /** A new version of an article that an earlier digest already showed. */
  readonly updated?: boolean;
  /** On the item shown for a story several articles report: every article's outlet and link, this one first. */
  readonly sources?: readonly StorySource[];
}

/** One outlet's article on a story (its own http(s) URL only, or null). */
export interface StorySource {
  readonly articleId: string;
  readonly name: string;
  readonly url: string | null;
}

export interface Digest {
  /** The digest's date, ISO `YYYY-MM-DD`. */
  readonly date: string;
  readonly items: readonly DigestItem[];
  /** Articles whose summary fell back to another method, with the reason. */
  readonly fallbacks: readonly { readonly articleId: string; readonly reason: string }[];
}

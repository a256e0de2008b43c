import type { Digest } from '../domain/types.ts';
import type { AnswerResult } from '../answer/types.ts';

/** One article found by `/trade-news search`. */
export interface SearchHit {
  readonly articleId: string;
  readonly title: string;
  readonly date: string | null;
  readonly url: string | null;
  /** The article's first summary sentence. */
  readonly line: string;
  readonly score: number;
}

/**
 * What the bot core answers, before any platform renders it. Adapters render each kind
 * their own way (Block Kit, embeds, terminal text); `replyToText` is the neutral fallback.
 */
export type BotReply =
  | { readonly kind: 'digest'; readonly digest: Digest }
  | { readonly kind: 'search'; readonly terms: string; readonly hits: readonly SearchHit[] }
  | { readonly kind: 'answer'; readonly question: string; readonly result: AnswerResult }
  | { readonly kind: 'help'; readonly text: string; readonly problem?: string }
  | { readonly kind: 'notice'; readonly text: string };

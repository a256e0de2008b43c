import { Tiktoken } from 'js-tiktoken/lite';
import type { Sentence } from '../nlp/analysis.ts';

/**
 * Token counting (js-tiktoken; the ranks ship inside the package, nothing is downloaded)
 * and the per-digest token budget. For non-OpenAI models the count is an estimate.
 */

export type TokenizerName = 'o200k_base' | 'cl100k_base';

export interface TokenCounter {
  count(text: string): number;
}

const encoders = new Map<TokenizerName, Promise<Tiktoken>>();

async function loadRanks(name: TokenizerName): Promise<ConstructorParameters<typeof Tiktoken>[0]> {
  const mod =
    name === 'o200k_base'
      ? await import('js-tiktoken/ranks/o200k_base')
      : await import('js-tiktoken/ranks/cl100k_base');
  return mod.default;
}

/** A counter over one tiktoken encoding, loaded once per process (~0.5 s for o200k_base). */
export async function tiktokenCounter(name: TokenizerName = 'o200k_base'): Promise<TokenCounter> {
  let enc = encoders.get(name);
  if (!enc) {
    enc = loadRanks(name).then((ranks) => new Tiktoken(ranks));
    encoders.set(name, enc);
  }
  const tiktoken = await enc;
  // Special-token strings in an article (e.g. "<|endoftext|>") are counted as plain text, never rejected.
  return { count: (text) => tiktoken.encode(text, [], []).length };
}

/** Tokens one digest build may spend; reservations are settled with the usage the server reports. */
export class TokenBudget {
  private spent = 0;

  constructor(readonly total: number) {}

  get remaining(): number {
    return Math.max(0, this.total - this.spent);
  }

  get used(): number {
    return this.spent;
  }

  /** Take `tokens` if they fit; false (nothing taken) otherwise. */
  reserve(tokens: number): boolean {
    if (tokens > this.remaining) return false;
    this.spent += tokens;
    return true;
  }

  /** Replace a reservation by the actual spend (or return it all when the call failed before any work: actual 0). */
  settle(reserved: number, actual: number): void {
    this.spent = Math.max(0, this.spent - reserved + actual);
  }

  /** Start a new digest. */
  reset(): void {
    this.spent = 0;
  }
}

export interface FittedText {
  /** A prefix of the body, ending at a sentence end when trimmed. */
  readonly text: string;
  readonly tokens: number;
  readonly trimmed: boolean;
}

/**
 * The longest prefix of `body` that fits `maxTokens`, cut after a whole sentence
 * (sentence counts are summed, a close estimate of the prefix's count).
 */
export function fitText(
  body: string,
  sentences: readonly Sentence[],
  maxTokens: number,
  counter: TokenCounter,
): FittedText {
  const whole = counter.count(body);
  if (whole <= maxTokens) return { text: body, tokens: whole, trimmed: false };
  let end = 0;
  let used = 0;
  for (const s of sentences) {
    const t = counter.count(s.text) + 1;
    if (used + t > maxTokens) break;
    used += t;
    end = s.end;
  }
  if (end === 0) {
    // Not even one sentence fits (or no sentence analysis): cut by the average characters per token.
    const chars = Math.max(0, Math.floor((body.length / Math.max(1, whole)) * maxTokens));
    const text = body.slice(0, chars);
    return { text, tokens: counter.count(text), trimmed: true };
  }
  return { text: body.slice(0, end), tokens: used, trimmed: true };
}

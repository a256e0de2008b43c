import type { AnswerResult, AnswerSource, Answerer, AskOptions } from '../answer/types.ts';
import type { Logger } from '../log/logger.ts';
import { LlmCallError, type ChatClient } from './client.ts';
import { answerMessages } from './prompt.ts';
import { answerOutput, parseReply } from './parse.ts';
import { hasMention, unsupportedFacts } from './verify.ts';

/**
 * Answers with the LLM: the retrieval answerer's passages (its top sources) plus the
 * thread's recent turns go to the model, which must cite passages by number. An answer
 * that cites nothing, cites a passage that was not retrieved, says it does not know,
 * states a number or name the passages lack, or fails → the retrieval answer is used.
 */

/** `Answerer` with an async `ask`: the bot awaits it (awaiting a sync answerer works too). */
export interface AsyncAnswerer {
  ask(question: string, opts?: AskOptions): Promise<AnswerResult>;
  readonly size: number;
}

export interface LlmAnswerResult extends AnswerResult {
  readonly method: 'llm' | 'extractive';
  /** Why the model's answer was not used. */
  readonly fallbackReason?: string;
}

export interface LlmAnswererOptions {
  readonly maxOutputTokens?: number;
  /** Earlier turns sent with the question (most recent kept). Default 4. */
  readonly historyTurns?: number;
  readonly log?: Logger;
}

const DONT_KNOW =
  /\b(?:i\s+(?:do\s*n[o']?t|cannot|can['’]?t)\s+(?:know|find|tell|say|determine)|not\s+(?:mentioned|stated|specified|covered)|no\s+(?:information|mention)|(?:passages|articles|sources)\s+do\s*n[o']?t\s+(?:say|mention|contain|specify))\b/iu;

/** Citation markers `[n]` or `[n, m]` in an answer. */
function markers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\[(\d+(?:\s*[,;]\s*\d+)*)\]/gu)) {
    for (const n of (m[1] ?? '').split(/[,;]/u)) out.push(Number(n.trim()));
  }
  return out;
}

/** Keep the cited sources (best first, as retrieved) and renumber the markers to match. */
function renumber(
  answer: string,
  cited: ReadonlySet<number>,
  sources: readonly AnswerSource[],
): { answer: string; sources: AnswerSource[] } {
  const order = [...cited].sort((a, b) => a - b);
  const to = new Map(order.map((n, i) => [n, i + 1]));
  const text = answer.replace(
    /\[(\d+(?:\s*[,;]\s*\d+)*)\]/gu,
    (_m, list: string) =>
      `[${list
        .split(/[,;]/u)
        .map((n) => to.get(Number(n.trim())) ?? n.trim())
        .join(', ')}]`,
  );
  return { answer: text, sources: order.map((n) => sources[n - 1] as AnswerSource) };
}

export function createLlmAnswerer(base: Answerer, client: ChatClient, opts: LlmAnswererOptions = {}): AsyncAnswerer {
  const keepTurns = opts.historyTurns ?? 4;
  const fallback = (result: AnswerResult, reason: string): LlmAnswerResult => {
    opts.log?.info({ reason }, 'answer falls back to retrieval');
    return { ...result, method: 'extractive', fallbackReason: reason };
  };

  const ask = async (question: string, askOpts?: AskOptions): Promise<LlmAnswerResult> => {
    const retrieved = base.ask(question, askOpts);
    const passages = retrieved.sources;
    if (!retrieved.answered || passages.length === 0) return { ...retrieved, method: 'extractive' };
    const history = (askOpts?.history ?? []).slice(-keepTurns);
    let text: string;
    try {
      const res = await client.complete({
        messages: answerMessages(question, passages, history),
        maxTokens: opts.maxOutputTokens ?? 400,
        json: true,
      });
      text = res.text;
    } catch (err) {
      return fallback(
        retrieved,
        `LLM call failed (${err instanceof LlmCallError ? err.kind : 'error'}: ${err instanceof Error ? err.message : String(err)})`,
      );
    }
    const parsed = parseReply(text, answerOutput);
    // A reply that is not JSON may still be a plain answer with [n] markers — but not broken JSON.
    if (!parsed.ok && /^\s*(?:\{|```)/u.test(text)) return fallback(retrieved, `LLM reply unusable: ${parsed.error}`);
    const reply = parsed.ok ? parsed.value : { answer: text.trim(), citations: [] as number[] };
    const answer = reply.answer.replace(/\s+/gu, ' ').trim();
    if (answer === '') return fallback(retrieved, 'the model did not answer');
    if (DONT_KNOW.test(answer)) return fallback(retrieved, 'the model says the passages do not answer it');
    const cited = new Set([...reply.citations, ...markers(answer)]);
    if (cited.size === 0) return fallback(retrieved, 'the model cited no passage');
    const bad = [...cited].filter((n) => !Number.isInteger(n) || n < 1 || n > passages.length);
    if (bad.length > 0)
      return fallback(retrieved, `the model cited passage(s) that were not retrieved: ${bad.join(', ')}`);
    if (hasMention(answer)) return fallback(retrieved, 'the answer contains a mention');
    const reference = [question, ...passages.flatMap((p) => [p.title, p.sentence])].join('\n');
    const facts = unsupportedFacts(answer.replace(/\[[\d,;\s]+\]/gu, ' '), reference);
    if (facts.numbers.length > 0 || facts.names.length > 0) {
      return fallback(
        retrieved,
        `the answer states what the passages do not: ${[...facts.numbers, ...facts.names].join(', ')}`,
      );
    }
    return { answered: true, ...renumber(answer, cited, passages), method: 'llm' };
  };

  return {
    ask,
    get size() {
      return base.size;
    },
  };
}

import type { Article } from '../domain/types.ts';
import { createAnswerer } from './answerer.ts';
import type { Turn } from './types.ts';
import { warmWordnet } from './wordnet.ts';

export interface AnswerBench {
  /** Median and 99th-percentile latency of one `ask`, in milliseconds. */
  readonly p50: number;
  readonly p99: number;
  /** Time to analyse and index all articles, in milliseconds. */
  readonly indexMs: number;
  readonly articles: number;
  readonly questions: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at] as number;
}

/**
 * Index the articles, then time each question (asked as one thread, like the CLI does).
 * WordNet is loaded before timing starts; each question is asked `rounds` times (default:
 * enough rounds for at least 200 timings).
 */
export function benchAnswers(articles: readonly Article[], questions: readonly string[], opts: { rounds?: number } = {}): AnswerBench {
  warmWordnet();
  const t0 = performance.now();
  const answerer = createAnswerer(articles);
  const indexMs = performance.now() - t0;
  const rounds = opts.rounds ?? Math.max(1, Math.ceil(200 / Math.max(1, questions.length)));
  const times: number[] = [];
  // one untimed pass: the first look-up of each word fills the WordNet cache, as a running bot's would be
  for (const q of questions) answerer.ask(q);
  for (let r = 0; r < rounds; r++) {
    const history: Turn[] = [];
    for (const q of questions) {
      const t = performance.now();
      const answer = answerer.ask(q, { history: history.slice(-3) });
      times.push(performance.now() - t);
      history.push({ question: q, answer });
    }
  }
  times.sort((a, b) => a - b);
  const round = (x: number): number => Number(x.toFixed(3));
  return { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)), indexMs: Math.round(indexMs), articles: articles.length, questions: questions.length };
}

import type { Article } from '../domain/types.ts';
import type { Turn } from '../answer/types.ts';
import { createAnswerer } from '../answer/answerer.ts';
import { warmWordnet } from '../answer/wordnet.ts';

export interface AnswerBenchResult {
  readonly questions: number;
  /** Questions answered (the rest abstained). */
  readonly answered: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly indexMs: number;
}

const SUBJECTS = ['steel', 'soybeans', 'cars', 'semiconductors', 'aluminium', 'rice', 'solar panels', 'textiles', 'tariffs', 'exports'];
const PEOPLE = ['Maria Lindqvist', 'Kenji Sato', 'Amara Okafor', 'Daniel Reyes', 'Priya Natarajan', 'Tomasz Nowak'];
const TEMPLATES: readonly ((s: string, p: string) => string)[] = [
  (s) => `How much did imports of ${s} rise?`,
  (s, p) => `What did ${p} say about ${s}?`,
  (s) => `Why are tensions growing over ${s}?`,
  (s) => `By how much will duties on ${s} be cut?`,
  (_s, p) => `Who is ${p}?`,
  (s) => `When will demand for ${s} slow?`,
  (s) => `What about ${s}?`,
  (s) => `Did the central bank raise rates because of ${s}?`,
];

/** `n` questions of the kinds readers ask, over the synthetic corpus's vocabulary; `offset` varies them. */
export function benchQuestions(n: number, offset = 0): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i + offset;
    const t = TEMPLATES[k % TEMPLATES.length] as (s: string, p: string) => string;
    out.push(t(SUBJECTS[(k * 7) % SUBJECTS.length] as string, PEOPLE[(k * 3) % PEOPLE.length] as string));
  }
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/**
 * Index the archive, warm up on other questions (WordNet loaded, JIT warm, as in a running
 * bot), then time each question once, asked as a thread of up to 3 earlier turns.
 */
export function runAnswerBench(articles: readonly Article[], questions: number): Promise<AnswerBenchResult> {
  warmWordnet();
  const t0 = performance.now();
  const answerer = createAnswerer(articles);
  const indexMs = performance.now() - t0;
  for (const q of benchQuestions(50, 1_000)) answerer.ask(q);
  const times: number[] = [];
  const history: Turn[] = [];
  let answered = 0;
  for (const q of benchQuestions(questions)) {
    const t = performance.now();
    const answer = answerer.ask(q, { history: history.slice(-3) });
    times.push(performance.now() - t);
    if (answer.answered) answered++;
    history.push({ question: q, answer });
  }
  times.sort((a, b) => a - b);
  return Promise.resolve({ questions: times.length, answered, p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] ?? 0, indexMs });
}

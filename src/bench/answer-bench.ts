import type { Article } from '../domain/types.ts';
import type { Turn } from '../answer/types.ts';
import { createAnswerer, createAnswererFromIndex } from '../answer/answerer.ts';
import { analyze, type AnalyzedText } from '../nlp/analysis.ts';
import { cachedIndex } from '../library/index-cache.ts';
import { warmWordnet } from '../answer/wordnet.ts';
import { companyOf } from './synthetic-corpus.ts';

export interface AnswerBenchResult {
  readonly questions: number;
  /** Questions answered (the rest abstained). */
  readonly answered: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly indexMs: number;
  /** The part of `indexMs` spent analysing the articles (the bot's start-up shares it with the digest entries). */
  readonly analyseMs: number;
}

const GOODS = ['steel', 'soybeans', 'cars', 'semiconductors', 'aluminium', 'rice', 'solar panels', 'textiles'];
const PLACES = ['Japan', 'Brazil', 'India', 'Canada', 'Kenya', 'South Korea'];
const PEOPLE = ['Maria Lindqvist', 'Kenji Sato', 'Amara Okafor', 'Daniel Reyes', 'Priya Natarajan', 'Tomasz Nowak'];
/** Question kinds a reader asks of the synthetic corpus (see synthetic-corpus.ts), plus off-topic ones to abstain on. */
const TEMPLATES: readonly ((g: string, p: string, who: string, k: number) => string)[] = [
  (_g, _p, _w, k) => `How much profit did ${companyOf(k + 1).name} report?`,
  (_g, _p, _w, k) => `Where is ${companyOf(k + 1).name} based?`,
  (g, p) => `How much did imports of ${g} from ${p} rise to in the third quarter?`,
  (g, _p, who) => `What did ${who} say about exports of ${g}?`,
  (g) => `Who said the deal would cut duties on ${g}?`,
  (g, p) => `Why are tensions growing between ${p} and its partners over ${g}?`,
  (g) => `Which countries agreed to start talks on tariffs for ${g}?`,
  (g) => `When will demand for ${g} slow?`,
  (g) => `And what about ${g}?`,
  () => 'What is the population of Mars?',
];
/** `n` questions of the kinds readers ask, over the synthetic corpus of `articles` articles; `offset` varies them. */
export function benchQuestions(n: number, articles: number, offset = 0): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i + offset;
    const t = TEMPLATES[k % TEMPLATES.length] as (g: string, p: string, who: string, k: number) => string;
    out.push(
      t(
        GOODS[(k * 7) % GOODS.length] as string,
        PLACES[(k * 5) % PLACES.length] as string,
        PEOPLE[(k * 3) % PEOPLE.length] as string,
        (k * 37) % articles,
      ),
    );
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
export function runAnswerBench(
  articles: readonly Article[],
  questions: number,
  cacheFile?: string,
): Promise<AnswerBenchResult> {
  warmWordnet();
  const t0 = performance.now();
  // With a cache file: the cold start as the bot does it (analyse, index, write the cache).
  let analyseMs = 0;
  const timedAnalyse = (a: Article): AnalyzedText => {
    const t = performance.now();
    const analysis = analyze(a.body);
    analyseMs += performance.now() - t;
    return analysis;
  };
  const answerer =
    cacheFile === undefined
      ? createAnswerer(articles, { analyses: timedAnalyse })
      : createAnswererFromIndex(cachedIndex(articles, cacheFile, timedAnalyse).index);
  const indexMs = performance.now() - t0;
  for (const q of benchQuestions(50, articles.length, 1_000)) answerer.ask(q);
  const times: number[] = [];
  const history: Turn[] = [];
  let answered = 0;
  for (const q of benchQuestions(questions, articles.length)) {
    const t = performance.now();
    const answer = answerer.ask(q, { history: history.slice(-3) });
    times.push(performance.now() - t);
    if (answer.answered) answered++;
    history.push({ question: q, answer });
  }
  times.sort((a, b) => a - b);
  return Promise.resolve({
    questions: times.length,
    answered,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times[times.length - 1] ?? 0,
    indexMs,
    analyseMs,
  });
}

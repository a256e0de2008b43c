import { loadArticles } from '../sources/folder-source.ts';
import { analyze } from '../nlp/analysis.ts';
import { buildDigest } from '../digest/build.ts';
import { runAnswerBench } from './answer-bench.ts';

/**
 * One benchmark phase in its own process, so each gets a fresh heap and its own peak RSS:
 *   tokenize  — analyze() over bodies already in memory (the strict floor);
 *   load+tokenize — load from disk + analyze() (the floor with the same input work as the pipeline);
 *   pipeline  — load from disk + analyze + summary + quotes;
 *   answer    — index the archive, then time questions.
 * Prints one JSON line on stdout.
 */
export interface PhaseResult {
  readonly phase: string;
  readonly ms: number;
  readonly articles: number;
  readonly peakRssBytes: number;
  readonly detail: Record<string, number>;
}

export async function runPhase(phase: string, dir: string, questions: number): Promise<PhaseResult> {
  const { articles } = await loadArticles(dir);
  // Warm-up on a slice, so the timed pass runs on optimized code (the answer phase warms up on its own questions).
  if (phase !== 'answer') await buildDigest(articles.slice(0, 300), { date: '2025-01-01', sentences: 3, quotes: 3 });
  let ms = 0;
  const detail: Record<string, number> = {};
  if (phase === 'tokenize') {
    const t0 = performance.now();
    for (const a of articles) detail['sentences'] = (detail['sentences'] ?? 0) + analyze(a.body).sentences.length;
    ms = performance.now() - t0;
  } else if (phase === 'load+tokenize') {
    const t0 = performance.now();
    const loaded = await loadArticles(dir);
    for (const a of loaded.articles) detail['sentences'] = (detail['sentences'] ?? 0) + analyze(a.body).sentences.length;
    ms = performance.now() - t0;
  } else if (phase === 'pipeline') {
    const t0 = performance.now();
    const loaded = await loadArticles(dir);
    const digest = await buildDigest(loaded.articles, { date: '2025-01-01', sentences: 3, quotes: 3 });
    ms = performance.now() - t0;
    detail['quotes'] = digest.items.reduce((n, it) => n + it.quotes.length, 0);
  } else if (phase === 'answer') {
    const r = await runAnswerBench(articles, questions);
    ms = r.indexMs;
    Object.assign(detail, r);
  } else {
    throw new Error(`unknown phase ${phase}`);
  }
  return { phase, ms, articles: articles.length, peakRssBytes: process.resourceUsage().maxRSS * 1024, detail };
}

import { loadArticles } from '../sources/folder-source.ts';
import { analyze } from '../nlp/analysis.ts';
import { buildDigest } from '../digest/build.ts';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { benchQuestions, runAnswerBench } from './answer-bench.ts';
import { cachedIndex } from '../library/index-cache.ts';
import { createAnswererFromIndex } from '../answer/answerer.ts';
import { warmWordnet } from '../answer/wordnet.ts';

/**
 * One benchmark phase in its own process, so each gets a fresh heap and its own peak RSS:
 *   tokenize  — analyze() over bodies already in memory (the strict floor);
 *   load+tokenize — load from disk + analyze() (the floor with the same input work as the pipeline);
 *   pipeline  — load from disk + analyze + summary + quotes;
 *   answer    — index the archive (cold: analyse, index, write the cache file), then time questions;
 *   warm      — a fresh process reads that cache file back (the warm start) and answers one question.
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
  const cacheFile = path.join(path.dirname(dir), 'answer-index.bin');
  // Warm-up on a slice, so the timed pass runs on optimized code (the answer phases warm up on their own).
  if (phase !== 'answer' && phase !== 'warm')
    await buildDigest(articles.slice(0, 300), { date: '2025-01-01', sentences: 3, quotes: 3 });
  let ms = 0;
  const detail: Record<string, number> = {};
  if (phase === 'tokenize') {
    const t0 = performance.now();
    for (const a of articles) detail['sentences'] = (detail['sentences'] ?? 0) + analyze(a.body).sentences.length;
    ms = performance.now() - t0;
  } else if (phase === 'load+tokenize') {
    const t0 = performance.now();
    const loaded = await loadArticles(dir);
    for (const a of loaded.articles)
      detail['sentences'] = (detail['sentences'] ?? 0) + analyze(a.body).sentences.length;
    ms = performance.now() - t0;
  } else if (phase === 'pipeline') {
    const t0 = performance.now();
    const loaded = await loadArticles(dir);
    const digest = await buildDigest(loaded.articles, { date: '2025-01-01', sentences: 3, quotes: 3 });
    ms = performance.now() - t0;
    detail['quotes'] = digest.items.reduce((n, it) => n + it.quotes.length, 0);
  } else if (phase === 'answer') {
    rmSync(cacheFile, { force: true });
    const r = await runAnswerBench(articles, questions, cacheFile);
    ms = r.indexMs;
    Object.assign(detail, r);
  } else if (phase === 'warm') {
    const w0 = performance.now();
    warmWordnet();
    detail['wordnetMs'] = performance.now() - w0;
    const t0 = performance.now();
    const cached = cachedIndex(articles, cacheFile, (a) => analyze(a.body));
    const answerer = createAnswererFromIndex(cached.index);
    ms = performance.now() - t0;
    if (!cached.reused) throw new Error(`warm start did not reuse the cache (${cached.note ?? ''})`);
    detail['answered'] = answerer.ask(benchQuestions(1, articles.length)[0] as string).answered ? 1 : 0;
  } else {
    throw new Error(`unknown phase ${phase}`);
  }
  return { phase, ms, articles: articles.length, peakRssBytes: process.resourceUsage().maxRSS * 1024, detail };
}

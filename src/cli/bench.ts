import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticCorpus } from '../bench/synthetic-corpus.ts';
import { loadArticles } from '../sources/folder-source.ts';
import { analyze } from '../nlp/analysis.ts';
import { buildDigest } from '../digest/build.ts';
import { runAnswerBench } from '../bench/answer-bench.ts';

/**
 * `npm run bench`: throughput of the offline pipeline on a generated corpus, one process.
 *  - tokenize only: analyze() (sentences + tokens) over bodies already in memory — the floor;
 *  - pipeline: load from disk + analyze + extractive summary + quotes;
 *  - peak RSS of the process; answer latency over the same archive.
 */
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    words: { type: 'string', default: '600' },
    questions: { type: 'string', default: '500' },
  },
});
const n = Number(values.articles);
const words = Number(values.words);

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

async function main(): Promise<void> {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'trade-news-bench-')), 'articles');
  process.stderr.write(`generating ${n} articles of ~${words} words in ${dir}\n`);
  writeSyntheticCorpus(dir, n, words);
  try {
    // Warm-up, so both measurements run on optimized code.
    const warm = await loadArticles(dir);
    await buildDigest(warm.articles.slice(0, 300), { date: '2025-01-01', sentences: 3, quotes: 3 });

    const bodies = warm.articles.map((a) => a.body);
    let t0 = performance.now();
    let sentences = 0;
    for (const b of bodies) sentences += analyze(b).sentences.length;
    const tokenizeMs = performance.now() - t0;

    global.gc?.();
    t0 = performance.now();
    const { articles } = await loadArticles(dir);
    const digest = await buildDigest(articles, { date: '2025-01-01', sentences: 3, quotes: 3 });
    const pipelineMs = performance.now() - t0;
    const quotes = digest.items.reduce((a, it) => a + it.quotes.length, 0);
    const peakRss = process.resourceUsage().maxRSS * 1024;

    const answers = await runAnswerBench(articles, Number(values.questions));

    const rate = (ms: number): string => `${((n * 1000) / ms).toFixed(0)} articles/s`;
    const lines = [
      `corpus: ${n} synthetic articles, ~${words} words each (${sentences} sentences)`,
      `tokenize only (wink-nlp sentences + tokens): ${rate(tokenizeMs)} (${(tokenizeMs / 1000).toFixed(2)} s)`,
      `pipeline (load + analyze + summary + quotes): ${rate(pipelineMs)} (${(pipelineMs / 1000).toFixed(2)} s), ${quotes} key quotes`,
      `pipeline / tokenize-only time: ${(pipelineMs / tokenizeMs).toFixed(2)}x`,
      `peak RSS: ${mb(peakRss)}`,
      answers === null
        ? 'answer latency: skipped (no answerer benchmark available)'
        : `answer latency over ${n} articles (${answers.questions} questions, ${answers.answered} answered): p50 ${answers.p50.toFixed(2)} ms, p99 ${answers.p99.toFixed(2)} ms, max ${answers.max.toFixed(2)} ms; index built in ${(answers.indexMs / 1000).toFixed(2)} s`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

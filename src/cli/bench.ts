import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticCorpus } from '../bench/synthetic-corpus.ts';
import { runPhase, type PhaseResult } from '../bench/bench-phase.ts';

/**
 * `npm run bench`: throughput, memory and answer latency on a generated corpus (default
 * 10,000 articles of ~600 words). Each phase runs in a fresh process (one core each, one
 * after the other) so its peak RSS is its own. The old-space cap (--heap-mb, default 320) keeps
 * V8 from growing the heap lazily on a large machine, so peak RSS reflects what the work needs.
 * `--runs N` (default 3) repeats every phase N times and reports median [min–max]; ratios are
 * taken within one run (same machine state), then spread over the runs.
 */
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    words: { type: 'string', default: '600' },
    questions: { type: 'string', default: '500' },
    'heap-mb': { type: 'string', default: '320' },
    runs: { type: 'string', default: '3' },
    phase: { type: 'string' },
    dir: { type: 'string' },
  },
});

async function child(): Promise<void> {
  const result = await runPhase(values.phase as string, values.dir as string, Number(values.questions));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function phase(name: string, dir: string): PhaseResult {
  const run = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${values['heap-mb']}`,
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'bench.ts'),
      '--phase',
      name,
      '--dir',
      dir,
      '--questions',
      values.questions,
    ],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    },
  );
  if (run.status !== 0) throw new Error(`bench phase ${name} failed (exit ${run.status})`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as PhaseResult;
}

/** `median [min–max]` of one figure over the runs. */
function spread(xs: readonly number[], fmt: (x: number) => string): string {
  const s = [...xs].sort((a, b) => a - b);
  const median =
    s.length % 2
      ? (s[(s.length - 1) / 2] as number)
      : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
  return s.length === 1 ? fmt(median) : `${fmt(median)} [${fmt(s[0] as number)}–${fmt(s[s.length - 1] as number)}]`;
}

interface Run {
  readonly tok: PhaseResult;
  readonly loadTok: PhaseResult;
  readonly pipe: PhaseResult;
  readonly ans: PhaseResult;
  readonly warm: PhaseResult;
}

function main(): void {
  const n = Number(values.articles);
  const words = Number(values.words);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1 (got ${values.runs})`);
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'trade-news-bench-')), 'articles');
  process.stderr.write(`generating ${n} articles of ~${words} words in ${dir}\n`);
  writeSyntheticCorpus(dir, n, words);
  try {
    const all: Run[] = [];
    for (let r = 0; r < runs; r++) {
      process.stderr.write(`run ${r + 1} of ${runs}\n`);
      all.push({
        tok: phase('tokenize', dir),
        loadTok: phase('load+tokenize', dir),
        pipe: phase('pipeline', dir),
        ans: phase('answer', dir),
        warm: phase('warm', dir),
      });
    }
    const of = (f: (r: Run) => number, fmt: (x: number) => string): string => spread(all.map(f), fmt);
    const rate = (p: (r: Run) => PhaseResult): string =>
      `${of(
        (r) => (p(r).articles * 1000) / p(r).ms,
        (x) => x.toFixed(0),
      )} articles/s (${of(
        (r) => p(r).ms / 1000,
        (x) => x.toFixed(2),
      )} s)`;
    const mb = (p: (r: Run) => PhaseResult): string =>
      of(
        (r) => p(r).peakRssBytes / 1024 / 1024,
        (x) => `${x.toFixed(0)} MB`,
      );
    const ms = (x: number): string => x.toFixed(2);
    const d = (r: Run, k: string): number => r.ans.detail[k] ?? NaN;
    const first = all[0] as Run;
    process.stdout.write(
      `${[
        `corpus: ${n} synthetic articles, ~${words} words each (${first.tok.detail['sentences']} sentences); each phase in its own process, V8 old space capped at ${values['heap-mb']} MB`,
        `figures: ${runs === 1 ? 'one run' : `median [min–max] of ${runs} runs; each ratio is taken within one run`}`,
        `tokenize only (wink-nlp sentences + tokens, bodies in memory): ${rate((r) => r.tok)}, peak RSS ${mb((r) => r.tok)}`,
        `load + tokenize (files read and parsed, then sentences + tokens): ${rate((r) => r.loadTok)}, peak RSS ${mb((r) => r.loadTok)}`,
        `pipeline (load + analyze + summary + quotes): ${rate((r) => r.pipe)}, peak RSS ${mb((r) => r.pipe)}, ${first.pipe.detail['quotes']} key quotes`,
        `pipeline time / tokenize only: ${of(
          (r) => r.pipe.ms / r.tok.ms,
          (x) => `${x.toFixed(2)}x`,
        )}; / load + tokenize: ${of(
          (r) => r.pipe.ms / r.loadTok.ms,
          (x) => `${x.toFixed(2)}x`,
        )}`,
        `answers over ${n} articles: ${d(first, 'answered')} of ${d(first, 'questions')} questions answered; p50 ${of((r) => d(r, 'p50'), ms)} ms, p99 ${of((r) => d(r, 'p99'), ms)} ms, max ${of((r) => d(r, 'max'), ms)} ms; peak RSS ${mb((r) => r.ans)}`,
        `answer index cold build (analyse + index + write the cache file): ${of(
          (r) => r.ans.ms / 1000,
          (x) => `${x.toFixed(2)} s`,
        )}; without the analysis (shared with the digest entries at the bot's start): ${of(
          (r) => (r.ans.ms - d(r, 'analyseMs')) / 1000,
          (x) => `${x.toFixed(2)} s`,
        )}`,
        `answer index warm start (cache file read in a fresh process): ${of(
          (r) => r.warm.ms,
          (x) => `${x.toFixed(0)} ms`,
        )}, peak RSS ${mb((r) => r.warm)} (WordNet load, not counted: ${of(
          (r) => r.warm.detail['wordnetMs'] ?? NaN,
          (x) => `${x.toFixed(0)} ms`,
        )})`,
      ].join('\n')}\n`,
    );
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
}

if (values.phase !== undefined) {
  child().catch((err: unknown) => {
    process.stderr.write(`bench phase failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
} else {
  try {
    main();
  } catch (err) {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

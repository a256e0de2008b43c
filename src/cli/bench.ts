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
 */
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    words: { type: 'string', default: '600' },
    questions: { type: 'string', default: '500' },
    'heap-mb': { type: 'string', default: '320' },
    phase: { type: 'string' },
    dir: { type: 'string' },
  },
});

async function child(): Promise<void> {
  const result = await runPhase(values.phase as string, values.dir as string, Number(values.questions));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function phase(name: string, dir: string): PhaseResult {
  const run = spawnSync(process.execPath, [`--max-old-space-size=${values['heap-mb']}`, '--import', 'tsx', path.join(import.meta.dirname, 'bench.ts'), '--phase', name, '--dir', dir, '--questions', values.questions], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`bench phase ${name} failed (exit ${run.status})`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as PhaseResult;
}

function main(): void {
  const n = Number(values.articles);
  const words = Number(values.words);
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'trade-news-bench-')), 'articles');
  process.stderr.write(`generating ${n} articles of ~${words} words in ${dir}\n`);
  writeSyntheticCorpus(dir, n, words);
  try {
    const tok = phase('tokenize', dir);
    const loadTok = phase('load+tokenize', dir);
    const pipe = phase('pipeline', dir);
    const ans = phase('answer', dir);
    const rate = (r: PhaseResult): string => `${((r.articles * 1000) / r.ms).toFixed(0)} articles/s (${(r.ms / 1000).toFixed(2)} s)`;
    const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MB`;
    const d = ans.detail;
    process.stdout.write(
      [
        `corpus: ${n} synthetic articles, ~${words} words each (${tok.detail['sentences']} sentences); each phase in its own process, V8 old space capped at ${values['heap-mb']} MB`,
        `tokenize only (wink-nlp sentences + tokens, bodies in memory): ${rate(tok)}, peak RSS ${mb(tok.peakRssBytes)}`,
        `load + tokenize (files read and parsed, then sentences + tokens): ${rate(loadTok)}, peak RSS ${mb(loadTok.peakRssBytes)}`,
        `pipeline (load + analyze + summary + quotes): ${rate(pipe)}, peak RSS ${mb(pipe.peakRssBytes)}, ${pipe.detail['quotes']} key quotes`,
        `pipeline time / tokenize only: ${(pipe.ms / tok.ms).toFixed(2)}x; / load + tokenize: ${(pipe.ms / loadTok.ms).toFixed(2)}x`,
        `answers over ${n} articles: ${d['answered']} of ${d['questions']} questions answered; p50 ${d['p50']?.toFixed(2)} ms, p99 ${d['p99']?.toFixed(2)} ms, max ${d['max']?.toFixed(2)} ms; index built in ${(ans.ms / 1000).toFixed(2)} s, peak RSS ${mb(ans.peakRssBytes)}`,
      ].join('\n') + '\n',
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

import { existsSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { QA_SETS, QA_SET_NAMES, qaSetAvailable } from './qa-sets.ts';

/**
 * `npm run eval`: the reference scorers of ../shared/eval run against this bot's own
 * `digest` and `ask` commands (ROUGE with Lead-3 in the same run, quotes with the naive
 * baseline in the same run, follow-up questions). Skips politely when the data is absent.
 */
const { values } = parseArgs({
  options: {
    'eval-dir': { type: 'string', default: '../shared/eval' },
    limit: { type: 'string' },
    only: { type: 'string' },
  },
});
const dir = path.resolve(values['eval-dir']);
const scorer = (name: string): string => path.join(dir, 'scorer', name);
const limit = values.limit === undefined ? [] : ['--limit', values.limit];

const DIGEST = ['npm', 'run', '--silent', 'digest', '--', '--format', 'json', '--sentences', '3', '--quotes', 'all'];
const ASK = ['npm', 'run', '--silent', 'ask', '--', '--format', 'json'];

interface Job {
  readonly name: string;
  readonly data: string;
  readonly args: readonly string[];
  /** Run first (output discarded); the job fails when it does. */
  readonly before?: readonly string[];
}

/** ROUGE with Lead-3 in the same run, over one summaries file. */
function summaryJob(name: string, data: string): Job {
  const args = [scorer('score-summaries.mjs'), path.join(dir, data), '--lead', '3', ...limit];
  return { name, data, args: [...args, '--label', 'trade-news extractive', '--', ...DIGEST] };
}

/** Quotes and speakers with the naive baseline in the same run, over one PolNeAR file. */
function quoteJob(name: string, data: string): Job {
  const args = [scorer('score-quotes.mjs'), path.join(dir, data), '--naive', ...limit];
  return { name, data, args: [...args, '--label', 'trade-news quotes', '--', ...DIGEST] };
}

const jobs: Job[] = [
  summaryJob('summaries (BBC)', 'summaries-dev.jsonl'),
  summaryJob('summaries (CNN/DailyMail)', 'summaries-dev-cnndm.jsonl'),
  quoteJob('quotes (PolNeAR dev)', 'quotes-dev.jsonl'),
  quoteJob('quotes (PolNeAR train split)', 'quotes-train.jsonl'),
  ...QA_SET_NAMES.map((set): Job => {
    // leave-one-set-out: the ranker is fitted on the other sets, then this one is scored with it
    const others = QA_SET_NAMES.filter((n) => n !== set && qaSetAvailable(dir, n));
    const weights = path.join(os.tmpdir(), `trade-news-loso-${set}-${process.pid}.json`);
    return {
      name: `follow-up questions (${set}, fitted on ${others.join(' + ')})`,
      data: QA_SETS[set].questions,
      before: [
        'npm',
        'run',
        '--silent',
        'train:answers',
        '--',
        '--eval-dir',
        dir,
        '--sets',
        others.join(','),
        '--out',
        weights,
      ],
      args: [
        scorer('score-qa.mjs'),
        path.join(dir, QA_SETS[set].questions),
        '--articles-from',
        path.join(dir, QA_SETS[set].articles),
        ...limit,
        '--label',
        `trade-news LOSO ${set}`,
        '--',
        ...ASK,
        '--weights',
        weights,
      ],
    };
  }),
];

if (!existsSync(path.join(dir, 'scorer'))) {
  process.stdout.write(
    `No evaluation data at ${dir} (it lives beside the checkout as ../shared/eval); nothing to evaluate.\n`,
  );
  process.exit(0);
}

let failed = 0;
for (const job of jobs) {
  if (values.only !== undefined && !job.name.toLowerCase().includes(values.only.toLowerCase())) continue;
  if (!existsSync(path.join(dir, job.data))) {
    process.stdout.write(`\n== ${job.name}: ${job.data} not found, skipped\n`);
    continue;
  }
  process.stdout.write(`\n== ${job.name}\n`);
  if (job.before) {
    const [cmd, ...rest] = job.before as [string, ...string[]];
    const pre = spawnSync(cmd, rest, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    if (pre.status !== 0) {
      process.stdout.write(`${job.before.join(' ')} failed (status ${pre.status}), skipped\n`);
      failed++;
      continue;
    }
  }
  const run = spawnSync(process.execPath, job.args as string[], {
    stdio: 'inherit',
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  if (run.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);

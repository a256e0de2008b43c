import { existsSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

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
}

const jobs: Job[] = [
  { name: 'summaries (BBC)', data: 'summaries-dev.jsonl', args: [scorer('score-summaries.mjs'), path.join(dir, 'summaries-dev.jsonl'), '--lead', '3', ...limit, '--label', 'trade-news extractive', '--', ...DIGEST] },
  { name: 'summaries (CNN/DailyMail)', data: 'summaries-dev-cnndm.jsonl', args: [scorer('score-summaries.mjs'), path.join(dir, 'summaries-dev-cnndm.jsonl'), '--lead', '3', ...limit, '--label', 'trade-news extractive', '--', ...DIGEST] },
  { name: 'quotes (PolNeAR)', data: 'quotes-dev.jsonl', args: [scorer('score-quotes.mjs'), path.join(dir, 'quotes-dev.jsonl'), '--naive', ...limit, '--label', 'trade-news quotes', '--', ...DIGEST] },
  { name: 'follow-up questions', data: 'qa-dev.jsonl', args: [scorer('score-qa.mjs'), path.join(dir, 'qa-dev.jsonl'), '--articles-from', path.join(dir, 'summaries-dev.jsonl'), ...limit, '--label', 'trade-news answers', '--', ...ASK] },
];

if (!existsSync(path.join(dir, 'scorer'))) {
  process.stdout.write(`No evaluation data at ${dir} (it lives beside the checkout as ../shared/eval); nothing to evaluate.\n`);
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
  const run = spawnSync(process.execPath, job.args as string[], { stdio: 'inherit', env: { ...process.env, LOG_LEVEL: 'warn' } });
  if (run.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);

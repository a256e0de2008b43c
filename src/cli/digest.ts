import { loadConfig } from '../config/load.ts';
import { articlesFolderOrExit, parseCli, runCli, usageError } from './cli.ts';
import { newestFirst } from '../library/library.ts';
import { loadArticleFolder } from '../app/load-library.ts';
import { buildDigest } from '../digest/build.ts';
import { digestToJson } from '../digest/render-json.ts';
import { renderDigest } from '../digest/render-text.ts';
import { createLogger } from '../log/logger.ts';
import { progressBar } from './progress.ts';
import { summaryStack } from '../app/summarizer.ts';
import { llmMode } from '../llm/factory.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import path from 'node:path';

const USAGE = `Usage: npm run digest -- [--articles DIR] [--format text|markdown|json] [--sentences N]
                         [--quotes N|all] [--since YYYY-MM-DD] [--order newest|file] [--with-body]
Prints the digest of the articles folder on stdout; logs go to stderr.
  --articles DIR     folder of articles (default: core.articlesDir, ARTICLES_DIR, "articles")
  --format F         text (default), markdown, or json (one JSON document)
  --sentences N      summary sentences per article (default: core.summarySentences)
  --quotes N|all     key quotes per article, or every attributed quotation (default: core.keyQuotes)
  --since DATE       only articles dated on or after DATE
  --order O          newest (default: newest first, undated last, as the bot posts) or file (path order)
  --with-body        json: include each article's body`;

const fail: (message: string) => never = (message) => usageError(USAGE, message);

async function main(): Promise<void> {
  const parsed = parseCli(USAGE, {
    articles: { type: 'string' },
    format: { type: 'string', default: 'text' },
    sentences: { type: 'string' },
    quotes: { type: 'string' },
    since: { type: 'string' },
    order: { type: 'string', default: 'newest' },
    'with-body': { type: 'boolean', default: false },
  });
  if (parsed === null) return;
  const args = parsed.values;
  const format = args.format;
  if (format !== 'text' && format !== 'markdown' && format !== 'json')
    fail(`--format must be text, markdown or json (got "${format}")`);
  const config = loadConfig();
  const sentences = args.sentences === undefined ? config.core.summarySentences : Number(args.sentences);
  if (!Number.isInteger(sentences) || sentences < 1)
    fail(`--sentences must be a whole number ≥ 1 (got "${args.sentences}")`);
  const quotes =
    args.quotes === undefined ? config.core.keyQuotes : args.quotes === 'all' ? 'all' : Number(args.quotes);
  if (quotes !== 'all' && (!Number.isInteger(quotes) || quotes < 0))
    fail(`--quotes must be a whole number ≥ 0 or "all" (got "${args.quotes}")`);
  if (args.order !== 'newest' && args.order !== 'file') fail(`--order must be newest or file (got "${args.order}")`);
  if (args.since !== undefined && Number.isNaN(Date.parse(args.since)))
    fail(`--since must be a date such as 2018-09-27 (got "${args.since}")`);

  const log = createLogger(config.core.logLevel);
  const dir =
    args.articles !== undefined
      ? articlesFolderOrExit(args.articles, '--articles')
      : articlesFolderOrExit(config.core.articlesDir, 'articles folder (core.articlesDir / ARTICLES_DIR)');
  const t0 = performance.now();
  const { articles } = await loadArticleFolder(config, log, dir);
  const since = args.since;
  const dated = since === undefined ? articles : articles.filter((a) => a.date !== null && a.date >= since);
  const chosen = args.order === 'newest' ? newestFirst(dated) : dated;
  // The state store only matters here as the LLM reply cache, so re-runs spend no tokens.
  const store =
    llmMode(config.llm) === 'llm'
      ? new SqliteStore(config.store.sqliteFile ?? path.join(config.core.dataDir, 'state.db'))
      : undefined;
  const { summarizer } = await summaryStack(config, log, store);
  const digest = await buildDigest(chosen, {
    summarizer,
    date: new Date().toISOString().slice(0, 10),
    sentences,
    quotes,
    onArticle: progressBar('digest'),
  });
  await store?.close();
  const seconds = (performance.now() - t0) / 1000;
  log.info({ articles: chosen.length, seconds: Number(seconds.toFixed(3)) }, 'digest built');
  if (format === 'json') {
    const out = digestToJson(digest, { withBody: args['with-body'] }) as Record<string, unknown>;
    process.stdout.write(`${JSON.stringify({ ...out, timing: { seconds } })}\n`);
  } else {
    process.stdout.write(`${renderDigest(digest, format)}\n`);
  }
}

runCli('digest failed', main);

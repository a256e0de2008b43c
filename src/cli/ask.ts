import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config/load.ts';
import { articlesFolderOrExit, parseCli, runCli, usageError } from './cli.ts';
import { loadArticleFolder } from '../app/load-library.ts';
import { createAnswerer } from '../answer/answerer.ts';
import { loadRankerModel } from '../answer/ranker-model.ts';
import type { AnswerResult } from '../answer/types.ts';
import { createAsyncAnswerer } from '../llm/factory.ts';
import { answerThread } from '../llm/answer-batch.ts';
import { createLogger } from '../log/logger.ts';

const USAGE = `Usage: npm run ask -- [--articles DIR] [--format json|text] [--weights FILE] "question"
       npm run ask -- [--articles DIR] [--format json|text] [--weights FILE] --questions FILE
Answers readers' questions from the articles folder, quoting the supporting sentences.
--questions FILE is plain text, one question a line (blank lines skipped); consecutive
questions are one thread, so a follow-up is read against the questions before it.
--weights FILE: a ranker weights file written by npm run train:answers (default the shipped one).
--format json prints one JSON object a line, one line per question. Logs go to stderr.`;

/** Turns of a thread kept as context for the next question. */
const HISTORY = 3;

const fail: (message: string) => never = (message) => usageError(USAGE, message);

function toJson(question: string, r: AnswerResult): string {
  return JSON.stringify({
    question,
    answered: r.answered,
    answer: r.answer,
    sources: r.sources.map((s) => ({ file: s.file, sentence: s.sentence, start: s.start, end: s.end })),
  });
}

function toText(question: string, r: AnswerResult): string {
  const lines = [`Q: ${question}`, `A: ${r.answer}`];
  r.sources.forEach((s, i) => lines.push(`  [${i + 1}] ${s.file} (${s.start}-${s.end}) ${s.title}`));
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const parsed = parseCli(
    USAGE,
    {
      articles: { type: 'string' },
      format: { type: 'string', default: 'text' },
      questions: { type: 'string' },
      weights: { type: 'string' },
    },
    true,
  );
  if (parsed === null) return;
  const args = parsed.values;
  const format = args.format;
  if (format !== 'text' && format !== 'json') fail(`--format must be text or json (got "${format}")`);
  let questions: string[];
  if (args.questions !== undefined) {
    if (parsed.positionals.length > 0) fail('give either --questions FILE or one question, not both');
    const text = await readFile(args.questions, 'utf8').catch((err: unknown) =>
      fail(`cannot read ${args.questions}: ${err instanceof Error ? err.message : String(err)}`),
    );
    questions = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
  } else {
    const q = parsed.positionals.join(' ').trim();
    if (!q) fail('no question given');
    questions = [q];
  }

  const config = loadConfig();
  const log = createLogger(config.core.logLevel);
  const dir =
    args.articles !== undefined
      ? articlesFolderOrExit(args.articles, '--articles')
      : articlesFolderOrExit(config.core.articlesDir, 'articles folder (core.articlesDir / ARTICLES_DIR)');
  const t0 = performance.now();
  const { articles } = await loadArticleFolder(config, log, dir);
  const answerer = createAnswerer(articles, args.weights === undefined ? {} : { model: loadRankerModel(args.weights) });
  log.info({ articles: answerer.size, ms: Math.round(performance.now() - t0) }, 'answer index built');

  // With an LLM configured its calls run concurrently; the output stays in question order.
  const t1 = performance.now();
  const answers = answerThread(questions, answerer, createAsyncAnswerer(config, answerer, { log }), HISTORY);
  for (const [i, question] of questions.entries()) {
    const r = await (answers[i] as Promise<AnswerResult>);
    process.stdout.write(format === 'json' ? `${toJson(question, r)}\n` : toText(question, r));
  }
  log.info({ questions: questions.length, ms: Math.round(performance.now() - t1) }, 'questions answered');
}

runCli('ask failed', main);

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sections } from '../../src/config/schema.ts';

/**
 * The real bot process (`node --import tsx src/main.ts`, as `npm start` runs it) for end-to-end
 * tests: its environment is built from scratch for the bot's own variables, so nothing set in
 * the shell running the tests (a real SLACK_BOT_TOKEN, DATABASE_URL, …) leaks in.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every environment variable the config reads (SLACK_*, DISCORD_*, DIGEST_*, OPENAI_*, …) plus CONFIG_FILE. */
const BOT_VARIABLES = new Set<string>(['CONFIG_FILE', ...Object.values(sections).flatMap((s) => Object.keys(s.env))]);

export interface BotProcess {
  readonly proc: ChildProcess;
  /** Temporary folder holding DATA_DIR (`data`) and any article copies (removed by `cleanup`). */
  readonly tmp: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code, or the signal name when killed by one. */
  readonly exited: Promise<number | string>;
  /** Whether the process is still running. */
  running(): boolean;
  /** Sends `signal` (if still running) and resolves with how it ended. */
  kill(signal?: NodeJS.Signals): Promise<number | string>;
  /** SIGKILL if still running, then remove the temporary folder. */
  cleanup(): Promise<void>;
}

/** The founding article in the repository's `articles` folder. */
export const FOUNDING_ARTICLE = 'articles/2018-09-27-us-japan-trade-negotiations.txt';

/**
 * A copy of the founding article in `dir`, its dateline (`September 27, 2018 – `) moved to
 * today (UTC). A scheduled digest takes only articles within the target's lookback (48 h for
 * DIGEST_CRON), so the 2018 original is never in one. The dateline is not part of the body,
 * so the copy has the same title, body and article id.
 */
export function freshFoundingArticle(dir: string): string {
  const text = readFileSync(path.join(ROOT, FOUNDING_ARTICLE), 'utf8');
  const today = new Date().toISOString().slice(0, 10);
  const moved = text.replace(/^September 27, 2018(?=\s*–)/m, today);
  if (moved === text) throw new Error(`${FOUNDING_ARTICLE}: no dateline to move`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'us-japan-trade-negotiations.txt'), moved);
  return dir;
}

export interface StartOptions {
  /** ARTICLES_DIR: the repository's `articles` (default), or a dated-today copy of the founding article. */
  readonly articles?: 'repository' | 'fresh';
  /**
   * Run in this folder (as `npm start` from a fresh checkout would, reading its `.env`) with only
   * `env` on top of the clean environment: no DATA_DIR/ARTICLES_DIR/LOG_LEVEL of the harness.
   */
  readonly cwd?: string;
  /** Keep stdin open as a pipe (write lines with `proc.stdin`); default closed. */
  readonly stdin?: 'pipe';
}

/**
 * Starts the bot with `env` on top of a clean environment: a temporary DATA_DIR,
 * ARTICLES_DIR=articles (or a fresh copy, see `freshFoundingArticle`), LOG_LEVEL=warn.
 */
export function startBot(env: Readonly<Record<string, string>>, opts: StartOptions = {}): BotProcess {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'platform-e2e-'));
  let articles = 'articles';
  try {
    if (opts.articles === 'fresh') articles = freshFoundingArticle(path.join(tmp, 'articles'));
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !BOT_VARIABLES.has(k)));
  const harness =
    opts.cwd === undefined ? { DATA_DIR: path.join(tmp, 'data'), ARTICLES_DIR: articles, LOG_LEVEL: 'warn' } : {};
  const proc = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'src/main.ts')], {
    cwd: opts.cwd ?? ROOT,
    stdio: [opts.stdin ?? 'ignore', 'pipe', 'pipe'],
    env: { ...base, ...harness, ...env },
  });
  let out = '';
  let err = '';
  proc.stdout?.setEncoding('utf8').on('data', (c: string) => (out += c));
  proc.stderr?.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<number | string>((resolve) =>
    proc.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const running = (): boolean => proc.exitCode === null && proc.signalCode === null;
  const kill = (signal: NodeJS.Signals = 'SIGKILL'): Promise<number | string> => {
    if (running()) proc.kill(signal);
    return exited;
  };
  return {
    proc,
    tmp,
    stdout: () => out,
    stderr: () => err,
    exited,
    running,
    kill,
    cleanup: async () => {
      await kill('SIGKILL');
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** The exit code (or signal) within `ms`, or 'timeout'. */
export function exitWithin(bot: BotProcess, ms: number): Promise<number | string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    bot.exited,
    new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms))),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Polls `probe` until it returns something; rejects after `timeoutMs`, or at once when the bot
 * exits first — either way with its stderr, so a failed start-up says why.
 */
export async function until<T>(
  bot: BotProcess,
  probe: () => T | undefined | null | false,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (!bot.running())
      throw new Error(
        `bot exited (${String(bot.proc.exitCode ?? bot.proc.signalCode)}) while waiting for ${what}; stderr:\n${bot.stderr()}`,
      );
    if (Date.now() > end)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; stderr:\n${bot.stderr()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A row of the bot's `digest_runs` table (its SQLite state file in DATA_DIR). */
export interface RunRow {
  readonly target_id: string;
  readonly scheduled_at: string;
  readonly digest_id: string;
  readonly state: string;
  readonly message_ref: string | null;
}

/** The scheduled runs of `targetId` the bot recorded, oldest first (read after it exited). */
export function recordedRuns(bot: BotProcess, targetId: string): RunRow[] {
  const db = new Database(path.join(bot.tmp, 'data', 'state.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        'SELECT target_id, scheduled_at, digest_id, state, message_ref FROM digest_runs WHERE target_id = ? ORDER BY scheduled_at',
      )
      .all(targetId) as RunRow[];
  } finally {
    db.close();
  }
}

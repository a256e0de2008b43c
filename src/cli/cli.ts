import { statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../config/load.ts';

/**
 * What every script shares: flags parsed strictly, `--help` printing the usage, a usage error
 * exiting 2 with the usage, and an uncaught failure exiting 1 — a ConfigError or a coded error
 * as its message only, anything else with its stack.
 */

/** Print `message` and the usage on stderr, exit 2. */
export function usageError(usage: string, message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}

/**
 * The articles folder a script reads, or exit 2 with one line saying what is wrong with it:
 * a missing folder is a mistake to report, not an empty digest.
 */
export function articlesFolderOrExit(dir: string, from: string): string {
  let problem: string | null = null;
  try {
    if (!statSync(dir).isDirectory()) problem = 'is a file, not a folder';
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    problem = code === 'ENOENT' ? 'does not exist' : `cannot be read (${String(code ?? err)})`;
  }
  if (problem === null) return dir;
  process.stderr.write(`${from} ${dir}: ${problem} — give a folder of .txt, .md, .html or .json articles\n`);
  process.exit(2);
}

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ options: O & typeof HELP; allowPositionals: boolean; strict: true }>
>;

/** Parse argv; `null` when `--help` was given (the usage is then printed on stdout). */
export function parseCli<O extends Options>(usage: string, options: O, allowPositionals = false): Parsed<O> | null {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ options: { ...options, ...HELP }, allowPositionals, strict: true });
  } catch (err) {
    usageError(usage, err instanceof Error ? err.message : String(err));
  }
  if ((parsed.values as { help?: boolean }).help === true) {
    process.stdout.write(`${usage}\n`);
    return null;
  }
  return parsed;
}

/**
 * Exit once stdout has drained: on a pipe, writes are asynchronous and `process.exit` would
 * cut a large output (a 900-article JSON digest) short.
 */
function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

/** Run a script's main; exit with its code (default 0), or 1 with a readable message on failure (`failure` leads it). */
export function runCli(failure: string, main: () => Promise<number | void>): void {
  main().then(
    (code) => exitAfterFlush(code ?? 0),
    (err: unknown) => {
      const coded = err instanceof Error && 'code' in err && typeof err.code === 'string';
      if (err instanceof ConfigError || coded) process.stderr.write(`${(err as Error).message}\n`);
      else process.stderr.write(`${failure}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      exitAfterFlush(1);
    },
  );
}

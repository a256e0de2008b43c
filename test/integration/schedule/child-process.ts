import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Child processes for the crash and replica tests: a `tsx` script with one JSON argument. */

export interface Child {
  readonly proc: ChildProcess;
  /** Lines written to stdout so far. */
  readonly lines: string[];
  stderr(): string;
  /** Resolves with the exit code (or the signal name). */
  readonly exited: Promise<number | string>;
  /** Resolves with the first stdout line matching `test`. */
  waitFor(test: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<number | string>;
}

export function startChild(script: string, arg: unknown): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(arg)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: process.cwd(),
  });
  const lines: string[] = [];
  let err = '';
  const waiters: { test: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  let buf = '';
  proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buf += chunk;
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      lines.push(line);
      for (const w of waiters.filter((x) => x.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | string>((resolve) =>
    proc.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    proc,
    lines,
    stderr: () => err,
    exited,
    waitFor: (test, timeoutMs = 20_000) => {
      const seen = lines.find(test);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`child ${proc.pid}: no matching line within ${timeoutMs} ms; stderr: ${err}`)),
          timeoutMs,
        );
        waiters.push({
          test,
          resolve: (l) => {
            clearTimeout(timer);
            resolve(l);
          },
        });
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`child ${proc.pid} exited (${code}) before the expected line; stderr: ${err}`));
        });
      });
    },
    kill: (signal = 'SIGKILL') => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

/** Poll until `file` exists. */
export async function waitForFile(file: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > end) throw new Error(`${file} did not appear within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from '../../../../src/log/logger.ts';

export interface CapturedLog {
  readonly log: Logger;
  /** Every line logged so far, parsed (`level`: pino's number, `msg`). */
  readonly lines: { level: number; msg: string; [k: string]: unknown }[];
  /** Messages at `warn` (40) or above, then others, as text. */
  text(minLevel?: number): string;
}

/** A pino logger writing into memory, so tests can read what was logged. */
export function captureLog(level = 'debug'): CapturedLog {
  const lines: CapturedLog['lines'] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line));
      done();
    },
  });
  const log = pino({ level, base: null }, sink);
  return {
    log,
    lines,
    text: (minLevel = 0) =>
      lines
        .filter((l) => l.level >= minLevel)
        .map((l) => l.msg)
        .join('\n'),
  };
}

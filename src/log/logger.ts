import pino from 'pino';

export type Logger = pino.Logger;

const LEVELS: Readonly<Record<number, string>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** One readable line per record for a person at a terminal: `12:00:01 warn message key=value`. */
function humanLine(json: string): string {
  try {
    const { level, time, msg, ...rest } = JSON.parse(json) as Record<string, unknown>;
    const extra = Object.entries(rest)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    const clock = typeof time === 'string' ? time.slice(11, 19) : '';
    return `${clock} ${LEVELS[level as number] ?? String(level)} ${String(msg ?? '')}${extra ? ` ${extra}` : ''}\n`;
  } catch {
    return json;
  }
}

/**
 * `write` replaces the destination (e.g. the console chat prints log lines above its prompt).
 * Logs go to stderr (fd 2) so stdout stays the command's output: JSON lines for machines,
 * a short readable line when stderr is a terminal (or `pretty` is forced).
 */
export function createLogger(
  level = 'info',
  pretty = process.stderr.isTTY === true,
  write?: (text: string) => void,
): Logger {
  const opts = { level, base: null, timestamp: pino.stdTimeFunctions.isoTime };
  const sink = write ?? ((text: string): void => void process.stderr.write(text));
  if (!pretty) return write ? pino(opts, { write: sink }) : pino(opts, pino.destination({ fd: 2, sync: true }));
  return pino(opts, { write: (line: string) => sink(humanLine(line)) });
}

/** A logger that drops everything, for tests and library callers. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

import pino from 'pino';

export type Logger = pino.Logger;

/** Logs go to stderr (fd 2) so stdout stays the command's output. */
export function createLogger(level = 'info'): Logger {
  return pino({ level, base: null, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ fd: 2, sync: true }));
}

/** A logger that drops everything, for tests and library callers. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

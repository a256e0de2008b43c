import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log/logger.ts';

/** Bolt's, the Web API client's and Socket Mode's logs, into the app's pino logger (pino filters). */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  const text = (msg: unknown[]): string =>
    msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : safeJson(m))).join(' ');
  return {
    debug: (...msg: unknown[]) => child.debug(text(msg)),
    info: (...msg: unknown[]) => child.info(text(msg)),
    // The client's per-attempt "http request failed" names no host; the adapter logs each attempt with it.
    warn: (...msg: unknown[]) => (msg[0] === 'http request failed' ? child.debug(text(msg)) : child.warn(text(msg))),
    error: (...msg: unknown[]) => child.error(text(msg)),
    // Levels are pino's business; Bolt only asks whether debug output is wanted.
    setLevel: () => {},
    getLevel: () => (child.isLevelEnabled('debug') ? LogLevel.DEBUG : LogLevel.INFO),
    setName: () => {},
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

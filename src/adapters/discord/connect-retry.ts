import type { Logger } from '../../log/logger.ts';
import { DiscordAdapterError } from './errors.ts';

/** Errors of the network, not of Discord's answer: worth another try after a pause. */
function isNetworkError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; cause?: { code?: unknown } } | null;
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : '';
  return (
    /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR_)/.test(code) ||
    /fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|socket hang up/.test(String(e?.message ?? ''))
  );
}

/** The host of the configured REST base, for messages that say where the bot could not reach. */
export function apiHost(apiUrl: string | undefined): string {
  try {
    return new URL(apiUrl ?? 'https://discord.com/api').host;
  } catch {
    return apiUrl ?? 'discord.com';
  }
}

export interface ConnectRetry {
  readonly attempts: number;
  readonly firstDelayMs: number;
  readonly host: string;
  readonly log: Logger;
}

/**
 * Runs `connect`, again after a logged pause (doubling, at most 8 s) while the network fails;
 * any other failure, or the last attempt's, ends it with one error naming the host and the fix.
 */
export async function withConnectRetry<T>(connect: () => Promise<T>, opts: ConnectRetry): Promise<T> {
  const { attempts, firstDelayMs, host, log } = opts;
  for (let attempt = 1; ; attempt++) {
    try {
      return await connect();
    } catch (err) {
      if (!isNetworkError(err)) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      if (attempt >= attempts) {
        throw new DiscordAdapterError(
          'DISCORD_LOGIN_FAILED',
          `Could not reach Discord at ${host} (discord.apiUrl / DISCORD_API_URL) after ${attempts} attempts: ${reason} — check the network, a proxy, or DISCORD_API_URL`,
          undefined,
          { cause: err },
        );
      }
      const delay = Math.min(8000, firstDelayMs * 2 ** (attempt - 1));
      log.warn(
        { host, attempt, retryInMs: delay },
        `discord: cannot reach ${host} (${reason}); retrying in ${Math.round(delay / 100) / 10} s`,
      );
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

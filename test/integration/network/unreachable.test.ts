import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../src/adapters/slack/slack-adapter.ts';
import { createDiscordAdapter } from '../../../src/adapters/discord/discord-adapter.ts';
import type { ChatHandlers } from '../../../src/chat/chat-adapter.ts';

/** A loopback port nothing listens on (bound, then closed): connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A logger as the composition root makes one per platform (a `platform` child), keeping the raw JSON lines. */
function capture(platform: string): { log: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write: (chunk: Buffer, _e, done) =>
      void (lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((l) => l !== ''),
      ),
      done()),
  });
  return { log: pino({ level: 'debug', base: null }, sink).child({ platform }), lines };
}

const handlers: ChatHandlers = {
  onCommand: () => Promise.resolve({ kind: 'notice', text: '' }),
  onMessage: () => Promise.resolve(null),
};

describe('a chat platform that cannot be reached', () => {
  it('Slack: each retry is logged naming the host, the final error names it once, no key twice in a JSON line', async () => {
    const port = await closedPort();
    const { log, lines } = capture('slack');
    const adapter = createSlackAdapter(
      {
        botToken: 'xoxb-1',
        appToken: 'xapp-1',
        mode: 'socket',
        apiUrl: `http://127.0.0.1:${port}/api/`,
        port: 0,
        host: '127.0.0.1',
        commandResponse: 'ephemeral',
      },
      log,
      { retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 } },
    );
    const error = await adapter.start(handlers).then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(error?.message).toMatch(
      new RegExp(
        `^Could not reach Slack at 127\\.0\\.0\\.1:${port} \\(slack\\.apiUrl / SLACK_API_URL\\) in socket mode: fetch failed: ECONNREFUSED`,
      ),
    );
    const retries = lines.filter((l) => l.includes('retrying'));
    expect(retries).toHaveLength(2);
    expect(retries.every((l) => l.includes(`"host":"127.0.0.1:${port}"`))).toBe(true);
    // The final error is the caller's to print: the adapter does not log it as well.
    expect(lines.some((l) => l.includes('Could not reach Slack'))).toBe(false);
    expect(lines.filter((l) => /"level":40/.test(l) && l.includes('http request failed'))).toEqual([]);
    for (const line of lines) expect(line.match(/"platform":/g)?.length ?? 0, line).toBeLessThanOrEqual(1);
    await adapter.stop();
  });

  it('Discord: retries with a doubling, logged pause, then one error naming the host', async () => {
    const port = await closedPort();
    const { log, lines } = capture('discord');
    const adapter = createDiscordAdapter(
      { token: 'abc', applicationId: '123', apiUrl: `http://127.0.0.1:${port}`, messageContent: true, ephemeral: true },
      log,
      { connectRetry: { attempts: 3, firstDelayMs: 10 } },
    );
    const error = await adapter.start(handlers).then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(error?.message).toMatch(
      new RegExp(
        `^Could not reach Discord at 127\\.0\\.0\\.1:${port} \\(discord\\.apiUrl / DISCORD_API_URL\\) after 3 attempts: .*ECONNREFUSED`,
      ),
    );
    const retries = lines.filter((l) => l.includes('retrying in'));
    expect(retries.map((l) => (JSON.parse(l) as { retryInMs: number }).retryInMs)).toEqual([10, 20]);
    expect(lines.some((l) => l.includes('Could not reach Discord'))).toBe(false);
    for (const line of lines) expect(line.match(/"platform":/g)?.length ?? 0, line).toBeLessThanOrEqual(1);
    await adapter.stop();
  });
});

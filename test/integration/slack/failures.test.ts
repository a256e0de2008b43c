import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Digest } from '../../../src/domain/types.ts';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/slack-adapter.ts';
import { SlackAdapterError } from '../../../src/adapters/slack/errors.ts';
import { FakeSlack } from './fakes/fake-slack.ts';
import { FAST_RETRY, adapterFor, recordingHandlers, slackConfig } from './fakes/setup.ts';

const DIGEST: Digest = {
  date: '2026-11-28',
  items: [
    {
      article: {
        id: 'a1',
        file: 'a1.txt',
        title: 'Steel tariffs',
        date: '2026-11-27',
        source: 'Wire',
        url: 'https://news.example/1',
        tags: [],
        body: 'x',
      },
      summary: { method: 'extractive', sentences: ['Tariffs rose.'] },
      quotes: [],
    },
  ],
  fallbacks: [],
};

/** A pino logger whose JSON lines are kept for assertions. */
function capturingLogger(): { log: pino.Logger; lines: () => Record<string, unknown>[] } {
  const out: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _enc, done) => (out.push(chunk.toString('utf8')), done()) });
  return {
    log: pino({ level: 'info' }, stream),
    lines: () =>
      out
        .flatMap((l) => l.split('\n'))
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('Slack adapter failures', () => {
  let fake: FakeSlack;
  let adapter: SlackAdapter | undefined;

  beforeEach(async () => {
    fake = await new FakeSlack().start();
  });

  afterEach(async () => {
    await adapter?.stop();
    adapter = undefined;
    await fake.close();
  });

  it('waits for Retry-After on a 429 and posts the digest exactly once', async () => {
    ({ adapter } = adapterFor(fake, 'socket'));
    fake.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const posted = await adapter.postDigest('C0DIGEST', DIGEST, { digestId: 'd-429' });
    const calls = fake.callsOf('chat.postMessage');
    expect(calls).toHaveLength(2); // the rate-limited attempt and the one after the wait
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(calls[1]?.raw).toBe(calls[0]?.raw); // the same message, retried
    expect(posted.messageIds).toEqual(['1800000001.000100']); // one message exists in Slack
  });

  it('logs a failed post with Slack’s error code and rejects with a coded error', async () => {
    const { log, lines } = capturingLogger();
    adapter = createSlackAdapter(slackConfig(fake, 'socket'), log, { retryConfig: FAST_RETRY });
    fake.script('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    const failure = await adapter.postDigest('C0GONE', DIGEST).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SlackAdapterError);
    expect(failure).toMatchObject({ code: 'SLACK_POST_FAILED', slackError: 'channel_not_found' });
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1); // Slack said no: no blind retry
    expect(lines()).toContainEqual(
      expect.objectContaining({
        level: 50,
        slackError: 'channel_not_found',
        method: 'chat.postMessage',
        channel: 'C0GONE',
      }),
    );
  });

  it('retries a server error within its retry budget', async () => {
    ({ adapter } = adapterFor(fake, 'socket'));
    fake.script('chat.postMessage', { status: 503, body: { ok: false } });
    const posted = await adapter.postDigest('C0DIGEST', DIGEST);
    expect(fake.callsOf('chat.postMessage')).toHaveLength(2);
    expect(posted.messageIds).toHaveLength(1);
  });

  it('stops start() with a clear message when the bot token is rejected', async () => {
    ({ adapter } = adapterFor(fake, 'socket', { botToken: 'xoxb-revoked' }));
    const failure = await adapter.start(recordingHandlers()).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'SLACK_AUTH_FAILED', slackError: 'invalid_auth' });
    expect(String((failure as Error).message)).toMatch(/SLACK_BOT_TOKEN.*invalid_auth/);
    expect(fake.callsOf('apps.connections.open')).toHaveLength(0);
  });

  it('stops start() with a clear message when the app token is rejected', async () => {
    ({ adapter } = adapterFor(fake, 'socket', { appToken: 'xapp-revoked' }));
    const failure = await adapter.start(recordingHandlers()).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'SLACK_AUTH_FAILED', slackError: 'invalid_auth' });
    expect(String((failure as Error).message)).toMatch(/SLACK_APP_TOKEN/);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.callsOf('apps.connections.open')).toHaveLength(1); // no reconnect loop
  });

  it('refuses to start twice and stops idempotently', async () => {
    ({ adapter } = adapterFor(fake, 'http'));
    await adapter.start(recordingHandlers());
    await expect(adapter.start(recordingHandlers())).rejects.toMatchObject({ code: 'SLACK_START_FAILED' });
    await adapter.stop();
    await adapter.stop();
  });

  it('needs a bot token', () => {
    expect(() =>
      createSlackAdapter({ ...slackConfig(fake, 'socket'), botToken: undefined } as never, pino({ level: 'silent' })),
    ).toThrow(/SLACK_BOT_TOKEN/);
  });
});

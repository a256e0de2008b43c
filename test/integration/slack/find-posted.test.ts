import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Digest } from '../../../src/domain/types.ts';
import type { PostedDigestLookup } from '../../../src/schedule/delivery.ts';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/slack-adapter.ts';
import { FIND_LOOKBACK_MS, compareTs } from '../../../src/adapters/slack/find-posted.ts';
import { FakeSlack } from './fakes/fake-slack.ts';
import { FAST_RETRY, adapterFor, slackConfig } from './fakes/setup.ts';
import { hostileItem } from './fakes/digests.ts';

/** 15 long articles: more than one message, so the digest has thread replies. */
const DIGEST: Digest = {
  date: '2026-11-28',
  items: Array.from({ length: 15 }, (_, i) => hostileItem(i + 1)),
  fallbacks: [],
};
const ID = '0123456789abcdef01234567';

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

describe('Slack findPosted (digest metadata in channel history)', () => {
  let fake: FakeSlack;
  let adapter: SlackAdapter;

  beforeEach(async () => {
    fake = await new FakeSlack().start();
    ({ adapter } = adapterFor(fake, 'socket'));
  });

  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  it('finds the first message of a digest posted with that id, and nothing for another id', async () => {
    const lookup: PostedDigestLookup = adapter;
    fake.seed('C0DIGEST', 'earlier chatter');
    const posted = await adapter.postDigest('C0DIGEST', DIGEST, { digestId: ID });
    expect(posted.messageIds.length).toBeGreaterThan(1);
    fake.seed('C0DIGEST', 'later chatter');

    const before = Date.now();
    expect(await lookup.findPosted?.('C0DIGEST', ID)).toEqual({ messageId: posted.messageId });
    const [call] = fake.callsOf('conversations.history');
    expect(call?.args).toMatchObject({ channel: 'C0DIGEST', limit: '100', include_all_metadata: 'true' });
    const oldest = Number(call?.args['oldest']) * 1000;
    expect(oldest).toBeGreaterThanOrEqual(before - FIND_LOOKBACK_MS - 1000);
    expect(oldest).toBeLessThanOrEqual(Date.now() - FIND_LOOKBACK_MS);

    expect(await adapter.findPosted('C0DIGEST', 'other')).toBeNull();
    expect(await adapter.findPosted('C0OTHER', ID)).toBeNull();
  });

  it('pages back through a busy channel and prefers the earliest of two posts with the same id', async () => {
    const first = await adapter.postDigest(
      'C0DIGEST',
      { ...DIGEST, items: DIGEST.items.slice(0, 1) },
      { digestId: ID },
    );
    await adapter.postDigest('C0DIGEST', { ...DIGEST, items: DIGEST.items.slice(0, 1) }, { digestId: ID });
    for (let i = 0; i < 150; i++) fake.seed('C0DIGEST', `message ${i}`);
    expect(await adapter.findPosted('C0DIGEST', ID)).toEqual({ messageId: first.messageId });
    expect(fake.callsOf('conversations.history')).toHaveLength(2);
    expect(fake.callsOf('conversations.history')[1]?.args['cursor']).toBe('off:100');
  });

  it('an error answer (missing scope, not in channel) is logged with Slack’s code and gives null', async () => {
    const { log, lines } = capturingLogger();
    await adapter.stop();
    adapter = createSlackAdapter(slackConfig(fake, 'socket'), log, { retryConfig: FAST_RETRY });
    await adapter.postDigest('C0DIGEST', DIGEST, { digestId: ID });
    fake.script('conversations.history', {
      body: { ok: false, error: 'missing_scope', needed: 'channels:history', provided: 'chat:write' },
    });
    expect(await adapter.findPosted('C0DIGEST', ID)).toBeNull();
    fake.script('conversations.history', { body: { ok: false, error: 'not_in_channel' } });
    expect(await adapter.findPosted('C0DIGEST', ID)).toBeNull();
    const warnings = lines().filter((l) => l['level'] === 40 && l['method'] === 'conversations.history');
    expect(warnings.map((w) => w['slackError'])).toEqual(['missing_scope', 'not_in_channel']);
    expect(String(warnings[0]?.['msg'])).toMatch(/missing_scope.*will be posted/);
  });

  it('compares Slack timestamps exactly', () => {
    expect(compareTs('1800000001.000100', '1800000001.000099')).toBeGreaterThan(0);
    expect(compareTs('1800000001.000100', '1800000002.000001')).toBeLessThan(0);
    expect(compareTs('1800000001.0001', '1800000001.000100')).toBe(0);
  });
});

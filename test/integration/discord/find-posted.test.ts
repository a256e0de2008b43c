import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/discord-adapter.ts';
import { digestNonce } from '../../../src/adapters/discord/send.ts';
import type { PostedDigestLookup } from '../../../src/schedule/delivery.ts';
import { FakeDiscord } from './fakes/fake-discord.ts';
import { captureLog, type CapturedLog } from './fakes/log.ts';
import { item, oversizedDigest, smallDigest } from './fakes/digests.ts';
import type { RecordedRequest } from './fakes/fake-rest.ts';

const noop = {
  onCommand: () => Promise.resolve({ kind: 'notice', text: '' }) as never,
  onMessage: () => Promise.resolve(null),
};
const ID = '0123456789abcdef01234567';

describe('discord findPosted (nonce on post, digest mark in the first embed footer)', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  let cap: CapturedLog;

  beforeEach(async () => {
    fake = await new FakeDiscord().start();
    cap = captureLog();
    adapter = createDiscordAdapter(fake.config(), cap.log, { registerCommands: false });
    await adapter.start(noop);
  });

  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  const posts = (): RecordedRequest[] =>
    fake.rest.requests.filter((q) => q.method === 'POST' && q.path === `/channels/${fake.channelId}/messages`);
  const fetches = (): RecordedRequest[] =>
    fake.rest.requests.filter((q) => q.method === 'GET' && q.path === `/channels/${fake.channelId}/messages`);

  it('posts with the digest id as enforced nonce and footer mark, and finds the first message by it', async () => {
    const lookup: PostedDigestLookup = adapter;
    fake.addMessage(fake.channelId, { content: 'hello' });
    const posted = await adapter.postDigest(fake.channelId, oversizedDigest(), { digestId: ID });
    fake.addMessage(fake.channelId, { content: 'later' });
    const sent = posts();
    expect(sent.length).toBeGreaterThan(1);
    expect(sent[0]?.json).toMatchObject({ nonce: ID, enforce_nonce: true });
    expect(sent[1]?.json).toMatchObject({ nonce: digestNonce(ID, 1), enforce_nonce: true });
    expect(sent.map((q) => q.json.nonce).every((n: string) => n.length <= 25)).toBe(true);
    const footer: string = sent[0]?.json.embeds[0].footer.text;
    expect(footer).toBe(`Valdoria Times · 2026-11-27 · digest ${ID}`);
    // Only the first message carries the mark.
    expect(sent.slice(1).some((q) => JSON.stringify(q.json).includes(`digest ${ID}`))).toBe(false);

    expect(await lookup.findPosted?.(fake.channelId, ID)).toEqual({ messageId: posted.messageId });
    expect(fetches()[0]?.query).toBe('limit=50');
    expect(fetches().length).toBe(Math.ceil((sent.length + 1) / 50)); // pages back until the first message
    const before = fetches().length;
    expect(await adapter.findPosted(fake.channelId, 'other')).toBeNull();
    expect(fetches().length - before).toBe(Math.min(4, Math.ceil((sent.length + 3) / 50)));
  });

  it('a repeated post of the same digest id gets Discord’s earlier messages back and keeps their thread', async () => {
    const first = await adapter.postDigest(fake.channelId, smallDigest(), { digestId: ID });
    const again = await adapter.postDigest(fake.channelId, smallDigest(), { digestId: ID });
    // A restarted process: nothing cached, the thread known from the message's HAS_THREAD flag.
    await adapter.stop();
    adapter = createDiscordAdapter(fake.config(), cap.log, { registerCommands: false });
    await adapter.start(noop);
    const restarted = await adapter.postDigest(fake.channelId, smallDigest(), { digestId: ID });
    for (const p of [again, restarted]) expect(p).toEqual(first);
    expect(first.thread.thread).toBe(first.messageId);
    expect(fake.rest.requests.filter((q) => q.path.endsWith('/threads'))).toHaveLength(1);
    expect(fake.messages.get(fake.channelId)).toHaveLength(1);
  });

  it('ignores the mark in someone else’s message; finds an empty digest by its content mark', async () => {
    fake.addMessage(fake.channelId, { content: '', embeds: [{ title: 'x', footer: { text: `digest ${ID}` } }] });
    expect(await adapter.findPosted(fake.channelId, ID)).toBeNull();
    const empty = await adapter.postDigest(
      fake.channelId,
      { date: '2026-11-28', items: [], fallbacks: [] },
      { digestId: ID },
    );
    expect(posts()[0]?.json.content).toMatch(new RegExp(`\\n-# digest ${ID}$`));
    expect(await adapter.findPosted(fake.channelId, ID)).toEqual({ messageId: empty.messageId });
  });

  it('keeps the footer within 256 characters with the mark at its end', async () => {
    const long = item(1);
    const digest = {
      date: '2026-11-28',
      items: [{ ...long, article: { ...long.article, source: 'Wire '.repeat(80) } }],
      fallbacks: [],
    };
    await adapter.postDigest(fake.channelId, digest, { digestId: ID });
    const footer: string = posts()[0]?.json.embeds[0].footer.text;
    expect(footer.length).toBeLessThanOrEqual(256);
    expect(footer.endsWith(`… · digest ${ID}`)).toBe(true);
  });

  it('no Read Message History: warns and gives null, so the scheduler posts', async () => {
    await adapter.postDigest(fake.channelId, smallDigest(), { digestId: ID });
    fake.rest.fail({
      method: 'GET',
      path: /^\/channels\/\d+\/messages$/,
      status: 403,
      body: { message: 'Missing Access', code: 50001 },
    });
    expect(await adapter.findPosted(fake.channelId, ID)).toBeNull();
    expect(cap.text(40)).toMatch(
      /could not read the recent messages of channel \d+ \(403 50001 Missing Access\).*Read Message History.*will be posted/,
    );
    expect(await adapter.findPosted('323456789012345678', ID)).toBeNull(); // unknown channel
  });
});

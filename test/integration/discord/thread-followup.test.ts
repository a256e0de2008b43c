import { afterEach, describe, expect, it } from 'vitest';
import { GatewayIntentBits } from 'discord.js';
import type { ChatHandlers, IncomingMessage } from '../../../src/chat/chat-adapter.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/discord-adapter.ts';
import { FakeDiscord, visibleText, type FakeDiscordOptions } from './fakes/fake-discord.ts';
import { captureLog, type CapturedLog } from './fakes/log.ts';
import { smallDigest } from './fakes/digests.ts';
import type { DiscordConfig } from '../../../src/config/discord-section.ts';

const CONTENT = GatewayIntentBits.MessageContent;

describe('discord digest threads', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  let cap: CapturedLog;
  let seen: IncomingMessage[];

  const handlers: ChatHandlers = {
    onCommand: (c) =>
      Promise.resolve({ kind: 'notice', text: `command ${c.text} in ${c.thread?.thread ?? 'channel'}` }),
    onMessage: (m) => {
      seen.push(m);
      return Promise.resolve({ kind: 'notice', text: `Re: ${m.text}` });
    },
  };

  async function setup(config: Partial<DiscordConfig> = {}, opts: FakeDiscordOptions = {}): Promise<void> {
    seen = [];
    fake = await new FakeDiscord(opts).start();
    cap = captureLog();
    adapter = createDiscordAdapter(fake.config(config), cap.log);
    await adapter.start(handlers);
  }

  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  /** Post the small digest; the thread channel id. */
  async function postDigest(): Promise<string> {
    const posted = await adapter.postDigest(fake.channelId, smallDigest());
    expect(posted.thread.channel).toBe(fake.channelId);
    return posted.thread.thread;
  }

  const replyIn = (channel: string, to: string) =>
    fake.rest.waitFor(
      (q) =>
        q.method === 'POST' &&
        q.path === `/channels/${channel}/messages` &&
        q.json?.message_reference?.message_id === to,
      3000,
    );

  it('starts a thread named after the digest date and answers a message in it without a mention', async () => {
    await setup();
    const threadId = await postDigest();
    const create = fake.rest.requests.find((q) => q.path.endsWith('/threads'));
    expect(create?.json.name).toBe('Trade news — 2026-11-28');
    expect(threadId).toBe(create?.path.split('/')[4]);

    const id = fake.userMessage(threadId, 'What did the ministry say?');
    const reply = await replyIn(threadId, id);
    expect(visibleText(reply.json)).toContain('Re: What did the ministry say?');
    expect(reply.json.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(seen[0]).toEqual({
      platform: 'discord',
      channel: fake.channelId,
      user: fake.human.id,
      text: 'What did the ministry say?',
      thread: { platform: 'discord', channel: fake.channelId, thread: threadId },
      mentioned: false,
    });
  });

  it('reply() posts in the digest thread, or under the digest message when there is no thread', async () => {
    await setup();
    const threadId = await postDigest();
    await adapter.reply(
      { platform: 'discord', channel: fake.channelId, thread: threadId },
      { kind: 'notice', text: 'in thread' },
    );
    expect(
      fake.rest.requests.some(
        (q) => q.path === `/channels/${threadId}/messages` && visibleText(q.json) === 'in thread',
      ),
    ).toBe(true);
    // A digest whose thread could not be started: its message id stands for the thread.
    const lone = { platform: 'discord', channel: fake.channelId, thread: '1234567890123456789' };
    await adapter.reply(lone, { kind: 'notice', text: 'under message' });
    const q = fake.rest.requests.find(
      (r) => r.path === `/channels/${fake.channelId}/messages` && visibleText(r.json) === 'under message',
    );
    expect(q?.json.message_reference?.message_id).toBe(lone.thread);
    expect(q?.json.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('answers /trade-news typed inside the thread with the thread as context', async () => {
    await setup();
    const threadId = await postDigest();
    const token = fake.slashCommand('help', undefined, threadId);
    const { answer } = await fake.interactionAnswer(token);
    expect(visibleText(answer.json)).toContain(`command help in ${threadId}`);
  });

  it('without the Message Content intent: says so once, and answers mentions only', async () => {
    await setup({ messageContent: false });
    expect((fake.gateway.identifies[0]?.intents ?? CONTENT) & CONTENT).toBe(0);
    expect(cap.lines.filter((l) => /Message Content intent/.test(l.msg))).toHaveLength(1);
    const threadId = await postDigest();
    fake.userMessage(threadId, ''); // what Discord delivers for an unmentioned message without the intent
    const id = fake.userMessage(threadId, 'what about steel?', { mention: true });
    const reply = await replyIn(threadId, id);
    expect(visibleText(reply.json)).toContain('Re: what about steel?');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.mentioned).toBe(true);
  });

  it('falls back to no Message Content intent when the app may not use it, with one clear log line', async () => {
    await setup({}, { disallowedIntents: CONTENT });
    expect(fake.gateway.identifies.map((i) => (i.intents & CONTENT) !== 0)).toEqual([true, false]);
    const lines = cap.lines.filter((l) => /Message Content intent/.test(l.msg));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.msg).toMatch(/Privileged Gateway Intents.*mentions and \/trade-news/);
  });

  it('resumes after a dropped gateway connection and keeps answering', async () => {
    await setup();
    const threadId = await postDigest();
    fake.gateway.drop(4000);
    for (let i = 0; i < 100 && fake.gateway.resumes.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(fake.gateway.resumes[0]?.session_id).toBe('fake-session');
    const id = fake.userMessage(threadId, 'still there?');
    await replyIn(threadId, id);
    expect(fake.gateway.identifies).toHaveLength(1);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatHandlers, IncomingCommand } from '../../../src/chat/chat-adapter.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/discord-adapter.ts';
import { FakeDiscord, visibleText } from './fakes/fake-discord.ts';
import { captureLog } from './fakes/log.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('discord /trade-news', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  let seen: IncomingCommand[];
  let delayMs: number;

  const handlers: ChatHandlers = {
    onCommand: async (c) => {
      seen.push(c);
      await sleep(delayMs);
      return { kind: 'notice', text: `answer to “${c.text}” @everyone` };
    },
    onMessage: () => Promise.resolve(null),
  };

  beforeEach(async () => {
    seen = [];
    delayMs = 0;
    fake = await new FakeDiscord().start();
    adapter = createDiscordAdapter(fake.config(), captureLog().log);
    await adapter.start(handlers);
  });

  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  it('answers a quick command with one ephemeral reply inside 3 s, mentions off', async () => {
    const sent = Date.now();
    const token = fake.slashCommand('search', { name: 'terms', value: 'steel tariffs' });
    const { callback, answer } = await fake.interactionAnswer(token);
    expect(callback.at - sent).toBeLessThan(3000);
    expect(callback.json.type).toBe(4);
    expect(answer.json.data.flags & 64).toBe(64);
    expect(answer.json.data.allowed_mentions).toMatchObject({ parse: [] });
    expect(visibleText(answer.json)).toContain('answer to “search steel tariffs” @\u200beveryone');
    expect(seen[0]).toMatchObject({
      platform: 'discord',
      channel: fake.channelId,
      user: fake.human.id,
      text: 'search steel tariffs',
    });
  });

  it('defers a slow answer within 3 s, then edits the reply with it', async () => {
    delayMs = 2600;
    const sent = Date.now();
    const token = fake.slashCommand('ask', { name: 'question', value: 'What did Abe say?' });
    const { callback, answer } = await fake.interactionAnswer(token);
    expect(callback.at - sent).toBeLessThan(3000);
    expect(callback.json).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(answer.method).toBe('PATCH');
    expect(answer.at - sent).toBeGreaterThanOrEqual(2500);
    expect(answer.json.allowed_mentions).toMatchObject({ parse: [] });
    expect(visibleText(answer.json)).toContain('What did Abe say?');
  });

  it('maps each subcommand onto the chat grammar', async () => {
    for (const [sub, option] of [
      ['latest'],
      ['help'],
      ['ask', { name: 'question', value: 'Who raised tariffs?' }],
    ] as const) {
      const token = fake.slashCommand(sub, option);
      await fake.interactionAnswer(token);
    }
    expect(seen.map((c) => c.text)).toEqual(['', 'help', 'Who raised tariffs?']);
  });

  it('tells the user when the handler fails, still within 3 s', async () => {
    const failing = createDiscordAdapter(fake.config(), captureLog().log, { registerCommands: false });
    await adapter.stop();
    await failing.start({ onCommand: () => Promise.reject(new Error('boom')), onMessage: () => Promise.resolve(null) });
    adapter = failing;
    const token = fake.slashCommand('help');
    const { answer } = await fake.interactionAnswer(token);
    expect(visibleText(answer.json)).toMatch(/something went wrong/i);
    expect(visibleText(answer.json)).not.toContain('boom');
  });
});

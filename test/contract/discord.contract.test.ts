import type { ThreadRef } from '../../src/domain/thread-ref.ts';
import { createDiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { FakeDiscord, visibleText } from '../integration/discord/fakes/fake-discord.ts';
import { chatAdapterContract } from './chat-adapter-contract.ts';

/** How long a message the bot never sees (dropped before the handler) is waited on. */
const UNSEEN_MS = 3000;

/** `/trade-news <text>` as a Discord user types it: the subcommand and option the text stands for. */
function asSubcommand(text: string): [string, { name: string; value: string }?] {
  const t = text.trim();
  const [head = '', ...rest] = t.split(/\s+/);
  if (t === '') return ['latest'];
  if (head.toLowerCase() === 'help') return ['help'];
  if (head.toLowerCase() === 'search') return ['search', { name: 'terms', value: rest.join(' ') }];
  return ['ask', { name: 'question', value: t }];
}

chatAdapterContract('discord', async (bot) => {
  const fake = await new FakeDiscord().start();
  const adapter = createDiscordAdapter(fake.config(), silentLogger());
  // Instrumented handlers: a test learns that a message was handled (and whether the bot
  // had anything to say) without guessing with a timer; the reply itself is read from the fake.
  const handled = new Map<string, (answered: boolean) => void>();
  await adapter.start({
    onCommand: (c) => bot.handlers.onCommand(c),
    onMessage: async (m) => {
      const reply = await bot.handlers.onMessage(m);
      handled.get(m.text)?.(reply !== null);
      return reply;
    },
  });
  const known = new Map<string, string>();

  /** The fake thread channel standing for `thread`: the real one, or another thread in the same channel. */
  const channelFor = (thread: ThreadRef): string => {
    if (fake.channels.has(thread.thread)) return thread.thread;
    const id = known.get(thread.thread) ?? fake.addThread(thread.channel);
    known.set(thread.thread, id);
    return id;
  };

  return {
    adapter,
    channel: fake.channelId,
    command: async (text, thread) => {
      const [sub, option] = asSubcommand(text);
      const token = fake.slashCommand(sub, option, thread ? channelFor(thread) : fake.channelId);
      const { answer } = await fake.interactionAnswer(token);
      await new Promise((r) => setTimeout(r, 20));
      const followUps = fake.rest.requests.filter((q) => q.method === 'POST' && q.path.endsWith(`/${token}`));
      return [answer, ...followUps].map((q) => visibleText(q.json)).join('\n');
    },
    threadMessage: async (thread, text) => {
      const channel = channelFor(thread);
      await new Promise((r) => setTimeout(r, 20)); // let a THREAD_CREATE for a new thread land first
      const answered = new Promise<boolean>((resolve) => {
        handled.set(text, resolve);
        setTimeout(() => resolve(false), UNSEEN_MS);
      });
      const id = fake.userMessage(channel, text);
      if (!(await answered)) return null;
      const isReply = (q: { method: string; path: string; json: any }): boolean =>
        q.method === 'POST' &&
        q.path === `/channels/${channel}/messages` &&
        q.json?.message_reference?.message_id === id;
      return visibleText((await fake.rest.waitFor(isReply, 5000)).json);
    },
    outbound: () => fake.outbound().map((q) => q.body),
    close: async () => {
      await adapter.stop();
      await fake.close();
    },
  };
});

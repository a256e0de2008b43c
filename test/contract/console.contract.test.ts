import { PassThrough } from 'node:stream';
import type { ThreadRef } from '../../src/domain/thread-ref.ts';
import { ConsoleAdapter } from '../../src/adapters/console/console-adapter.ts';
import { chatAdapterContract } from './chat-adapter-contract.ts';

chatAdapterContract('console', async (bot) => {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const adapter = new ConsoleAdapter({ input, output, interactive: false });
  await adapter.start(bot.handlers);
  /** Type a line and collect what the console prints for it. */
  const type = async (line: string): Promise<string> => {
    const before = chunks.length;
    input.write(`${line}\n`);
    for (let i = 0; i < 100 && chunks.length === before; i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 10));
    return chunks.slice(before).join('');
  };
  return {
    adapter,
    channel: 'console',
    command: (text) => type(`/trade-news ${text}`),
    threadMessage: async (thread: ThreadRef, text) => {
      // The console follows the latest digest's thread; another thread is another console.
      const current = adapter.currentThread;
      if (current.thread !== thread.thread) {
        const reply = await bot.handlers.onMessage({
          platform: 'console',
          channel: thread.channel,
          user: 'you',
          text,
          thread,
          mentioned: false,
        });
        return reply === null ? null : 'reply';
      }
      const out = await type(text);
      return out === '' ? null : out;
    },
    outbound: () => [chunks.join('')],
    close: () => adapter.stop(),
  };
});

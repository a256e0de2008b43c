import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Digest } from '../../domain/types.ts';
import type { ThreadRef } from '../../domain/thread-ref.ts';
import type { BotReply } from '../../bot/replies.ts';
import { replyToText } from '../../bot/render-reply.ts';
import { COMMAND_NAME } from '../../bot/command-grammar.ts';
import { terminalText } from '../../digest/sink-filters.ts';
import type { ChatAdapter, ChatHandlers, PostedDigest } from '../chat-adapter.ts';

export interface ConsoleAdapterOptions {
  readonly input: Readable;
  readonly output: Writable;
  /** Show a prompt and keep going after errors (a terminal); otherwise answer lines until end of input. */
  readonly interactive: boolean;
  readonly channel?: string;
  readonly user?: string;
}

/**
 * The embedded default chat: the digest is printed to the terminal and every line typed
 * is either a `/trade-news` command or a follow-up in the latest digest's thread.
 * Lines are handled one at a time, in order; `finished` resolves at end of input.
 */
export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console';
  readonly channel: string;
  private readonly user: string;
  private thread: ThreadRef;
  private posted = 0;
  private rl: ReturnType<typeof createInterface> | undefined;
  private resolveFinished: () => void = () => {};
  /** Resolves when the input ends (or `stop()` is called). */
  readonly finished: Promise<void>;

  constructor(private readonly opts: ConsoleAdapterOptions) {
    this.channel = opts.channel ?? 'console';
    this.user = opts.user ?? 'you';
    this.thread = { platform: this.platform, channel: this.channel, thread: 'main' };
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve));
  }

  /** The thread typed lines go to: the latest digest's. */
  get currentThread(): ThreadRef {
    return this.thread;
  }

  start(handlers: ChatHandlers): Promise<void> {
    const rl = createInterface({ input: this.opts.input, terminal: false, crlfDelay: Infinity });
    this.rl = rl;
    const prompt = (): void => {
      if (this.opts.interactive) this.opts.output.write('> ');
    };
    // Serialize line handling so piped input is answered in order.
    let queue = Promise.resolve();
    rl.on('line', (line) => {
      queue = queue.then(() => this.handleLine(line, handlers)).then(prompt);
    });
    rl.on('close', () => {
      void queue.then(() => this.resolveFinished());
    });
    prompt();
    return Promise.resolve();
  }

  private async handleLine(raw: string, handlers: ChatHandlers): Promise<void> {
    const line = raw.trim();
    if (line === '') return;
    try {
      if (line.toLowerCase().startsWith(COMMAND_NAME)) {
        const text = line.slice(COMMAND_NAME.length);
        this.write(await handlers.onCommand({ platform: this.platform, channel: this.channel, user: this.user, text, thread: this.thread }));
        return;
      }
      const reply = await handlers.onMessage({
        platform: this.platform,
        channel: this.channel,
        user: this.user,
        text: line,
        thread: this.thread,
        mentioned: true,
      });
      if (reply) this.write(reply);
    } catch (err) {
      this.opts.output.write(terminalText(`Something went wrong: ${err instanceof Error ? err.message : String(err)}\n`));
    }
  }

  private write(reply: BotReply): void {
    this.opts.output.write(`${terminalText(replyToText(reply))}\n\n`);
  }

  stop(): Promise<void> {
    this.rl?.close();
    this.resolveFinished();
    return Promise.resolve();
  }

  postDigest(channel: string, digest: Digest, opts?: { readonly digestId?: string }): Promise<PostedDigest> {
    this.posted += 1;
    const messageId = opts?.digestId ?? `digest-${this.posted}`;
    this.thread = { platform: this.platform, channel, thread: messageId };
    this.write({ kind: 'digest', digest });
    if (this.opts.interactive) this.opts.output.write('Type /trade-news help, or ask a question about these articles.\n');
    return Promise.resolve({ messageId, messageIds: [messageId], thread: this.thread });
  }

  reply(_thread: ThreadRef, reply: BotReply): Promise<void> {
    this.write(reply);
    return Promise.resolve();
  }
}

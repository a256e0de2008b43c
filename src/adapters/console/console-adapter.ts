import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Digest } from '../../domain/types.ts';
import type { ThreadRef } from '../../domain/thread-ref.ts';
import type { BotReply } from '../../chat/replies.ts';
import { replyToText } from '../../bot/render-reply.ts';
import { COMMAND_NAME, LEAVE_WORDS, parseCommand } from '../../bot/command-grammar.ts';
import { terminalText } from '../../digest/sink-filters.ts';
import type { ChatAdapter, ChatHandlers, PostedDigest } from '../../chat/chat-adapter.ts';

export interface ConsoleAdapterOptions {
  readonly input: Readable;
  readonly output: Writable;
  /** Where log lines go (default: `output`); in a terminal they are printed above the prompt. */
  readonly logOutput?: Writable;
  /**
   * A terminal: line editing and history, a prompt, Ctrl-L clears the screen, Ctrl-C/Ctrl-D
   * end the session. Otherwise lines are answered until end of input.
   */
  readonly interactive: boolean;
  readonly channel?: string;
  readonly user?: string;
}

const PROMPT = '> ';
/** Control characters a terminal may send inside a line when readline is not editing it (e.g. ^L from a pipe). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * The embedded default chat: the digest is printed to the terminal and every line typed is
 * a command (with or without the `/trade-news` prefix) or a follow-up in the latest digest's
 * thread. Lines are handled one at a time, in order; `finished` resolves at end of input,
 * on `exit`/`quit`, Ctrl-D or Ctrl-C.
 */
export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console';
  readonly channel: string;
  private readonly user: string;
  private thread: ThreadRef;
  private posted = 0;
  private rl: Interface | undefined;
  /** A prompt is on screen, waiting for a line (log lines must then go above it). */
  private prompting = false;
  /** `exit`/`stop()`: lines already read after it are not answered. */
  private ended = false;
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

  /**
   * A log line's sink: printed above the prompt (the prompt and the half-typed line are
   * redrawn under it), never into the middle of it.
   */
  readonly log = (text: string): void => {
    const out = this.opts.logOutput ?? this.opts.output;
    if (!this.prompting || this.rl === undefined) {
      out.write(text);
      return;
    }
    this.opts.output.write('\r\u001b[2K');
    out.write(text);
    this.rl.prompt(true);
  };

  start(handlers: ChatHandlers): Promise<void> {
    const interactive = this.opts.interactive;
    const rl = createInterface({
      input: this.opts.input,
      ...(interactive
        ? { output: this.opts.output, terminal: true, prompt: PROMPT, historySize: 100 }
        : { terminal: false }),
      crlfDelay: Infinity,
    });
    this.rl = rl;
    const prompt = (): void => {
      if (!interactive || this.rl === undefined || this.ended) return;
      this.prompting = true;
      rl.prompt();
    };
    // Serialize line handling so piped input is answered in order.
    let queue = Promise.resolve();
    rl.on('line', (line) => {
      this.prompting = false;
      queue = queue.then(() => this.handleLine(line, handlers)).then(prompt);
    });
    rl.on('SIGINT', () => void this.stop());
    rl.on('close', () => {
      this.prompting = false;
      if (interactive) this.opts.output.write('\n');
      void queue.then(() => this.resolveFinished());
    });
    prompt();
    return Promise.resolve();
  }

  private async handleLine(raw: string, handlers: ChatHandlers): Promise<void> {
    const line = raw.replace(CONTROL, '').trim();
    if (line === '' || this.ended) return;
    if (LEAVE_WORDS.has(line.toLowerCase())) {
      void this.stop();
      return;
    }
    const base = { platform: this.platform, channel: this.channel, user: this.user, thread: this.thread };
    try {
      const prefixed = line.toLowerCase().startsWith(COMMAND_NAME);
      // A command typed without the prefix (`help`, `search tariffs`, `post`, a mistyped one) is a command too.
      if (prefixed || parseCommand(line).kind !== 'ask') {
        this.write(await handlers.onCommand({ ...base, text: prefixed ? line.slice(COMMAND_NAME.length) : line }));
        return;
      }
      const reply = await handlers.onMessage({ ...base, text: line, mentioned: true });
      if (reply) this.write(reply);
    } catch (err) {
      this.opts.output.write(
        terminalText(`Something went wrong: ${err instanceof Error ? err.message : String(err)}\n`),
      );
    }
  }

  private write(reply: BotReply): void {
    this.opts.output.write(`${terminalText(replyToText(reply))}\n\n`);
  }

  stop(): Promise<void> {
    this.ended = true;
    const rl = this.rl;
    this.rl = undefined;
    this.prompting = false;
    rl?.close();
    this.resolveFinished();
    return Promise.resolve();
  }

  postDigest(channel: string, digest: Digest, opts?: { readonly digestId?: string }): Promise<PostedDigest> {
    this.posted += 1;
    const messageId = opts?.digestId ?? `digest-${this.posted}`;
    this.thread = { platform: this.platform, channel, thread: messageId };
    const redraw = this.prompting;
    if (redraw) this.opts.output.write('\r\u001b[2K');
    this.write({ kind: 'digest', digest });
    const n = digest.items.length;
    this.opts.output.write(
      `You are in this digest’s thread: what you type next is a follow-up about ${n === 1 ? 'this article' : `these ${n} articles`}. ` +
        'Type help for commands, exit to leave.\n\n',
    );
    if (redraw) this.rl?.prompt(true);
    return Promise.resolve({ messageId, messageIds: [messageId], thread: this.thread });
  }

  reply(_thread: ThreadRef, reply: BotReply): Promise<void> {
    this.write(reply);
    return Promise.resolve();
  }
}

import type { Digest } from '../domain/types.ts';
import type { ThreadRef } from '../domain/thread-ref.ts';
import type { BotReply } from './replies.ts';

/**
 * The seam between the platform-neutral bot and a chat platform (console, Slack, Discord).
 * An adapter turns platform events into `ChatHandlers` calls and renders `BotReply`
 * values within its platform's limits. Capabilities a platform may lack are optional
 * members; callers use them when present and fall back otherwise.
 */

/** A `/trade-news` invocation. `text` is what follows the command name. */
export interface IncomingCommand {
  readonly platform: string;
  readonly channel: string;
  readonly user: string;
  readonly text: string;
  /** Set when the command was typed inside a thread (e.g. a Discord digest thread). */
  readonly thread?: ThreadRef;
}

/** A message posted in a thread, or anywhere with a mention of the bot. */
export interface IncomingMessage {
  readonly platform: string;
  readonly channel: string;
  readonly user: string;
  readonly text: string;
  /** The thread it was posted in; for a top-level mention, the thread a reply should start. */
  readonly thread: ThreadRef;
  /** The bot was mentioned explicitly. */
  readonly mentioned: boolean;
}

export interface ChatHandlers {
  /** Always resolves to something to show (help on bad input). */
  onCommand(command: IncomingCommand): Promise<BotReply>;
  /** `null`: not for the bot (e.g. a thread that is not a digest's, without a mention). */
  onMessage(message: IncomingMessage): Promise<BotReply | null>;
}

/** Where a posted digest lives: its first message and the thread follow-ups go to. */
export interface PostedDigest {
  /** Platform id of the digest's first message. */
  readonly messageId: string;
  /** All message ids, when the digest needed more than one message. */
  readonly messageIds: readonly string[];
  readonly thread: ThreadRef;
}

export interface ChatAdapter {
  readonly platform: string;
  /** Connect and start delivering events to `handlers`. Rejects with a clear error on bad credentials. */
  start(handlers: ChatHandlers): Promise<void>;
  /** Disconnect; idempotent. */
  stop(): Promise<void>;
  /** Post a digest to a channel. Rejects (after the platform's retries) when it could not be posted. */
  postDigest(channel: string, digest: Digest, opts?: { readonly digestId?: string }): Promise<PostedDigest>;
  /** Post a reply in a thread. */
  reply(thread: ThreadRef, reply: BotReply): Promise<void>;
  /** Optional: a reply only `user` sees. Fallback: `reply` in the thread. */
  replyEphemeral?(thread: ThreadRef, user: string, reply: BotReply): Promise<void>;
}

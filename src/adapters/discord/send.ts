import type { BaseMessageOptions, Message, MessageMentionOptions, SendableChannels } from 'discord.js';
import { assertWithinLimits, type OutboundMessage } from './limits.ts';

/** Never ping: no @everyone/@here, no user or role mention, not even the author of a replied-to message. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };

/**
 * The one place an outbound message becomes a discord.js payload: its limits are checked
 * here (a violation throws before anything is sent) and mentions are always off.
 */
export function toPayload(m: OutboundMessage): BaseMessageOptions & { allowedMentions: MessageMentionOptions } {
  assertWithinLimits(m);
  return {
    ...(m.content !== undefined && m.content !== '' ? { content: m.content } : {}),
    embeds: m.embeds,
    allowedMentions: NO_MENTIONS,
  };
}

/** Discord's nonce limit: an integer or a string of at most 25 characters. */
const NONCE_MAX = 25;

/**
 * The nonce of message `i` of the digest `digestId`: the id itself for the first message,
 * `<first 22 characters>.<i>` for the rest; none when that would not fit 25 characters.
 */
export function digestNonce(digestId: string, i: number): string | undefined {
  const nonce = i === 0 ? digestId : `${digestId.slice(0, NONCE_MAX - 1 - String(i).length)}.${i}`;
  return digestId.length <= NONCE_MAX && nonce.length <= NONCE_MAX ? nonce : undefined;
}

export interface SendOptions {
  /** The first message replies to this message (no ping). */
  readonly replyTo?: string;
  /**
   * Sent with `nonce` (digestNonce) and `enforce_nonce`: Discord answers a repeat of the same
   * nonce from the bot within a few minutes with the message already created, not a new one.
   */
  readonly digestId?: string;
}

/** Send messages in order to a channel. */
export async function sendAll(
  channel: SendableChannels,
  messages: readonly OutboundMessage[],
  opts: SendOptions = {},
): Promise<Message[]> {
  const sent: Message[] = [];
  for (const [i, m] of messages.entries()) {
    const payload = toPayload(m);
    const reply =
      i === 0 && opts.replyTo !== undefined
        ? { reply: { messageReference: opts.replyTo, failIfNotExists: false } }
        : {};
    const nonce = opts.digestId === undefined ? undefined : digestNonce(opts.digestId, i);
    sent.push(
      await channel.send({ ...payload, ...reply, ...(nonce === undefined ? {} : { nonce, enforceNonce: true }) }),
    );
  }
  return sent;
}

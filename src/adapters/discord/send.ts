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

/** Send messages in order to a channel; the first optionally as a reply to `replyTo` (no ping). */
export async function sendAll(channel: SendableChannels, messages: readonly OutboundMessage[], replyTo?: string): Promise<Message[]> {
  const sent: Message[] = [];
  for (const [i, m] of messages.entries()) {
    const payload = toPayload(m);
    const reply = i === 0 && replyTo !== undefined ? { reply: { messageReference: replyTo, failIfNotExists: false } } : {};
    sent.push(await channel.send({ ...payload, ...reply }));
  }
  return sent;
}

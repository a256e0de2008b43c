import type { Message } from 'discord.js';
import type { ChatHandlers, IncomingMessage } from '../../chat/chat-adapter.ts';
import type { Logger } from '../../log/logger.ts';
import { renderReply } from './render-replies.ts';
import { sendAll } from './send.ts';
import { isPermissionError } from './errors.ts';

/**
 * A message the bot may answer: anything in a thread (the core decides whether the thread
 * is a digest's), or a mention anywhere. In a thread the reference is
 * {channel: parent channel, thread: thread channel}; for a top-level mention it is the
 * message itself, as Discord gives a thread started on a message that message's id.
 */
export function incomingMessage(message: Message, botId: string, platform: string): IncomingMessage | null {
  if (message.author.bot || message.webhookId !== null || message.system) return null;
  const mentioned = message.mentions.users.has(botId);
  const ch = message.channel;
  const inThread = ch.isThread();
  if (!inThread && !mentioned) return null;
  // Without the Message Content intent, content is empty unless the bot was mentioned.
  const text = message.content
    .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '' && !mentioned) return null;
  const channel = inThread ? (ch.parentId ?? ch.id) : ch.id;
  const thread = { platform, channel, thread: inThread ? ch.id : message.id };
  return { platform, channel, user: message.author.id, text, thread, mentioned };
}

/** Answer one message in the channel or thread it was written in, as a reply to it (no ping). */
export async function handleMessage(
  message: Message,
  botId: string,
  handlers: ChatHandlers,
  platform: string,
  log: Logger,
): Promise<void> {
  const incoming = incomingMessage(message, botId, platform);
  if (incoming === null) return;
  try {
    const reply = await handlers.onMessage(incoming);
    if (reply === null) return;
    if (!message.channel.isSendable()) return;
    await sendAll(message.channel, renderReply(reply), { replyTo: message.id });
  } catch (err) {
    if (isPermissionError(err)) {
      log.error(
        { channel: incoming.channel, thread: incoming.thread.thread, code: err.code },
        `discord: cannot reply in thread ${incoming.thread.thread} of channel ${incoming.channel}: missing permission Send Messages in Threads / Embed Links (${err.code} ${err.message})`,
      );
      return;
    }
    log.error(
      { err, channel: incoming.channel, thread: incoming.thread.thread },
      'discord: could not answer a message',
    );
  }
}

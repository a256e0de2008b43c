import { DiscordAPIError, type Client, type Message } from 'discord.js';
import type { Logger } from '../../log/logger.ts';
import { isPermissionError } from './errors.ts';
import { carriesDigestMark } from './render-embeds.ts';

/** Messages per GET /channels/:id/messages (Discord allows 100), and at most this many pages back. */
export const FIND_FETCH_LIMIT = 50;
export const FIND_MAX_PAGES = 4;

/** The bot's message carries the digest's mark: its first embed's footer, or its content (see digestMark). */
export function isDigestMessage(message: Message, botId: string, digestId: string): boolean {
  if (message.author.id !== botId) return false;
  return carriesDigestMark(message.embeds[0]?.footer?.text, digestId) || carriesDigestMark(message.content, digestId);
}

/**
 * A digest the bot posted earlier in `channelId`, found among the channel's recent messages
 * (GET /channels/:id/messages, FIND_FETCH_LIMIT at a time, newest first, paging back with
 * `before` at most FIND_MAX_PAGES times — a long digest's continuation messages are in the
 * channel too) by the mark its first message carries; of several (a digest posted twice)
 * the oldest on the page where one is found. A nonce is no help here: Discord
 * returns it only to the sender's create call and gateway event, never in a fetch.
 *
 * Any failure (no Read Message History / View Channel, unknown channel, Discord down) is
 * logged as a warning and gives null: the caller then posts, at worst once more.
 */
export async function findPostedDigest(
  client: Client,
  log: Logger,
  channelId: string,
  digestId: string,
): Promise<{ readonly messageId: string } | null> {
  try {
    const channel = client.channels.cache.get(channelId) ?? (await client.channels.fetch(channelId));
    if (!channel?.isTextBased()) {
      log.warn(
        { channel: channelId, digestId },
        `discord: channel ${channelId} is not a text channel — cannot tell whether digest ${digestId} was already posted; it will be posted`,
      );
      return null;
    }
    const botId = client.user?.id;
    if (botId === undefined) return null;
    let found: Message | undefined;
    let before: string | undefined;
    for (let page = 0; page < FIND_MAX_PAGES && found === undefined; page++) {
      const messages = await channel.messages.fetch({
        limit: FIND_FETCH_LIMIT,
        cache: false,
        ...(before === undefined ? {} : { before }),
      });
      for (const m of messages.values()) {
        if (isDigestMessage(m, botId, digestId) && (found === undefined || BigInt(m.id) < BigInt(found.id))) found = m;
        if (before === undefined || BigInt(m.id) < BigInt(before)) before = m.id;
      }
      if (messages.size < FIND_FETCH_LIMIT) break;
    }
    return found === undefined ? null : { messageId: found.id };
  } catch (err) {
    const code =
      err instanceof DiscordAPIError
        ? `${err.status} ${String(err.code)} ${err.message}`
        : err instanceof Error
          ? err.message
          : String(err);
    const hint = isPermissionError(err) ? ' — grant the bot View Channel and Read Message History there' : '';
    log.warn(
      { channel: channelId, digestId, code: err instanceof DiscordAPIError ? err.code : undefined },
      `discord: could not read the recent messages of channel ${channelId} (${code})${hint}: cannot tell whether digest ${digestId} was already posted; it will be posted`,
    );
    return null;
  }
}

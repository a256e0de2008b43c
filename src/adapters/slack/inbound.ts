import type { IncomingCommand, IncomingMessage } from '../../chat/chat-adapter.ts';
import { fromSlackText } from './mrkdwn.ts';

export const PLATFORM = 'slack';

/** The fields of a Slack `message` / `app_mention` event this adapter reads. */
interface SlackEventFields {
  type?: unknown;
  subtype?: unknown;
  channel?: unknown;
  user?: unknown;
  text?: unknown;
  ts?: unknown;
  thread_ts?: unknown;
  bot_id?: unknown;
  bot_profile?: unknown;
  edited?: unknown;
}

/** Subtypes that are still a person writing; every other subtype (edits, deletions, joins, bots…) is ignored. */
const PERSON_SUBTYPES = new Set(['thread_broadcast']);

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function fromPerson(
  ev: SlackEventFields,
  botUserId: string | undefined,
): { channel: string; user: string; ts: string } | null {
  if (ev.subtype !== undefined && !(typeof ev.subtype === 'string' && PERSON_SUBTYPES.has(ev.subtype))) return null;
  if (ev.bot_id !== undefined || ev.bot_profile !== undefined) return null;
  const channel = str(ev.channel);
  const user = str(ev.user);
  const ts = str(ev.ts);
  if (!channel || !user || !ts || user === botUserId) return null;
  return { channel, user, ts };
}

/**
 * A `message` event that is a person's reply in some thread, without a mention of the bot
 * (a message with the mention also arrives as `app_mention`, which answers it). Whether the
 * thread is a digest's is the core's decision (`onMessage` returns null otherwise).
 */
export function threadMessageFrom(event: unknown, botUserId: string | undefined): IncomingMessage | null {
  if (typeof event !== 'object' || event === null) return null;
  const ev = event as SlackEventFields;
  if (ev.type !== 'message') return null;
  const who = fromPerson(ev, botUserId);
  const threadTs = str(ev.thread_ts);
  const text = typeof ev.text === 'string' ? ev.text : '';
  if (!who || !threadTs || threadTs === who.ts) return null;
  if (botUserId && text.includes(`<@${botUserId}`)) return null;
  return {
    platform: PLATFORM,
    channel: who.channel,
    user: who.user,
    text: fromSlackText(text, botUserId),
    thread: { platform: PLATFORM, channel: who.channel, thread: threadTs },
    mentioned: false,
  };
}

/** An `app_mention` anywhere: answered in its thread, or in a new thread under the message. */
export function mentionFrom(event: unknown, botUserId: string | undefined): IncomingMessage | null {
  if (typeof event !== 'object' || event === null) return null;
  const ev = event as SlackEventFields;
  if (ev.type !== 'app_mention' || ev.edited !== undefined) return null;
  const who = fromPerson(ev, botUserId);
  if (!who) return null;
  const thread = str(ev.thread_ts) ?? who.ts;
  return {
    platform: PLATFORM,
    channel: who.channel,
    user: who.user,
    text: fromSlackText(typeof ev.text === 'string' ? ev.text : '', botUserId),
    thread: { platform: PLATFORM, channel: who.channel, thread },
    mentioned: true,
  };
}

/** A slash-command payload (`/trade-news …`). Slash commands cannot be typed in threads, so no thread. */
export function commandFrom(body: { channel_id?: unknown; user_id?: unknown; text?: unknown }): IncomingCommand {
  return {
    platform: PLATFORM,
    channel: str(body.channel_id) ?? 'unknown',
    user: str(body.user_id) ?? 'unknown',
    text: fromSlackText(typeof body.text === 'string' ? body.text : ''),
  };
}

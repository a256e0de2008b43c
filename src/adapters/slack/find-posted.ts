import type { webApi } from '@slack/bolt';
import type { Logger } from '../../log/logger.ts';
import { slackErrorCode } from './errors.ts';
import { DIGEST_EVENT_TYPE } from './slack-post.ts';

/** How far back a digest is looked for: a run interrupted longer ago is posted again. */
export const FIND_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;
/** Messages per conversations.history page, and at most this many pages (newest first). */
export const FIND_PAGE_SIZE = 100;
export const FIND_MAX_PAGES = 3;

/** Slack `ts` values (`seconds.micros`) compared exactly, without float rounding. */
export function compareTs(a: string, b: string): number {
  const [as = '0', af = ''] = a.split('.');
  const [bs = '0', bf = ''] = b.split('.');
  const d = Number(as) - Number(bs);
  return d !== 0 ? d : af.padEnd(6, '0').localeCompare(bf.padEnd(6, '0'));
}

/**
 * A digest the bot posted earlier, found by the `metadata` every digest message carries
 * ({event_type: 'trade_news_digest', event_payload: {digest_id}}, see slack-post.ts):
 * conversations.history of the last 7 days with `include_all_metadata`, at most
 * FIND_MAX_PAGES pages of FIND_PAGE_SIZE messages. History lists thread parents (thread
 * replies only when broadcast), so a match's `thread_ts ?? ts` is the digest's first message;
 * of several matches (a digest posted twice) the earliest wins. `channel` must be a channel id.
 *
 * Any failure (missing channels:history / groups:history scope, `not_in_channel`, a name
 * instead of an id, Slack down) is logged as a warning with Slack's code and gives null:
 * the caller then posts the digest, at worst once more.
 */
export async function findPostedDigest(
  client: webApi.WebClient,
  log: Logger,
  channel: string,
  digestId: string,
  now = Date.now(),
): Promise<{ readonly messageId: string } | null> {
  const oldest = ((now - FIND_LOOKBACK_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  let found: string | undefined;
  try {
    for (let page = 0; page < FIND_MAX_PAGES && found === undefined; page++) {
      const res = await client.conversations.history({
        channel,
        limit: FIND_PAGE_SIZE,
        oldest,
        include_all_metadata: true,
        ...(cursor === undefined ? {} : { cursor }),
      });
      for (const m of res.messages ?? []) {
        const payload = m.metadata?.event_payload as Record<string, unknown> | undefined;
        if (m.metadata?.event_type !== DIGEST_EVENT_TYPE || payload?.['digest_id'] !== digestId) continue;
        const first = m.thread_ts ?? m.ts;
        if (first !== undefined && (found === undefined || compareTs(first, found) < 0)) found = first;
      }
      cursor = res.response_metadata?.next_cursor || undefined;
      if (res.has_more !== true || cursor === undefined) break;
    }
  } catch (err) {
    const code = slackErrorCode(err);
    log.warn(
      { method: 'conversations.history', channel, digestId, slackError: code },
      `Slack conversations.history failed (${code}): cannot tell whether digest ${digestId} was already posted to ${channel} — it will be posted` +
        ' (the bot needs channels:history / groups:history and to be a member of the channel)',
    );
    return null;
  }
  return found === undefined ? null : { messageId: found };
}

import { parseThread } from '../domain/thread-ref.ts';
import type { DigestRecord } from '../domain/state-store.ts';

/** A `digests` row as both SQL backends store it, with `article_ids` already decoded. */
export interface DigestRow {
  id: string;
  platform: string;
  channel: string;
  message_id: string;
  thread: string;
  article_ids: string[];
  date: string;
  posted_at: string;
}

/** The record of a stored row; an unreadable thread column falls back to the digest's own message. */
export function toDigestRecord(row: DigestRow): DigestRecord {
  const thread = parseThread(row.thread) ?? { platform: row.platform, channel: row.channel, thread: row.message_id };
  return {
    id: row.id,
    platform: row.platform,
    channel: row.channel,
    messageId: row.message_id,
    thread,
    articleIds: row.article_ids,
    date: row.date,
    postedAt: row.posted_at,
  };
}

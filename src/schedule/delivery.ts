import { createHash } from 'node:crypto';
import type { ChatAdapter } from '../chat/chat-adapter.ts';
import type { DigestTarget } from './targets.ts';

/**
 * The scheduler's view of posting: the adapter (plus an optional look-up of a digest already
 * posted) and the function that builds, posts and records a digest.
 */

/**
 * Optional capability of a chat adapter: find a digest it posted earlier by its digest id
 * (Slack: message `metadata` carrying the id, read back from channel history; Discord: the
 * message nonce, or the id in recent bot messages). Used when a run was claimed by a process
 * that died before marking it posted: found → marked posted, not posted again. Absent → the
 * run is posted (at most one duplicate, only after a crash inside the post call itself).
 */
export interface PostedDigestLookup {
  findPosted?(channel: string, digestId: string): Promise<{ readonly messageId: string } | null>;
}

/** A chat adapter as the scheduler uses it. */
export type DigestAdapter = ChatAdapter & PostedDigestLookup;

export interface PostContext {
  /** Articles of `articleIds` that are new versions of an article seen before (render as "updated"). */
  readonly updatedIds: readonly string[];
  readonly target: DigestTarget;
  readonly scheduledAt: Date;
}

/**
 * Build, post and record one digest with exactly this `digestId` (pass it to
 * `adapter.postDigest(channel, digest, { digestId })` and use it as the DigestRecord id).
 * In the composition root: `(a, ch, ids, id) => bot.postDigest(a, ch, ids, id)`.
 */
export type PostDigestFn = (
  adapter: DigestAdapter,
  channel: string,
  articleIds: readonly string[],
  digestId: string,
  context: PostContext,
) => Promise<{ readonly messageId: string }>;

/**
 * Deterministic digest id of (target, scheduled instant): 24 hex characters, so it also fits
 * a Discord nonce (25 characters at most). Every attempt at the same run uses the same id.
 */
export function digestIdFor(targetId: string, scheduledAt: Date): string {
  return createHash('sha256').update(`${targetId}\u0000${scheduledAt.toISOString()}`).digest('hex').slice(0, 24);
}

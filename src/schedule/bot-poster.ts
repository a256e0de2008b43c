import type { Digest } from '../domain/types.ts';
import type { DigestRecord, StateStore } from '../store/state-store.ts';
import type { PostDigestFn } from './delivery.ts';
import { localDate } from './zoned-time.ts';

export interface BotPosterDeps {
  /** `bot.digestOf`: the digest of the given article ids. */
  readonly digestOf: (articleIds: readonly string[]) => Digest;
  readonly store: StateStore;
  readonly now: () => Date;
}

/**
 * A PostDigestFn that does what `Bot.postDigest` does — build the digest, post it, record the
 * DigestRecord so its thread gets follow-ups — but with the run's deterministic digest id
 * (the record's id and the adapter's `digestId`), and dated in the target's time zone.
 * Equivalent to `(a, ch, ids, id) => bot.postDigest(a, ch, ids, id)` once Bot.postDigest
 * takes the id as a parameter.
 */
export function botPoster(deps: BotPosterDeps): PostDigestFn {
  return async (adapter, channel, articleIds, digestId, ctx) => {
    const digest: Digest = { ...deps.digestOf(articleIds), date: localDate(ctx.scheduledAt.getTime(), ctx.target.timezone) };
    const posted = await adapter.postDigest(channel, digest, { digestId });
    const record: DigestRecord = {
      id: digestId,
      platform: adapter.platform,
      channel,
      messageId: posted.messageId,
      thread: posted.thread,
      articleIds: digest.items.map((i) => i.article.id),
      date: digest.date,
      postedAt: deps.now().toISOString(),
    };
    await deps.store.recordDigest(record);
    return { messageId: posted.messageId };
  };
}

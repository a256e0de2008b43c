import type { Bot } from '../bot/bot.ts';
import type { PostDigestFn } from '../schedule/delivery.ts';
import { localDate } from '../schedule/zoned-time.ts';

/**
 * The scheduler's PostDigestFn over `Bot.postDigest`: the run's deterministic digest id
 * (the record's id and the adapter's `digestId`), dated in the target's time zone, with
 * edited articles marked as updated.
 */
export function botPoster(bot: Pick<Bot, 'postDigest'>): PostDigestFn {
  return async (adapter, channel, articleIds, digestId, ctx) => {
    const record = await bot.postDigest(adapter, channel, articleIds, {
      digestId,
      date: localDate(ctx.scheduledAt.getTime(), ctx.target.timezone),
      updatedIds: ctx.updatedIds,
    });
    return { messageId: record.messageId };
  };
}

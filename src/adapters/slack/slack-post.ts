import type { webApi } from '@slack/bolt';
import type { Logger } from '../../log/logger.ts';
import { assertWithinLimits, type SlackMessage } from './limits.ts';
import { SlackAdapterError, slackErrorCode } from './errors.ts';

/** `metadata.event_type` of every digest message; `event_payload.digest_id` is the bot's digest id. */
export const DIGEST_EVENT_TYPE = 'trade_news_digest';

export interface PostTarget {
  readonly channel: string;
  /** Post as a reply in this thread (parent ts). */
  readonly threadTs?: string;
  readonly digestId?: string;
}

/**
 * chat.postMessage / chat.postEphemeral with the adapter's rules: payloads checked against
 * the limits first, no mention parsing (`link_names: false`, verbatim text objects), no
 * unfurls, and every failure logged with Slack's error code and rethrown as a coded error.
 * Rate limits are the WebClient's job: it waits for Retry-After and retries (see slack-adapter.ts).
 */
export class SlackPoster {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly log: Logger,
  ) {}

  async post(target: PostTarget, message: SlackMessage): Promise<{ ts: string; channel: string }> {
    assertWithinLimits(message);
    try {
      const res = await this.client.chat.postMessage({
        channel: target.channel,
        text: message.text,
        blocks: message.blocks,
        link_names: false,
        unfurl_links: false,
        unfurl_media: false,
        ...(target.threadTs === undefined ? {} : { thread_ts: target.threadTs }),
        ...(target.digestId === undefined
          ? {}
          : { metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { digest_id: target.digestId } } }),
      });
      if (typeof res.ts !== 'string') throw new Error('chat.postMessage returned no ts');
      return { ts: res.ts, channel: typeof res.channel === 'string' ? res.channel : target.channel };
    } catch (err) {
      throw this.failed('chat.postMessage', target.channel, err);
    }
  }

  async postEphemeral(target: PostTarget, user: string, message: SlackMessage): Promise<void> {
    assertWithinLimits(message);
    try {
      await this.client.chat.postEphemeral({
        channel: target.channel,
        user,
        text: message.text,
        blocks: message.blocks,
        link_names: false,
        ...(target.threadTs === undefined ? {} : { thread_ts: target.threadTs }),
      });
    } catch (err) {
      throw this.failed('chat.postEphemeral', target.channel, err);
    }
  }

  private failed(method: string, channel: string, err: unknown): SlackAdapterError {
    const code = slackErrorCode(err);
    this.log.error({ method, channel, slackError: code }, `Slack ${method} failed: ${code}`);
    return new SlackAdapterError('SLACK_POST_FAILED', `Slack ${method} to ${channel} failed: ${code}`, code, {
      cause: err,
    });
  }
}

import type { Config } from '../config/schema.ts';
import type { Logger } from '../log/logger.ts';
import type { ChatAdapter } from '../chat/chat-adapter.ts';
import { createSlackAdapter } from '../adapters/slack/slack-adapter.ts';
import { slackEnabled } from '../adapters/slack/slack-config.ts';
import { createDiscordAdapter } from '../adapters/discord/discord-adapter.ts';

/** A chat platform that is switched on, and the channel its scheduled digest goes to. */
export interface Platform {
  readonly adapter: ChatAdapter;
  readonly digestChannel: string | undefined;
}

/** The platforms whose token is configured; none means the console chat. */
export function configuredPlatforms(config: Config, log: Logger): Platform[] {
  const out: Platform[] = [];
  if (slackEnabled(config.slack)) {
    out.push({
      adapter: createSlackAdapter(config.slack, log.child({ platform: 'slack' })),
      digestChannel: config.slack.digestChannel,
    });
  }
  if (config.discord.token !== undefined) {
    out.push({
      adapter: createDiscordAdapter(config.discord, log.child({ platform: 'discord' })),
      digestChannel: config.discord.digestChannelId,
    });
  }
  return out;
}

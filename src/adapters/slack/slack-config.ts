import type { SlackConfig } from '../../config/slack-section.ts';

export type { SlackConfig } from '../../config/slack-section.ts';

export type SlackMode = 'socket' | 'http';

/** Slack is on when a bot token is configured (SLACK_BOT_TOKEN / slack.botToken). */
export function slackEnabled(config: SlackConfig): config is SlackConfig & { botToken: string } {
  return config.botToken !== undefined;
}

/** Socket Mode when an app token is present (unless forced to http), else HTTP with the signing secret. */
export function slackMode(config: SlackConfig): SlackMode {
  if (config.mode !== 'auto') return config.mode;
  return config.appToken !== undefined ? 'socket' : 'http';
}

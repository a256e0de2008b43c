import { z } from 'zod';
import type { Section } from './sections.ts';

/**
 * The Slack adapter's settings. Slack is on when `botToken` is set; the connection mode is
 * Socket Mode when an app token is present (unless `mode: http`), else HTTP with the signing secret.
 */
const schema = z
  .strictObject({
    /** Bot User OAuth token (`xoxb-…`), needed in both modes. Setting it turns Slack on. */
    botToken: z
      .string()
      .regex(/^xoxb-/, 'must be a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)')
      .optional(),
    /** App-level token (`xapp-…`, scope connections:write) for Socket Mode. */
    appToken: z
      .string()
      .regex(/^xapp-/, 'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens)')
      .optional(),
    /** Signing secret (Basic Information → App Credentials) for HTTP mode. */
    signingSecret: z
      .string({
        error: (issue) =>
          typeof issue.input === 'number'
            ? 'was read as a number (all digits) and may have lost digits: put it in quotes in the config file'
            : 'must be text',
      })
      .min(1)
      .optional(),
    /** Force a connection mode; `auto`: Socket Mode when `appToken` is set, else HTTP. */
    mode: z.enum(['auto', 'socket', 'http']).default('auto'),
    /** Web API base URL (GovSlack, a proxy, or a test fake). */
    apiUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })
      .default('https://slack.com/api/'),
    /** Channel id (e.g. C0123456789) the scheduled digest is posted to. */
    digestChannel: z.string().min(1).optional(),
    /** HTTP mode: port of the Events API / slash-command request URL (`/slack/events`). */
    port: z.number().int().min(0).max(65535).default(3000),
    /** HTTP mode: address the request URL listens on (0.0.0.0 all IPv4 interfaces; 127.0.0.1 behind a local proxy). */
    host: z
      .string()
      .min(1)
      .regex(/^[\w.:-]+$/, 'must be a host name or IP address such as 0.0.0.0 or 127.0.0.1')
      .default('0.0.0.0'),
    /** How `/trade-news` answers: only to the user (ephemeral) or visible to the channel. */
    commandResponse: z.enum(['ephemeral', 'in_channel']).default('ephemeral'),
  })
  .superRefine((s, ctx) => {
    const someSlackKey = s.appToken !== undefined || s.signingSecret !== undefined || s.digestChannel !== undefined;
    if (s.botToken === undefined) {
      if (someSlackKey) {
        ctx.addIssue({
          code: 'custom',
          path: ['botToken'],
          message:
            'Slack settings are present but SLACK_BOT_TOKEN (slack.botToken) is not set: add the xoxb- bot token, or remove the other SLACK_* settings',
        });
      }
      return;
    }
    if (s.mode === 'socket' && s.appToken === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['appToken'],
        message:
          'slack.mode is socket but SLACK_APP_TOKEN (slack.appToken) is not set: add an xapp- app-level token with connections:write',
      });
    }
    if (s.mode === 'http' && s.signingSecret === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['signingSecret'],
        message:
          'slack.mode is http but SLACK_SIGNING_SECRET (slack.signingSecret) is not set: copy it from Basic Information → App Credentials',
      });
    }
    if (s.mode === 'auto' && s.appToken === undefined && s.signingSecret === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['appToken'],
        message:
          'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (slack.appToken) nor SLACK_SIGNING_SECRET (slack.signingSecret) is: ' +
          'set SLACK_APP_TOKEN (xapp-…) for Socket Mode, or SLACK_SIGNING_SECRET and SLACK_PORT for HTTP mode (see docs/slack.md)',
      });
    }
  });

export const slack = {
  schema,
  env: {
    SLACK_BOT_TOKEN: 'botToken',
    SLACK_APP_TOKEN: 'appToken',
    SLACK_SIGNING_SECRET: 'signingSecret',
    SLACK_MODE: 'mode',
    SLACK_API_URL: 'apiUrl',
    SLACK_DIGEST_CHANNEL: 'digestChannel',
    SLACK_PORT: 'port',
    SLACK_HOST: 'host',
    SLACK_COMMAND_RESPONSE: 'commandResponse',
  },
} satisfies Section;

export type SlackConfig = z.output<typeof schema>;

import { z } from 'zod';
import type { Section } from './sections.ts';

/**
 * A Discord id (snowflake). Environment values that look numeric arrive as numbers
 * (see `coerce` in load.ts); a safe integer is turned back into its digits, a larger
 * one has already lost digits and is refused with a message saying so.
 */
const snowflake = z.preprocess(
  (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? String(v) : v),
  z
    .string({
      error: (issue) =>
        typeof issue.input === 'number'
          ? 'a Discord id must be read as text, but it was read as a number and lost digits — write it quoted in config/local.yaml (e.g. applicationId: "1234567890123456789")'
          : 'must be a Discord id (digits)',
    })
    .regex(/^\d{1,20}$/, 'must be a Discord id (digits only)'),
);

export const discord = {
  schema: z
    .strictObject({
      /** Bot token from the Developer Portal (Bot → Reset Token). Setting it turns the Discord adapter on. */
      token: z.string().min(1).optional(),
      /** Application id (General Information → Application ID); needed to register `/trade-news`. */
      applicationId: snowflake.optional(),
      /** Register `/trade-news` in this guild only (instant); unset: globally (may take up to an hour to show). */
      guildId: snowflake.optional(),
      /** REST API base (discord.js `rest.api`), e.g. a local fake in tests; unset: https://discord.com/api. */
      apiUrl: z.url({ protocol: /^https?$/ }).optional(),
      /** Channel the scheduled digest is posted to. */
      digestChannelId: snowflake.optional(),
      /** Request the privileged Message Content intent, so thread follow-ups need no mention. */
      messageContent: z.boolean().default(true),
      /** `/trade-news` answers only the caller sees. */
      ephemeral: z.boolean().default(true),
    })
    .superRefine((v, ctx) => {
      if (v.token !== undefined && v.applicationId === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['applicationId'],
          message:
            'DISCORD_TOKEN (discord.token) is set but DISCORD_APPLICATION_ID (discord.applicationId) is not — set both (Developer Portal → General Information → Application ID)',
        });
      }
    }),
  env: {
    DISCORD_TOKEN: 'token',
    DISCORD_APPLICATION_ID: 'applicationId',
    DISCORD_GUILD_ID: 'guildId',
    DISCORD_API_URL: 'apiUrl',
    DISCORD_DIGEST_CHANNEL_ID: 'digestChannelId',
    DISCORD_MESSAGE_CONTENT: 'messageContent',
    DISCORD_EPHEMERAL: 'ephemeral',
  },
} satisfies Section;

export type DiscordConfig = z.output<typeof discord.schema>;

import { z } from 'zod';
import { bot, core, store, type Section } from './sections.ts';
import { slack } from './slack-section.ts';
import { discord } from './discord-section.ts';
import { llm } from './llm-section.ts';
import { schedule } from './schedule-section.ts';
import { sources } from './feeds-section.ts';

/** Every section of the configuration, by its top-level key (used for environment mapping). */
export const sections = {
  core,
  store,
  bot,
  slack,
  discord,
  llm,
  schedule,
  sources,
} satisfies Record<string, Section>;

/** `prefault({})`: a missing section is parsed from `{}`, so its inner defaults apply. */
export const configSchema = z.strictObject({
  core: core.schema.prefault({}),
  store: store.schema.prefault({}),
  bot: bot.schema.prefault({}),
  slack: slack.schema.prefault({}),
  discord: discord.schema.prefault({}),
  llm: llm.schema.prefault({}),
  schedule: schedule.schema.prefault({}),
  sources: sources.schema.prefault({}),
});

export type Config = z.output<typeof configSchema>;

import { z } from 'zod';
import { bot, core, store, type Section } from './sections.ts';

/** Every section of the configuration, by its top-level key (used for environment mapping). */
export const sections = {
  core,
  store,
  bot,
} satisfies Record<string, Section>;

/** `prefault({})`: a missing section is parsed from `{}`, so its inner defaults apply. */
export const configSchema = z.strictObject({
  core: core.schema.prefault({}),
  store: store.schema.prefault({}),
  bot: bot.schema.prefault({}),
});

export type Config = z.output<typeof configSchema>;

import { z } from 'zod';
import { core, type Section } from './sections.ts';

/** Every section of the configuration, by its top-level key. Add new sections here. */
export const sections = {
  core,
} satisfies Record<string, Section>;

export const configSchema = z.strictObject(
  Object.fromEntries(Object.entries(sections).map(([k, s]) => [k, s.schema.default({} as never)])) as {
    [K in keyof typeof sections]: z.ZodDefault<(typeof sections)[K]['schema']>;
  },
);

export type Config = z.output<typeof configSchema>;

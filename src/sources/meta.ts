/** Article metadata schemas shared by Markdown front matter and JSON articles (zod). */
import { z } from 'zod';
import { normalizeDate } from './dates.ts';
import { normalizeTags, optionalLine } from './parsed.ts';

const text = z.union([z.string(), z.number()], { error: 'must be text' }).transform(String);
const nonBlank = (s: string | null | undefined): boolean => typeof s === 'string' && /\S/.test(s);

/** The optional metadata fields; unknown keys are ignored. */
export const metaFields = {
  title: text.nullish(),
  date: z.union([z.string(), z.date()], { error: 'must be a date such as 2018-09-27' }).nullish(),
  source: text.nullish(),
  url: z.string({ error: 'must be a URL string' }).nullish(),
  tags: z
    .union([z.array(text), z.string()], { error: 'must be a list of strings (or one comma-separated string)' })
    .nullish(),
};

export const frontMatterSchema = z.object(metaFields);

export const jsonArticleSchema = z
  .object(
    {
      ...metaFields,
      title: z
        .union([z.string(), z.number()], { error: 'is required (a non-empty string)' })
        .transform(String)
        .refine(nonBlank, { error: 'must not be empty' }),
      body: z.string({ error: 'must be a string' }).nullish(),
      text: z.string({ error: 'must be a string' }).nullish(),
      content: z.string({ error: 'must be a string' }).nullish(),
    },
    { error: 'must be an object such as {"title": "…", "body": "…"}' },
  )
  .refine((o) => nonBlank(o.body) || nonBlank(o.text) || nonBlank(o.content), {
    error: 'is missing — give a non-empty body, text or content string',
    path: ['body'],
  });

export type Meta = z.output<typeof frontMatterSchema>;

/** Readable one-line summary of a zod error: `title: is required; tags: must be a list of strings`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** The normalized metadata (title left raw for the caller's fallbacks). */
export function normalizeMeta(m: Meta): {
  title: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
  tags: string[];
} {
  return {
    title: optionalLine(m.title),
    date: m.date === null || m.date === undefined ? null : normalizeDate(m.date),
    source: optionalLine(m.source),
    url: optionalLine(m.url),
    tags: normalizeTags(m.tags),
  };
}

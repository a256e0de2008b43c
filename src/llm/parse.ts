import { z } from 'zod';

/**
 * Defensive reading of a model's JSON reply: code fences and chatter around the object
 * are stripped, then the object is validated with zod. Lenient in shape (a summary given
 * as one string, a quote given as a bare string, a missing speaker), strict in types.
 */

/** The JSON object inside `raw` (fenced or surrounded by prose), or an error message. */
export function extractJson(raw: string): { ok: true; value: unknown } | { ok: false; error: string } {
  let text = raw.trim();
  const fence = /```(?:json|JSON)?\s*([\s\S]*?)```/u.exec(text);
  if (fence?.[1] !== undefined) text = fence[1].trim();
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  if (first < 0) return { ok: false, error: 'no JSON object in the reply' };
  if (last <= first) return { ok: false, error: 'invalid JSON (no closing brace: truncated?)' };
  try {
    return { ok: true, value: JSON.parse(text.slice(first, last + 1)) as unknown };
  } catch (err) {
    return { ok: false, error: `invalid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
}

const sentenceList = z
  .union([z.string().transform((s) => [s]), z.array(z.string())])
  .transform((list) => list.map((s) => s.replace(/\s+/gu, ' ').trim()).filter((s) => s.length > 0));

const quote = z.union([
  z.string().transform((text) => ({ text, speaker: null })),
  z.object({
    text: z.string(),
    speaker: z
      .string()
      .nullish()
      .transform((s) => (s === undefined || s === null || s.trim() === '' ? null : s.trim())),
  }),
]);

export const summaryOutput = z.object({
  summary: sentenceList.refine((s) => s.length > 0, 'the summary is empty'),
  quotes: z.array(quote).default([]),
});

export type SummaryOutput = z.output<typeof summaryOutput>;

export const answerOutput = z.object({
  answer: z.string().transform((s) => s.trim()),
  citations: z.array(z.union([z.number().int(), z.string().regex(/^\d+$/u).transform(Number)])).default([]),
});

export type AnswerOutput = z.output<typeof answerOutput>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Extract and validate; the error says what was wrong, for the fallback reason. */
export function parseReply<S extends z.ZodType>(raw: string, schema: S): Parsed<z.output<S>> {
  const json = extractJson(raw);
  if (!json.ok) return json;
  const result = schema.safeParse(json.value);
  if (result.success) return { ok: true, value: result.data };
  const first = result.error.issues[0];
  return {
    ok: false,
    error: `unexpected JSON shape (${first ? `${first.path.join('.') || 'top level'}: ${first.message}` : 'invalid'})`,
  };
}

import { z } from 'zod';
import { timeZone } from './time-zone.ts';

/**
 * One zod schema per configuration section, and the environment variables that feed it.
 * Each adapter or feature owns its section here; `schema.ts` composes them.
 * `env` maps an environment variable to a dotted key inside the section.
 */
export interface Section<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  readonly env: Readonly<Record<string, string>>;
}

export const core = {
  schema: z.strictObject({
    articlesDir: z.string().min(1).default('articles'),
    dataDir: z.string().min(1).default('data'),
    maxArticleBytes: z
      .number()
      .int()
      .positive()
      .default(2 * 1024 * 1024),
    summarySentences: z.number().int().min(1).max(20).default(3),
    /** Key quotes per article (0–20), or `all`: every attributed quotation found (as the digest CLI's `--quotes all`). */
    keyQuotes: z
      .union(
        [
          z.number().int().min(0, 'must be 0–20, or "all"').max(20, 'must be 0–20, or "all" for every quotation'),
          z.literal('all'),
        ],
        { error: 'must be a whole number 0–20, or "all" for every quotation' },
      )
      .default(3),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** IANA zone digests are dated and scheduled in, unless a target names its own. */
    timezone: timeZone.default('UTC'),
  }),
  env: {
    ARTICLES_DIR: 'articlesDir',
    DATA_DIR: 'dataDir',
    LOG_LEVEL: 'logLevel',
  },
} satisfies Section;

export const store = {
  schema: z.strictObject({
    /** SQLite file of the embedded store; default `<dataDir>/state.db`. */
    sqliteFile: z.string().min(1).optional(),
    /** PostgreSQL connection string; when set, PostgreSQL replaces SQLite. */
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  }),
  env: {
    SQLITE_FILE: 'sqliteFile',
    DATABASE_URL: 'databaseUrl',
  },
} satisfies Section;

export const bot = {
  schema: z.strictObject({
    /** Articles in a digest built on demand (`/trade-news` before any digest was posted). */
    digestSize: z.number().int().min(1).max(100).default(10),
    /** Recent turns of a thread that a follow-up question is read against. */
    historyTurns: z.number().int().min(0).max(50).default(6),
    /** Who may use `/trade-news post` (post the digest into the channel now): anyone, only `postUsers`, or nobody. */
    postCommand: z.enum(['anyone', 'listed', 'off'], { error: 'must be anyone, listed or off' }).default('anyone'),
    /** User ids allowed to post when `postCommand` is `listed` (environment: comma-separated). */
    postUsers: z
      .preprocess(
        (v) =>
          typeof v === 'string'
            ? v
                .split(',')
                .map((x) => x.trim())
                .filter((x) => x !== '')
            : typeof v === 'number'
              ? [String(v)]
              : v,
        z.array(z.string().min(1)),
      )
      .default([]),
    /** At most one `/trade-news post` per channel in this many minutes (0: no limit). */
    postCooldownMinutes: z
      .number({ error: 'must be a number of minutes, 0–1440' })
      .int()
      .min(0, 'must be 0–1440 minutes')
      .max(1440, 'must be 0–1440 minutes')
      .default(10),
  }),
  env: {
    POST_COMMAND: 'postCommand',
    POST_USERS: 'postUsers',
    POST_COOLDOWN_MINUTES: 'postCooldownMinutes',
  },
} satisfies Section;

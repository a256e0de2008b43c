import { z } from 'zod';

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
    maxArticleBytes: z.number().int().positive().default(2 * 1024 * 1024),
    summarySentences: z.number().int().min(1).max(20).default(3),
    keyQuotes: z.number().int().min(0).max(20).default(3),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    timezone: z.string().min(1).default('UTC'),
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
    databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
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
  }),
  env: {},
} satisfies Section;

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/** Environment variables with where each came from, for error messages and the start-up log. */
export interface LayeredEnv {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Variables that came from a file, by name → file. */
  readonly fromFile: ReadonlyMap<string, string>;
  /** Files read, in order. */
  readonly files: readonly string[];
}

/**
 * The process environment over `.env` in `cwd` (when present): a variable set in the real
 * environment wins, as with dotenv and `node --env-file`. Parsing is Node's own
 * (`util.parseEnv`, the parser behind `process.loadEnvFile`); process.env is not modified,
 * so nothing outside src/config sees the file's values.
 */
export function layerEnvFile(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): LayeredEnv {
  const file = path.join(cwd, '.env');
  if (!existsSync(file)) return { env, fromFile: new Map(), files: [] };
  const parsed = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
  const fromFile = new Map<string, string>();
  const merged: Record<string, string | undefined> = { ...env };
  for (const [name, value] of Object.entries(parsed)) {
    if (merged[name] !== undefined) continue;
    merged[name] = value;
    fromFile.set(name, '.env');
  }
  return { env: merged, fromFile, files: ['.env'] };
}

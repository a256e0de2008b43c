import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { configSchema, sections, type Config } from './schema.ts';

/** Start-up configuration error: lists every wrong key and how to fix it. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge; `over` wins. Arrays are replaced, not merged. */
function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = isObject(v) && isObject(out[k]) ? merge(out[k] as Json, v) : v;
  }
  return out;
}

function setPath(target: Json, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let cur = target;
  for (const p of parts.slice(0, -1)) {
    if (!isObject(cur[p])) cur[p] = {};
    cur = cur[p] as Json;
  }
  cur[parts[parts.length - 1] as string] = value;
}

/**
 * Environment values are strings; numbers and booleans are coerced when they look like one.
 * Long digit strings stay strings: Discord ids (17–20 digits) would lose digits as numbers.
 */
function coerce(raw: string): unknown {
  if (/^-?\d{1,15}(\.\d+)?$/.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return raw;
}

/** The environment's contribution, as a partial config object, plus a map key → variable for messages. */
function fromEnv(env: Readonly<Record<string, string | undefined>>): { values: Json; origin: Map<string, string> } {
  const values: Json = {};
  const origin = new Map<string, string>();
  for (const [name, section] of Object.entries(sections)) {
    for (const [variable, key] of Object.entries(section.env as Record<string, string>)) {
      const raw = env[variable];
      if (raw === undefined || raw === '') continue;
      setPath(values, `${name}.${key}`, coerce(raw));
      origin.set(`${name}.${key}`, variable);
    }
  }
  return { values, origin };
}

function readFileConfig(file: string): Json {
  const text = readFileSync(file, 'utf8');
  const parsed: unknown = file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
  if (parsed === null || parsed === undefined) return {};
  if (!isObject(parsed)) throw new ConfigError([`${file}: the top level must be a mapping of sections`]);
  return parsed;
}

function describe(issues: readonly z.core.$ZodIssue[], origin: Map<string, string>): string[] {
  return issues.map((issue) => {
    const key = issue.path.join('.');
    // A list from one variable (FEED_URLS) fails at an element: name the variable of its nearest parent key.
    const from = issue.path.map((_, i) => origin.get(issue.path.slice(0, issue.path.length - i).join('.'))).find((v) => v !== undefined);
    const where = from ? `${key} (from ${from})` : key || '(top level)';
    const fix =
      issue.code === 'unrecognized_keys'
        ? `remove or rename ${issue.keys.join(', ')} — not a known setting`
        : issue.message;
    return `${where}: ${fix}`;
  });
}

export interface LoadConfigOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Folder of `default.yaml` (and `local.yaml` if present); default `config` in the working directory. */
  readonly configDir?: string;
  /** Explicit overrides, e.g. from command-line flags; they win over everything. */
  readonly overrides?: Json;
}

/**
 * Defaults < config/default.yaml < environment < config/local.yaml or CONFIG_FILE < overrides.
 * Throws ConfigError naming every wrong key.
 */
export function loadConfig(opts: LoadConfigOptions = {}): Config {
  const env = opts.env ?? process.env;
  const dir = opts.configDir ?? 'config';
  const layers: Json[] = [];
  const problems: string[] = [];
  const tryRead = (file: string): void => {
    try {
      layers.push(readFileConfig(file));
    } catch (err) {
      if (err instanceof ConfigError) problems.push(...err.problems);
      else problems.push(`${file}: cannot be read (${err instanceof Error ? err.message : String(err)})`);
    }
  };
  const defaults = path.join(dir, 'default.yaml');
  if (existsSync(defaults)) tryRead(defaults);
  const { values, origin } = fromEnv(env);
  layers.push(values);
  const explicit = env['CONFIG_FILE'] ?? path.join(dir, 'local.yaml');
  if (env['CONFIG_FILE'] !== undefined || existsSync(explicit)) tryRead(explicit);
  if (opts.overrides) layers.push(opts.overrides);
  if (problems.length > 0) throw new ConfigError(problems);
  const merged = layers.reduce(merge, {});
  const result = configSchema.safeParse(merged);
  if (!result.success) throw new ConfigError(describe(result.error.issues, origin));
  return result.data;
}

import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { configSchema, sections, type Config } from './schema.ts';
import { layerEnvFile } from './env-file.ts';
import { nearestName } from '../nlp/near-miss.ts';

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

/** The keys an object schema at `at` (a path inside the config) accepts; empty when it is not an object. */
function knownKeys(at: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType | undefined = configSchema;
  const unwrap = (s: z.core.$ZodType): z.core.$ZodType => {
    const def = s._zod.def as unknown as Record<string, unknown>;
    const inner = def['innerType'] ?? def['in'];
    return inner ? unwrap(inner as z.core.$ZodType) : s;
  };
  for (const step of [...at, null]) {
    if (schema === undefined) return [];
    const def = unwrap(schema)._zod.def as unknown as Record<string, unknown>;
    const shape = def['shape'] as Record<string, z.core.$ZodType> | undefined;
    if (step === null) return shape ? Object.keys(shape) : [];
    schema = typeof step === 'number' ? (def['element'] as z.core.$ZodType | undefined) : shape?.[String(step)];
  }
  return [];
}

function unknownKeyFix(path: readonly PropertyKey[], keys: readonly string[]): string {
  const known = knownKeys(path);
  return keys
    .map((k) => {
      const near = nearestName(k, known);
      return near === undefined
        ? `remove or rename ${k} — not a known setting`
        : `${k} is not a known setting — did you mean \`${near}\`?`;
    })
    .join('; ');
}

function describe(issues: readonly z.core.$ZodIssue[], origin: Map<string, string>): string[] {
  return issues.map((issue) => {
    const key = issue.path.join('.');
    // A list from one variable (FEED_URLS) fails at an element: name the variable of its nearest parent key.
    const from = issue.path
      .map((_, i) => origin.get(issue.path.slice(0, issue.path.length - i).join('.')))
      .find((v) => v !== undefined);
    const where = from ? `${key} (from ${from})` : key || '(top level)';
    const fix = issue.code === 'unrecognized_keys' ? unknownKeyFix(issue.path, issue.keys) : issue.message;
    return `${where}: ${fix}`;
  });
}

/** A variable in `.env` that is not a setting but one edit or two from one: surely a slip. */
function envFileSlips(fromFile: ReadonlyMap<string, string>): string[] {
  const known = new Set(['CONFIG_FILE', ...Object.values(sections).flatMap((s) => Object.keys(s.env))]);
  return [...fromFile].flatMap(([name, file]) => {
    if (known.has(name)) return [];
    const near = nearestName(name, known);
    return near === undefined ? [] : [`${name} (in ${file}) is not a setting — did you mean ${near}?`];
  });
}

export interface LoadConfigOptions {
  /** The environment; default process.env over `.env` in `cwd` (the environment wins). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where `.env` is looked for when `env` is not given; default the working directory. */
  readonly cwd?: string;
  /** Folder of `default.yaml` (and `local.yaml` if present); default `config` in the working directory. */
  readonly configDir?: string;
  /** Explicit overrides, e.g. from command-line flags; they win over everything. */
  readonly overrides?: Json;
}

/** The configuration and the files it was read from (`.env`, YAML), for the start-up log. */
export interface LoadedConfig {
  readonly config: Config;
  readonly files: readonly string[];
}

/**
 * Defaults < config/default.yaml < environment (over `.env`) < config/local.yaml or CONFIG_FILE < overrides.
 * Throws ConfigError naming every wrong key.
 */
export function loadConfig(opts: LoadConfigOptions = {}): Config {
  return loadConfigWithSources(opts).config;
}

export function loadConfigWithSources(opts: LoadConfigOptions = {}): LoadedConfig {
  const layered =
    opts.env === undefined
      ? layerEnvFile(process.env, opts.cwd)
      : { env: opts.env, fromFile: new Map<string, string>(), files: [] };
  const env = layered.env;
  const dir = opts.configDir ?? 'config';
  const layers: Json[] = [];
  const problems: string[] = envFileSlips(layered.fromFile);
  const files: string[] = [...layered.files];
  const tryRead = (file: string): void => {
    try {
      layers.push(readFileConfig(file));
      files.push(file);
    } catch (err) {
      if (err instanceof ConfigError) problems.push(...err.problems);
      else problems.push(`${file}: cannot be read (${err instanceof Error ? err.message : String(err)})`);
    }
  };
  const defaults = path.join(dir, 'default.yaml');
  if (existsSync(defaults)) tryRead(defaults);
  const { values, origin } = fromEnv(env);
  for (const [key, variable] of origin) {
    const file = layered.fromFile.get(variable);
    if (file !== undefined) origin.set(key, `${variable} in ${file}`);
  }
  layers.push(values);
  const explicit = env['CONFIG_FILE'] ?? path.join(dir, 'local.yaml');
  if (env['CONFIG_FILE'] !== undefined || existsSync(explicit)) tryRead(explicit);
  if (opts.overrides) layers.push(opts.overrides);
  if (problems.length > 0) throw new ConfigError(problems);
  const merged = layers.reduce(merge, {});
  const result = configSchema.safeParse(merged);
  if (!result.success) throw new ConfigError(describe(result.error.issues, origin));
  return { config: result.data, files };
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Platform SDKs live only in their adapters (and the composition root / their CLIs). */
const PLATFORM = /^(@slack\/|discord\.js$|@discordjs\/)/;
const ALLOWED = [
  /^src\/adapters\/slack\//,
  /^src\/adapters\/discord\//,
  /^src\/main\.ts$/,
  /^src\/cli\/discord-register\.ts$/,
];
/** Only the config module reads the environment. */
const ENV_ALLOWED = [/^src\/config\//, /^src\/main\.ts$/, /^src\/cli\//];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.posix.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(source: string): string[] {
  const out: string[] = [];
  const re =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) out.push((m[1] ?? m[2] ?? m[3]) as string);
  return out;
}

describe('architecture', () => {
  const all = files('src');

  it('finds the source files it checks', () => {
    expect(all.length).toBeGreaterThan(5);
    expect(imports('import a from \'discord.js\';\nexport { b } from "@slack/bolt";')).toEqual([
      'discord.js',
      '@slack/bolt',
    ]);
  });

  it('core code imports no platform SDK', () => {
    const offenders = all
      .filter((f) => !ALLOWED.some((re) => re.test(f)))
      .flatMap((f) =>
        imports(readFileSync(f, 'utf8'))
          .filter((m) => PLATFORM.test(m))
          .map((m) => `${f} imports ${m}`),
      );
    expect(offenders).toEqual([]);
  });

  it('only src/config reads process.env', () => {
    const offenders = all.filter(
      (f) => !ENV_ALLOWED.some((re) => re.test(f)) && /process\.env\b/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

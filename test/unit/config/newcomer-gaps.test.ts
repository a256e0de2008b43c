import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadConfigWithSources } from '../../../src/config/load.ts';
import { layerEnvFile } from '../../../src/config/env-file.ts';
import { resolveTargets } from '../../../src/schedule/targets.ts';

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'config-gaps-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function problemsOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration a newcomer writes', () => {
  it('refuses core.timezone: Mars/Olympus naming the key and a fix', () => {
    const dir = dirWith({ 'local.yaml': 'core:\n  timezone: Mars/Olympus\n' });
    const text = problemsOf(() => loadConfig({ env: {}, configDir: dir }));
    expect(text).toMatch(
      /core\.timezone: "Mars\/Olympus" is not an IANA time zone; use a name such as "Europe\/Berlin"/,
    );
  });

  it('refuses a bad zone in a target and in DIGEST_TIMEZONE too', () => {
    const dir = dirWith({
      'local.yaml':
        'schedule:\n  targets:\n    - { id: a, platform: console, channel: console, cron: "0 8 * * *", timezone: Moon/Base }\n',
    });
    expect(problemsOf(() => loadConfig({ env: { DIGEST_TIMEZONE: 'Nowhere/City' }, configDir: dir }))).toMatch(
      /schedule\.targets\.0\.timezone: "Moon\/Base"[\s\S]*schedule\.digestTimezone \(from DIGEST_TIMEZONE\): "Nowhere\/City"/,
    );
  });

  it('accepts keyQuotes: all (as the CLI accepts --quotes all) and refuses other words clearly', () => {
    expect(
      loadConfig({ env: {}, configDir: dirWith({ 'local.yaml': 'core:\n  keyQuotes: all\n' }) }).core.keyQuotes,
    ).toBe('all');
    expect(
      loadConfig({ env: {}, configDir: dirWith({ 'local.yaml': 'core:\n  keyQuotes: 5\n' }) }).core.keyQuotes,
    ).toBe(5);
    const text = problemsOf(() =>
      loadConfig({ env: {}, configDir: dirWith({ 'local.yaml': 'core:\n  keyQuotes: many\n' }) }),
    );
    expect(text).toMatch(/core\.keyQuotes: must be a whole number 0–20, or "all"/);
    expect(text).not.toMatch(/expected number, received string/);
  });

  it('says "did you mean" for a near-miss key, at any depth', () => {
    const dir = dirWith({
      'local.yaml':
        'core:\n  summarySentence: 2\nschedule:\n  targets:\n    - { id: a, platform: console, channel: console, cron: "0 8 * * *", timezon: UTC }\nslakc: {}\n',
    });
    const text = problemsOf(() => loadConfig({ env: {}, configDir: dir }));
    expect(text).toMatch(/core: summarySentence is not a known setting — did you mean `summarySentences`\?/);
    expect(text).toMatch(/schedule\.targets\.0: timezon is not a known setting — did you mean `timezone`\?/);
    expect(text).toMatch(/slakc is not a known setting — did you mean `slack`\?/);
  });

  it('gives no suggestion for a key near nothing', () => {
    const text = problemsOf(() =>
      loadConfig({ env: {}, configDir: dirWith({ 'local.yaml': 'core:\n  frobnicate: 1\n' }) }),
    );
    expect(text).toMatch(/remove or rename frobnicate — not a known setting/);
    expect(text).not.toMatch(/did you mean/);
  });
});

describe('.env in the working directory', () => {
  it('is read under the environment: a variable already set wins', () => {
    const cwd = dirWith({ '.env': 'LOG_LEVEL=debug\nARTICLES_DIR=from-file\n# a comment\nDATA_DIR="quoted dir"\n' });
    const layered = layerEnvFile({ ARTICLES_DIR: 'from-env' }, cwd);
    expect(layered.files).toEqual(['.env']);
    expect(layered.env['LOG_LEVEL']).toBe('debug');
    expect(layered.env['ARTICLES_DIR']).toBe('from-env');
    expect(layered.env['DATA_DIR']).toBe('quoted dir');
    expect(layered.fromFile.has('ARTICLES_DIR')).toBe(false);
  });

  it('names the variable and the file of a bad setting, and the files it read', () => {
    const cwd = dirWith({ '.env': 'LOG_LEVEL=loud\n' });
    const text = problemsOf(() => loadConfigWithSources({ cwd, configDir: path.join(cwd, 'config') }));
    expect(text).toMatch(/core\.logLevel \(from LOG_LEVEL in \.env\)/);
    const good = dirWith({ '.env': 'LOG_LEVEL=warn\n' });
    const loaded = loadConfigWithSources({ cwd: good, configDir: path.join(good, 'config') });
    expect(loaded.files).toEqual(['.env']);
  });

  it('refuses a misspelled variable in .env with the one it was meant to be', () => {
    const cwd = dirWith({ '.env': 'SLACK_BOT_TOKN=xoxb-1\nSOMETHING_ELSE=1\n' });
    const text = problemsOf(() => loadConfigWithSources({ cwd, configDir: path.join(cwd, 'config') }));
    expect(text).toMatch(/SLACK_BOT_TOKN \(in \.env\) is not a setting — did you mean SLACK_BOT_TOKEN\?/);
    expect(text).not.toMatch(/SOMETHING_ELSE/);
  });

  it('reads the post settings from the environment, users comma-separated', () => {
    const config = loadConfig({
      env: { POST_COMMAND: 'listed', POST_USERS: 'U1, U2', POST_COOLDOWN_MINUTES: '0' },
      configDir: dirWith({}),
    });
    expect(config.bot).toMatchObject({ postCommand: 'listed', postUsers: ['U1', 'U2'], postCooldownMinutes: 0 });
    expect(problemsOf(() => loadConfig({ env: { POST_COMMAND: 'everyone' }, configDir: dirWith({}) }))).toMatch(
      /bot\.postCommand \(from POST_COMMAND\): must be anyone, listed or off/,
    );
  });
});

describe('DIGEST_CRON in the console chat (as docs/operations.md says)', () => {
  it('posts into the console (env-console) when no platform is on, and is refused without any channel', () => {
    const config = loadConfig({ env: { DIGEST_CRON: '0 8 * * *' }, configDir: dirWith({}) });
    const targets = resolveTargets(config.schedule, { console: 'console' }, { defaultTimezone: 'UTC' });
    expect(targets).toEqual([expect.objectContaining({ id: 'env-console', platform: 'console', channel: 'console' })]);
    expect(() => resolveTargets(config.schedule, {}, { defaultTimezone: 'UTC' })).toThrow(
      /schedule\.digestCron \(from DIGEST_CRON\): no channel/,
    );
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/load.ts';

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({ env: {}, configDir: dirWith({}) });
    expect(config.core.articlesDir).toBe('articles');
    expect(config.core.summarySentences).toBe(3);
    expect(config.bot.historyTurns).toBe(6);
  });

  it('layers defaults < default.yaml < environment < explicit file', () => {
    const dir = dirWith({
      'default.yaml': 'core:\n  articlesDir: from-defaults\n  dataDir: d1\n',
      'local.yaml': 'core:\n  dataDir: from-local\n',
    });
    const config = loadConfig({ env: { ARTICLES_DIR: 'from-env', DATA_DIR: 'env-data' }, configDir: dir });
    expect(config.core.articlesDir).toBe('from-env');
    expect(config.core.dataDir).toBe('from-local');
  });

  it('fails listing every wrong key with how to fix it', () => {
    const dir = dirWith({ 'local.yaml': 'core:\n  summarySentences: 0\n  keyQoutes: 2\nnope: 1\n' });
    let error: unknown;
    try {
      loadConfig({ env: { LOG_LEVEL: 'loud' }, configDir: dir });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as ConfigError).message;
    expect(text).toMatch(/core\.summarySentences/);
    expect(text).toMatch(/keyQoutes/);
    expect(text).toMatch(/nope/);
    expect(text).toMatch(/core\.logLevel \(from LOG_LEVEL\)/);
    expect((error as ConfigError).problems.length).toBeGreaterThanOrEqual(4);
  });

  it('names a config file that is not valid YAML', () => {
    const dir = dirWith({ 'broken.yaml': 'core: [unclosed' });
    expect(() => loadConfig({ env: { CONFIG_FILE: path.join(dir, 'broken.yaml') }, configDir: dir })).toThrow(
      /broken\.yaml/,
    );
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.ts';

function emptyConfigDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'config-faults-'));
  writeFileSync(path.join(dir, 'default.yaml'), '{}\n');
  return dir;
}

describe('config faults name the setting and the fix', () => {
  it.each(['ftp://models.example/v1', 'file:///tmp/x', 'not a url'])(
    'OPENAI_BASE_URL=%s says it must be http(s)',
    (url) => {
      expect(() => loadConfig({ env: { OPENAI_BASE_URL: url }, configDir: emptyConfigDir() })).toThrow(
        /OPENAI_BASE_URL[\s\S]*must be an http\(s\) URL/,
      );
    },
  );

  it('SLACK_HOST is read beside SLACK_PORT, default 0.0.0.0', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
    expect(loadConfig({ env: base, configDir: emptyConfigDir() }).slack.host).toBe('0.0.0.0');
    expect(loadConfig({ env: { ...base, SLACK_HOST: '127.0.0.1' }, configDir: emptyConfigDir() }).slack.host).toBe(
      '127.0.0.1',
    );
    expect(() => loadConfig({ env: { ...base, SLACK_HOST: 'a b/c' }, configDir: emptyConfigDir() })).toThrow(
      /SLACK_HOST/,
    );
  });
});

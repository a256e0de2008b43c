import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, type ConfigError } from '../../../src/config/load.ts';
import { slackEnabled, slackMode } from '../../../src/adapters/slack/slack-config.ts';

const emptyDir = mkdtempSync(path.join(tmpdir(), 'slack-config-'));
const load = (env: Record<string, string>) => loadConfig({ env, configDir: emptyDir });
const problems = (env: Record<string, string>): string => {
  try {
    load(env);
  } catch (err) {
    return (err as ConfigError).problems.join('\n');
  }
  throw new Error('expected a ConfigError');
};

describe('slack config section', () => {
  it('is off with nothing set, with defaults for the rest', () => {
    const { slack } = load({});
    expect(slackEnabled(slack)).toBe(false);
    expect(slack).toMatchObject({
      mode: 'auto',
      apiUrl: 'https://slack.com/api/',
      port: 3000,
      commandResponse: 'ephemeral',
    });
  });

  it('reads every SLACK_* variable', () => {
    const { slack } = load({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'abc123',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      SLACK_DIGEST_CHANNEL: 'C0123',
      SLACK_PORT: '8080',
      SLACK_COMMAND_RESPONSE: 'in_channel',
    });
    expect(slack).toMatchObject({
      botToken: 'xoxb-1',
      signingSecret: 'abc123',
      apiUrl: 'http://127.0.0.1:9/api/',
      digestChannel: 'C0123',
      port: 8080,
      commandResponse: 'in_channel',
    });
    expect(slackEnabled(slack)).toBe(true);
    expect(slackMode(slack)).toBe('http');
  });

  it('prefers Socket Mode when an app token is present, unless SLACK_MODE=http', () => {
    const both = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' };
    expect(slackMode(load(both).slack)).toBe('socket');
    expect(slackMode(load({ ...both, SLACK_MODE: 'http' }).slack)).toBe('http');
  });

  it('names both keys and the fix when the bot token has no way to connect', () => {
    const text = problems({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(text).toMatch(/SLACK_APP_TOKEN/);
    expect(text).toMatch(/SLACK_SIGNING_SECRET/);
    expect(text).toMatch(/Socket Mode/);
  });

  it('checks token prefixes and forced modes', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_APP_TOKEN: 'xapp-1' })).toMatch(
      /slack\.botToken \(from SLACK_BOT_TOKEN\): must be a bot token starting with xoxb-/,
    );
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-1' })).toMatch(
      /slack\.appToken \(from SLACK_APP_TOKEN\): must be an app-level token starting with xapp-/,
    );
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_MODE: 'socket' })).toMatch(
      /SLACK_APP_TOKEN/,
    );
    expect(problems({ SLACK_APP_TOKEN: 'xapp-1' })).toMatch(/SLACK_BOT_TOKEN/);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_COMMAND_RESPONSE: 'loud' })).toMatch(
      /commandResponse/,
    );
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'ftp://x' })).toMatch(
      /apiUrl/,
    );
  });
});

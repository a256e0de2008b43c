import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.ts';
import { clip, literal, splitText } from '../../../src/adapters/discord/text.ts';
import { limitProblems } from '../../../src/adapters/discord/limits.ts';
import { renderDigest } from '../../../src/adapters/discord/render-embeds.ts';
import { renderReply } from '../../../src/adapters/discord/render-replies.ts';
import { oversizedDigest, smallDigest } from './fakes/digests.ts';

const emptyDir = mkdtempSync(path.join(tmpdir(), 'discord-config-'));
const load = (env: Record<string, string>) => loadConfig({ env, configDir: emptyDir });

describe('discord config section', () => {
  it('defaults: adapter off, Message Content on, ephemeral answers', () => {
    expect(load({}).discord).toEqual({ messageContent: true, ephemeral: true });
  });

  it('reads the environment', () => {
    const d = load({
      DISCORD_TOKEN: 'tok',
      DISCORD_APPLICATION_ID: '1234',
      DISCORD_GUILD_ID: '5678',
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      DISCORD_DIGEST_CHANNEL_ID: '42',
      DISCORD_MESSAGE_CONTENT: 'false',
      DISCORD_EPHEMERAL: 'false',
    }).discord;
    expect(d).toEqual({
      token: 'tok',
      applicationId: '1234',
      guildId: '5678',
      apiUrl: 'http://127.0.0.1:9/api',
      digestChannelId: '42',
      messageContent: false,
      ephemeral: false,
    });
  });

  it('keeps 19-digit ids from a config file exact', () => {
    const d = loadConfig({
      env: {},
      configDir: emptyDir,
      overrides: { discord: { token: 't', applicationId: '1234567890123456789', guildId: '9876543210987654321' } },
    }).discord;
    expect([d.applicationId, d.guildId]).toEqual(['1234567890123456789', '9876543210987654321']);
  });

  it('a token without an application id is an error naming both', () => {
    expect(() => load({ DISCORD_TOKEN: 'tok' })).toThrow(/DISCORD_TOKEN.*DISCORD_APPLICATION_ID/);
  });

  it('rejects a bad API URL', () => {
    expect(() => load({ DISCORD_API_URL: 'ftp://x' })).toThrow(/discord\.apiUrl/);
  });
});

describe('discord text', () => {
  it('escapes markdown once, keeps URLs, defangs mentions', () => {
    expect(literal('**b** _i_ `c` # not [x](https://e.example/a_b)')).toBe(
      '\\*\\*b\\*\\* \\_i\\_ \\`c\\` # not \\[x](https://e.example/a_b)',
    );
    expect(literal('# Title\n> quote\n- item')).toBe('\\# Title\n\\> quote\n\\- item');
    expect(literal('@everyone <@123456>')).not.toMatch(/@everyone|<@1/);
  });

  it('splits at sentence or word boundaries, never mid-word', () => {
    const text = 'Alpha beta gamma. Delta epsilon zeta eta. Theta iota kappa lambda mu.';
    for (const max of [10, 20, 30, 45]) {
      const parts = splitText(text, max);
      expect(parts.every((p) => p.length <= max)).toBe(true);
      expect(parts.join(' ')).toBe(text);
    }
    expect(splitText(text, 45)[0]).toBe('Alpha beta gamma. Delta epsilon zeta eta.');
    expect(clip('Alpha beta gamma', 12)).toBe('Alpha beta…');
  });

  it('hard-splits a word longer than the limit without breaking an escape', () => {
    const parts = splitText(`${'a'.repeat(9)}\\*b`, 10);
    expect(parts).toEqual(['a'.repeat(9), '\\*b']);
  });

  it('renders every reply kind within the limits', () => {
    for (const m of [
      ...renderDigest(oversizedDigest()),
      ...renderDigest(smallDigest()),
      ...renderDigest({ date: '2026-11-28', items: [], fallbacks: [] }),
    ]) {
      expect(limitProblems(m)).toEqual([]);
    }
    const updated = renderDigest({
      date: '2026-11-28',
      items: [{ ...oversizedDigest().items[0]!, updated: true }, smallDigest().items[0]!],
      fallbacks: [],
    });
    const titles = updated.flatMap((m) => m.embeds.map((e) => e.title)).filter((t) => t !== undefined);
    expect(titles[0]).toMatch(/^Updated · Very long headline.*…$/);
    expect(titles[0]?.length).toBeLessThanOrEqual(256);
    expect(titles[1]).toMatch(/^Harbour tariffs rise/);
    const replies = renderReply({ kind: 'help', text: 'x'.repeat(3000) });
    for (const m of replies) expect(limitProblems(m)).toEqual([]);
  });
});

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/load.ts';
import { configuredFeeds } from '../../../src/config/feeds-section.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'feeds-config-'));
const load = (env: Record<string, string>, sources?: unknown) =>
  loadConfig({ env, configDir: dir, ...(sources ? { overrides: { sources } } : {}) });
const problems = (f: () => unknown): string[] => {
  try {
    f();
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
};

describe('sources.feeds and FEED_URLS', () => {
  it('merges the config list and FEED_URLS by URL, with the defaults', () => {
    const c = load(
      { FEED_URLS: 'https://a.example/feed.xml, https://b.example/rss' },
      { feeds: [{ url: 'https://a.example/feed.xml', name: 'a', fullText: true, intervalMinutes: 30 }] },
    );
    expect(configuredFeeds(c.sources)).toEqual([
      { url: 'https://a.example/feed.xml', name: 'a', fullText: true, tags: [], intervalMinutes: 30 },
      { url: 'https://b.example/rss', fullText: false, tags: [], intervalMinutes: 15 },
    ]);
  });

  it('names the variable and the fix for a bad URL in FEED_URLS', () => {
    expect(problems(() => load({ FEED_URLS: 'https://ok.example/rss,ftp://nope.example/x' }))).toEqual([
      'sources.feedUrls.1 (from FEED_URLS): "ftp://nope.example/x" is not an http(s) URL; use an http(s) URL such as https://example.com/feed.xml',
    ]);
  });

  it('rejects an interval under 5 minutes, a bad name and duplicates, each with the fix', () => {
    const p = problems(() =>
      load(
        {},
        {
          feeds: [
            { url: 'https://a.example/rss', intervalMinutes: 1 },
            { url: 'https://a.example/rss', name: 'Bad Name' },
            { url: 'https://c.example/rss', nme: 'x' },
          ],
        },
      ),
    );
    expect(p).toContain(
      'sources.feeds.0.intervalMinutes: must be at least 5 minutes: feeds polled more often get rate-limited or blocked',
    );
    expect(p.some((l) => l.startsWith('sources.feeds.1.name: must be 1–64 lower-case letters'))).toBe(true);
    expect(p.some((l) => l.startsWith('sources.feeds.2') && l.includes('nme'))).toBe(true);
  });
});

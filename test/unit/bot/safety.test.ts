import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defang, isInert } from '../../../src/bot/safety.ts';

const LIVE = [/@(everyone|here|channel)\b(?!\u200b)/i, /<[!@#/:][^\u200b]/, /<https?:[^\u200b]/];

describe('output safety', () => {
  it.each([
    '@everyone',
    '@here',
    '＠everyone',
    '<!channel>',
    '<!here>',
    '<@U123>',
    '<@!123456789>',
    '<@&42>',
    '<#C123>',
    '<https://evil.example|click>',
    '</cmd:1>',
  ])('defangs %s', (s) => {
    const out = defang(`Read this ${s} now`);
    for (const re of LIVE) expect(out).not.toMatch(re);
    expect(out.replace(/\u200b/g, '')).toBe(`Read this ${s} now`);
  });

  it('leaves ordinary news text untouched', () => {
    const text = 'Growth hit 2.5% as sales rose to $1.13bn, e-mail press@example.com, 3 < 4 > 2.';
    expect(defang(text)).toBe(text);
    expect(isInert(text)).toBe(true);
  });

  it('is idempotent and only ever inserts zero-width spaces', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = defang(s);
        expect(defang(once)).toBe(once);
        expect(once.replace(/\u200b/g, '')).toBe(s.replace(/\u200b/g, ''));
      }),
    );
  });
});

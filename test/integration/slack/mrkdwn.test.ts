import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, fromSlackText, safeText, safeUrl, truncateWords } from '../../../src/adapters/slack/mrkdwn.ts';
import { splitText } from '../../../src/adapters/slack/split-text.ts';
import { SLACK_LIMITS, assertWithinLimits, type Block } from '../../../src/adapters/slack/limits.ts';
import { isInert } from '../../../src/bot/safety.ts';

describe('mrkdwn out', () => {
  it('escapes Slack’s control characters, so mentions and links become inert text', () => {
    expect(escapeMrkdwn('a & b <c> &amp;')).toBe('a &amp; b &lt;c&gt; &amp;amp;');
    for (const hostile of [
      '<!channel>',
      '<!here>',
      '<@U123>',
      '<#C123|general>',
      '<https://evil.example|click>',
      '<!subteam^S1|@ops>',
    ]) {
      const out = safeText(hostile);
      expect(out).not.toMatch(/[<>]/);
      expect(isInert(out.replace(/&lt;/g, '<'))).toBe(true);
    }
    expect(safeText('@everyone and @here')).toBe('@\u200beveryone and @\u200bhere');
  });

  it('links only http(s) URLs, re-encoded and escaped', () => {
    expect(safeUrl('https://news.example/a b?x=1&y=2|3')).toBe('https://news.example/a%20b?x=1&amp;y=2%7C3');
    expect(safeUrl('http://news.example/<script>')).toBe('http://news.example/%3Cscript%3E');
    for (const bad of [
      'javascript:alert(1)',
      'mailto:a@b.c',
      'slack://open',
      'https://user:pw@news.example/',
      'not a url',
      '',
      null,
      undefined,
    ])
      expect(safeUrl(bad)).toBeNull();
    expect(safeUrl(`https://news.example/${'a'.repeat(3000)}`)).toBeNull();
  });

  it('truncates at a word, never inside an entity', () => {
    expect(truncateWords('one two three four', 10)).toBe('one two…');
    expect(truncateWords('short', 10)).toBe('short');
    expect(truncateWords('&amp;&amp;&amp;&amp;', 8)).toBe('&amp;…');
  });
});

describe('Slack text in', () => {
  it('drops the bot’s mention and reduces Slack markup to plain words', () => {
    expect(fromSlackText('<@UBOT> what did <@U2|mira> say in <#C1|trade>?', 'UBOT')).toBe(
      'what did @mira say in #trade?',
    );
    expect(fromSlackText('tell <!here> about <https://x.example|this> &amp; <https://y.example> &lt;3')).toBe(
      'tell @here about this & https://y.example <3',
    );
    expect(fromSlackText('<!subteam^S1|@ops> <!date^1392734382^{date}|Feb 18> <@U9>')).toBe('@ops Feb 18 @U9');
  });
});

describe('splitText', () => {
  const word = fc.stringMatching(/^[a-z&<>]{1,12}[.!?]?$/);
  it('keeps pieces within the limit, cuts only between words, and loses nothing', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 300 }), fc.integer({ min: 64, max: 400 }), (words, max) => {
        // Every word fits (escaped, a word is at most 61 characters), so no cut falls inside one.
        const text = escapeMrkdwn(words.join(' '));
        const pieces = splitText(text, max);
        for (const p of pieces) {
          expect(p.length).toBeLessThanOrEqual(max);
          expect(p).toBe(p.trim());
          expect(p).not.toMatch(/&(a|am|amp|l|lt|g|gt)?$/);
        }
        expect(pieces.join(' ')).toBe(text);
      }),
    );
  });

  it('prefers sentence ends', () => {
    const text = 'First sentence is here. Second one follows it. Third.';
    expect(splitText(text, 40)).toEqual(['First sentence is here.', 'Second one follows it. Third.']);
  });

  it('cuts an over-long word only when it must, outside entities and surrogate pairs', () => {
    const pieces = splitText(`${'&amp;'.repeat(10)}${'😀'.repeat(10)}`, 12);
    for (const p of pieces) expect(p).toMatch(/^(&amp;|😀)+$/u);
    expect(pieces.join('')).toBe(`${'&amp;'.repeat(10)}${'😀'.repeat(10)}`);
  });
});

describe('limits', () => {
  const section = (n: number): Block => ({ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(n) } });
  it('refuses payloads over Slack’s limits before they are sent', () => {
    expect(() => assertWithinLimits({ text: 'ok', blocks: Array.from({ length: 51 }, () => section(1)) })).toThrow(
      /51 blocks/,
    );
    expect(() => assertWithinLimits({ text: 'ok', blocks: [section(3001)] })).toThrow(/section block 0/);
    expect(() => assertWithinLimits({ text: 'ok', blocks: Array.from({ length: 5 }, () => section(2500)) })).toThrow(
      /12500 characters of block text/,
    );
    expect(() =>
      assertWithinLimits({
        text: 'ok',
        blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }],
      }),
    ).toThrow(/header/);
    expect(() => assertWithinLimits({ text: 'x'.repeat(SLACK_LIMITS.fallbackText + 1), blocks: [] })).toThrow(
      /fallback/,
    );
    expect(() => assertWithinLimits({ text: 'ok', blocks: [section(3000), section(3000)] })).not.toThrow();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guidInFile, itemFileName, renderItemFile, slugify, textToMarkdown } from '../../../src/feeds/item-file.ts';
import { markdownToText, parseMarkdown } from '../../../src/sources/markdown.ts';
import { normalizeParagraphs } from '../../../src/sources/parsed.ts';
import { htmlToText } from '../../../src/feeds/html-text.ts';
import { retryAfterTime, nextFetchAt } from '../../../src/feeds/backoff.ts';
import { emptyFeedState } from '../../../src/domain/feed-state.ts';

/** What the Markdown reader makes of a text: paragraphs, inner whitespace runs collapsed. */
const expected = (t: string): string =>
  normalizeParagraphs(t)
    .split('\n\n')
    .map((p) => p.replace(/\s+/g, ' '))
    .join('\n\n');

describe('feed items as Markdown files', () => {
  it("any text reads back exactly: no Markdown syntax can be made from an item's words", () => {
    const chars = fc.constantFrom(...'ab 1.)#*_`[]()<>!|~&=-+\\>\n:@{}"\''.split(''));
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 80 }).map((a) => a.join('')),
        (text) => {
          expect(markdownToText(textToMarkdown(text))).toBe(expected(text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('writes front matter that the folder reader takes, guid included', () => {
    const file = renderItemFile({
      title: 'Tariffs: "round two" #2',
      date: '2026-12-07T10:00:00.000Z',
      source: 'trade-desk',
      url: 'https://t.example/1',
      tags: ['steel'],
      guid: 'tag:t.example,2026:1',
      body: '# not a heading\n\n<@U123> [x](http://e)',
    });
    const a = parseMarkdown('feeds/trade-desk/x.md', file);
    expect(a).toMatchObject({
      title: 'Tariffs: "round two" #2',
      date: '2026-12-07T10:00:00Z',
      source: 'trade-desk',
      url: 'https://t.example/1',
      tags: ['steel'],
      body: '# not a heading\n\n<@U123> [x](http://e)',
    });
    expect(guidInFile(file)).toBe('tag:t.example,2026:1');
  });

  it('names files by date and slug', () => {
    expect(itemFileName('desk', { date: '2026-12-07T10:00:00Z', title: 'Über-tariffs: EU & U.S. agree!' })).toBe(
      'feeds/desk/2026-12-07-uber-tariffs-eu-u-s-agree.md',
    );
    expect(slugify('???')).toBe('item');
    expect(slugify('a'.repeat(100)).length).toBe(60);
  });

  it('turns item HTML into paragraphs', () => {
    expect(htmlToText('<p>One &amp; two.</p><p>Three<br>four</p><script>x()</script>')).toBe(
      'One & two.\n\nThree\nfour',
    );
  });
});

describe('when a feed is fetched next', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  it('reads Retry-After as seconds or a date, bounded to a day', () => {
    expect(retryAfterTime('30', now)?.toISOString()).toBe('2026-12-07T10:00:30.000Z');
    expect(retryAfterTime('Mon, 07 Dec 2026 11:00:00 GMT', now)?.toISOString()).toBe('2026-12-07T11:00:00.000Z');
    expect(retryAfterTime('99999999', now)?.toISOString()).toBe('2026-12-08T10:00:00.000Z');
    expect(retryAfterTime('soon', now)).toBeNull();
  });
  it('backs off on failures in a row and never before a Retry-After', () => {
    const s = { ...emptyFeedState('u', null), lastAttemptAt: now.toISOString() };
    expect(nextFetchAt(s, 15).toISOString()).toBe('2026-12-07T10:15:00.000Z');
    expect(nextFetchAt({ ...s, consecutiveFailures: 3 }, 15).toISOString()).toBe('2026-12-07T11:00:00.000Z');
    expect(nextFetchAt({ ...s, consecutiveFailures: 30 }, 15).toISOString()).toBe('2026-12-07T16:00:00.000Z');
    expect(nextFetchAt({ ...s, retryAfter: '2026-12-07T12:00:00.000Z' }, 15).toISOString()).toBe(
      '2026-12-07T12:00:00.000Z',
    );
  });
});

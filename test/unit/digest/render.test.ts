import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTxt } from '../../../src/sources/txt.ts';
import { buildDigest } from '../../../src/digest/build.ts';
import { digestToJson } from '../../../src/digest/render-json.ts';
import { escapeMarkdown, renderDigest } from '../../../src/digest/render-text.ts';

const founding = parseTxt(
  '2018-09-27-us-japan-trade-negotiations.txt',
  readFileSync('articles/2018-09-27-us-japan-trade-negotiations.txt', 'utf8'),
);

describe('digest renderers', () => {
  it('keeps the JSON contract other tools read, with quotes indexing the body', async () => {
    const digest = await buildDigest([founding], { date: '2026-11-28', sentences: 3, quotes: 'all' });
    const json = JSON.parse(JSON.stringify(digestToJson(digest, { withBody: true }))) as {
      articles: {
        id: string;
        file: string;
        title: string;
        date: string | null;
        source: null;
        url: null;
        body: string;
        summary: { method: string; sentences: string[] };
        quotes: { text: string; speaker: string | null; start: number; end: number }[];
      }[];
    };
    const [a] = json.articles;
    expect(a).toMatchObject({
      id: founding.id,
      file: founding.file,
      title: 'US & Japan To Start Trade Negotiations',
      date: '2018-09-27',
      source: null,
      url: null,
    });
    expect(a?.summary.method).toBe('extractive');
    expect(a?.summary.sentences).toHaveLength(3);
    expect(a?.quotes.length).toBeGreaterThanOrEqual(3);
    for (const q of a?.quotes ?? []) expect(a?.body.slice(q.start, q.end)).toBe(q.text);
    expect(a?.quotes.map((q) => q.speaker)).toContain('Shinzo Abe');
  });

  it('renders text and Markdown with speakers and an updated mark', async () => {
    const digest = await buildDigest([founding], { date: '2026-11-28', sentences: 2, quotes: 2 });
    const text = renderDigest({ ...digest, items: digest.items.map((i) => ({ ...i, updated: true })) }, 'text');
    expect(text).toMatch(/\[updated\] US & Japan To Start Trade Negotiations/);
    expect(text).toMatch(/” — (Donald Trump|Shinzo Abe)/);
    const md = renderDigest(digest, 'markdown');
    expect(md).toMatch(/^# News digest — 2026-11-28/);
    expect(md).toContain('## US & Japan To Start Trade Negotiations');
  });

  it('escapes Markdown markup but leaves prose readable', () => {
    expect(escapeMarkdown('# Not a heading, *not bold*, [no link](x), U.S. on 2018-09-27')).toBe(
      '\\# Not a heading, \\*not bold\\*, \\[no link\\](x), U.S. on 2018-09-27',
    );
    expect(escapeMarkdown('1. first\n- item\n> quote')).toBe('1\\. first\n\\- item\n\\> quote');
  });
});

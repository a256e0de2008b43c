import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/domain/types.ts';
import { htmlStats, roughHtmlText, roughTitle } from '../../../src/sources/html-scan.ts';
import { parseHtml } from '../../../src/sources/html.ts';
import { parseJson } from '../../../src/sources/json.ts';
import { markdownToText, parseMarkdown } from '../../../src/sources/markdown.ts';
import { isSkipped, normalizeParagraphs, type Parsed } from '../../../src/sources/parsed.ts';

function article(p: Parsed): Article {
  if (isSkipped(p)) throw new Error(`expected an article, got skip: ${p.reason}`);
  return p;
}
function reason(p: Parsed): string {
  if (!isSkipped(p)) throw new Error('expected a skip');
  return p.reason;
}

describe('normalizeParagraphs', () => {
  it('uses \\n line ends and exactly one blank line between paragraphs', () => {
    expect(normalizeParagraphs('\r\n  One\r\nline two  \r\n\r\n\r\n \t\nTwo\rThree\n\n')).toBe(
      'One\nline two\n\nTwo\nThree',
    );
  });
});

describe('markdown', () => {
  const md = `---
title: Ministers Agree To Review Grain Tariffs
date: 2022-05-04
source: The Valley Ledger
url: https://example.com/grain
tags: [trade, agriculture]
---

# Ministers Agree To Review Grain Tariffs

Trade ministers from **three countries** agreed on Wednesday to review
tariffs, according to a [joint statement](https://example.com/s) &amp; notes.

## What changes

- Quotas will be *published* monthly.
- A working group meets in \`June\`.

> “This is a first step,” said Ines Valdez.

![chart](chart.png)
`;

  it('reads front matter and turns the body into plain paragraphs', () => {
    const a = article(parseMarkdown('news/grain.md', md));
    expect(a).toMatchObject({
      file: 'news/grain.md',
      title: 'Ministers Agree To Review Grain Tariffs',
      date: '2022-05-04',
      source: 'The Valley Ledger',
      url: 'https://example.com/grain',
      tags: ['trade', 'agriculture'],
    });
    expect(a.body).toBe(
      [
        'Trade ministers from three countries agreed on Wednesday to review tariffs, according to a joint statement & notes.',
        'What changes',
        'Quotas will be published monthly.',
        'A working group meets in June.',
        '“This is a first step,” said Ines Valdez.',
      ].join('\n\n'),
    );
    expect(a.body).not.toMatch(/[*#`[\]>]/);
  });

  it('takes the title from the first # heading, then from the file name', () => {
    expect(article(parseMarkdown('a.md', 'Intro line.\n\n# Real Title\n\nText.'))).toMatchObject({
      title: 'Real Title',
      body: 'Intro line.\n\nText.',
    });
    expect(article(parseMarkdown('dir/port_update.md', 'Just text.'))).toMatchObject({
      title: 'port update',
      body: 'Just text.',
    });
  });

  it('turns tables, code and HTML blocks into text', () => {
    expect(
      markdownToText(
        '| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode here\n```\n\n<div><p>One</p><p>Two &amp; more</p></div>',
      ),
    ).toBe('a; b\n\n1; 2\n\ncode here\n\nOne\n\nTwo & more');
  });

  it.each([
    ['---\ntitle: [unclosed\n---\nBody.', /^front matter is not valid YAML: /],
    ['---\ntitle: x\nBody without closing line.', /front matter is not closed/],
    ['---\n- a\n- b\n---\nBody.', /must be YAML "key: value" lines/],
    ['---\ntags: {a: 1}\n---\nBody.', /^front matter field tags: must be a list/],
    ['+++\ntitle = "x"\n+++\nBody.', /TOML front matter/],
    ['---\ntitle: Only Metadata\n---\n\n', /^no body text$/],
  ])('skips broken input %#', (text, expected) => {
    expect(reason(parseMarkdown('bad.md', text))).toMatch(expected);
  });

  it('degrades instead of stalling on very deep nesting or huge emphasis runs', () => {
    const t0 = performance.now();
    expect(article(parseMarkdown('deep.md', `${'> '.repeat(200_000)}deep text`)).body).toBe('deep text');
    expect(article(parseMarkdown('stars.md', '*a'.repeat(200_000))).body).toBe('a'.repeat(200_000));
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('normalizes dates and comma-separated tags', () => {
    const a = article(parseMarkdown('a.md', '---\ntitle: T\ndate: Sept. 5, 2020\ntags: "a, b, a"\n---\nBody.'));
    expect(a.date).toBe('2020-09-05');
    expect(a.tags).toEqual(['a', 'b']);
  });
});

describe('json', () => {
  it('loads one object', () => {
    const [a] = parseJson(
      'one.json',
      JSON.stringify({
        title: 'Copper Exports Rise',
        content: 'Line.\r\n\r\n\r\nNext.',
        date: '2024-05-02',
        tags: ['mining'],
      }),
    );
    expect(a).toMatchObject({
      file: 'one.json',
      title: 'Copper Exports Rise',
      body: 'Line.\n\nNext.',
      date: '2024-05-02',
      tags: ['mining'],
    });
  });

  it('loads each array element on its own and skips the invalid ones by index', () => {
    const out = parseJson(
      'feed.json',
      JSON.stringify([
        { title: 'A', body: 'Body A.' },
        { title: 'B' },
        'nope',
        { title: '', body: 'x' },
        { title: 'E', text: 'Body E.' },
      ]),
    );
    expect(out.map((p) => p.file)).toEqual(['feed.json#0', 'feed.json#1', 'feed.json#2', 'feed.json#3', 'feed.json#4']);
    expect(out.filter((p) => !isSkipped(p)).map((p) => (p as Article).title)).toEqual(['A', 'E']);
    expect(reason(out[1] as Parsed)).toMatch(/^invalid article: body: is missing/);
    expect(reason(out[2] as Parsed)).toMatch(/^invalid article: must be an object/);
    expect(reason(out[3] as Parsed)).toMatch(/^invalid article: title: must not be empty/);
  });

  it('accepts {"articles": [...]}', () => {
    expect(parseJson('w.json', '{"articles":[{"title":"A","body":"B."}]}').map((p) => p.file)).toEqual(['w.json#0']);
  });

  it.each([
    ['{"title": "x", ', /^not valid JSON: /],
    ['[]', /JSON array is empty/],
    ['42', /must be an article object/],
  ])('skips the whole file for %j', (text, expected) => {
    const out = parseJson('bad.json', text);
    expect(out).toHaveLength(1);
    expect(reason(out[0] as Parsed)).toMatch(expected);
  });
});

describe('html', () => {
  const page = `<!DOCTYPE html><html><head>
<title>Rail Freight Climbs | Northern Courier</title>
<meta property="og:title" content="Rail Freight Volumes Climb">
<meta property="og:site_name" content="Northern Courier">
<meta property="article:published_time" content="2023-02-08T09:30:00Z">
<meta property="article:tag" content="rail">
<link rel="canonical" href="https://example.com/rail">
</head><body>
<nav><a href="/">Home</a> <a href="/b">Business</a></nav>
<article>
<p>Rail freight volumes rose for a third straight month in January, the national rail operator said on Wednesday, led by grain and timber.</p>
<p>“Demand from exporters has been stronger than we planned for,” said Tomas Reyes, the operator's head of freight.</p>
<p>Volumes were up 4.2% from a year earlier, and analysts said lower diesel prices had helped rail win business from road hauliers.</p>
</article>
<footer>Copyright</footer><script>var t = "ignore";</script>
</body></html>`;

  it('extracts the main text as paragraphs and the metadata', async () => {
    const a = article(await parseHtml('rail.html', page));
    expect(a).toMatchObject({
      title: 'Rail Freight Volumes Climb',
      date: '2023-02-08T09:30:00Z',
      source: 'Northern Courier',
      url: 'https://example.com/rail',
      tags: ['rail'],
    });
    expect(a.body.split('\n\n')).toHaveLength(3);
    expect(a.body).toMatch(/^Rail freight volumes rose/);
    expect(a.body).not.toMatch(/Home|Copyright|ignore|</);
  });

  it('falls back to <title>, meta date names, <time> and the file name', async () => {
    const a = article(
      await parseHtml(
        'x.html',
        '<html><head><title>Only Title</title><meta name="DC.date" content="2020-01-02"></head><body><p>Some text.</p></body></html>',
      ),
    );
    expect(a).toMatchObject({ title: 'Only Title', date: '2020-01-02', body: 'Some text.' });
    const b = article(
      await parseHtml(
        'dir/frag.htm',
        '<p>A <b>short</b> fragment &amp; more.</p><p>Second.<br>Line two.</p><time datetime="2019-03-04">x</time>',
      ),
    );
    expect(b).toMatchObject({ title: 'frag', date: '2019-03-04' });
    expect(b.body).toMatch(/^A short fragment & more\.\n\nSecond\.\nLine two\./);
  });

  it('reads pathological markup quickly with a rough linear pass instead of a DOM', async () => {
    const deep = `<title>Deep &amp; Odd</title>${'<div>'.repeat(50_000)}Buried text.`;
    const t0 = performance.now();
    const a = article(await parseHtml('deep.html', deep));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(a).toMatchObject({ title: 'Deep & Odd', body: 'Buried text.' });
    expect(article(await parseHtml('lt.html', `<p>${'<'.repeat(200_000)}</p>`)).body).toHaveLength(200_000);
  });

  it('measures markup and extracts rough text linearly', () => {
    expect(htmlStats('<div><p>a<p>b<br/><img src=x><svg><path/></svg></div> 1 < 2')).toEqual({
      tags: 7,
      depth: 2,
      bareLt: 1,
    });
    expect(
      roughHtmlText(
        '<head><title>T</title></head><h1>Head</h1><p>One &amp; <b>two</b><script>x<y</script></p><!-- c --><p>Three<br>four',
      ),
    ).toBe('Head\n\nOne & two\n\nThree four');
    expect(roughTitle('<TITLE> A  Title </TITLE>')).toBe('A Title');
  });

  it('skips a page with no text', async () => {
    expect(
      reason(await parseHtml('e.html', '<html><head><title>T</title></head><body><script>x()</script></body></html>')),
    ).toBe('no body text');
  });
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../../src/sources/folder-source.ts';
import { decodeText } from '../../../src/sources/decode.ts';
import { parseHtml } from '../../../src/sources/html.ts';
import { parseJson } from '../../../src/sources/json.ts';
import { parseMarkdown } from '../../../src/sources/markdown.ts';
import { isSkipped } from '../../../src/sources/parsed.ts';
import { parseTxt } from '../../../src/sources/txt.ts';
import { tempFolder } from './temp-folder.ts';

/** Each parse must finish well within this (they normally take well under a millisecond). */
const FAST_MS = 500;

/** Strings built from the syntax of every format, to reach the parsers' odd corners. */
const syntaxy = fc
  .array(
    fc.constantFrom(
      '---\n',
      '+++\n',
      'title: ',
      'date: ',
      'tags: [',
      ']',
      '{',
      '}',
      '"',
      ':',
      ',',
      '#',
      '# ',
      '*',
      '_',
      '`',
      '```',
      '[',
      '](',
      ')',
      '![',
      '>',
      '- ',
      '1. ',
      '|',
      '\n',
      '\n\n',
      '\r\n',
      ' ',
      '\t',
      '\\',
      '<',
      '>',
      '<p>',
      '</p>',
      '<html>',
      '<head>',
      '<meta property="og:title" content="',
      '<title>',
      '<script>',
      '<!--',
      '-->',
      '&amp;',
      '&#',
      ';',
      'September 27, 2018 – ',
      'Sept. ',
      '2018-09-27',
      'word',
      'Quoted “text”',
      '\u00a0',
      '\uFEFF',
      'é',
      '\u0000',
    ),
    { maxLength: 200 },
  )
  .map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 2000 }), syntaxy);

async function timed<T>(f: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await f();
  expect(performance.now() - t0).toBeLessThan(FAST_MS);
  return out;
}

describe('parsers never throw and finish fast on arbitrary text', () => {
  // The first HTML parse loads linkedom and readability; keep that out of the timings.
  beforeAll(() => parseHtml('warm-up.html', '<p>x</p>'));

  it('txt', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const a = await timed(() => parseTxt('x.txt', text));
        expect(a.body).toBe(a.body.trimEnd());
        expect(a.body).not.toContain('\r\n');
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });

  it('txt keeps the body exactly as the scorers slice it (Title, blank line, body)', () => {
    const line = fc
      .string({ unit: fc.constantFrom('a', 'B', ' ', '“', '”', '.', ',', 'é', '—'), minLength: 1, maxLength: 40 })
      .filter((t) => t.trim() !== '');
    const body = fc.string({
      unit: fc.constantFrom('a', 'B', ' ', '\n', '\t', '“', '.', '—', '-', '🙂'),
      maxLength: 300,
    });
    fc.assert(
      fc.property(
        line,
        fc.constantFrom('x', 'Q', '“'),
        body,
        fc.constantFrom('', '\n', '\n\n  \n'),
        (title, first, rest, end) => {
          const text = `${title}\n\n${first}${rest}${end}`;
          const a = parseTxt('x.txt', text);
          expect(a.body).toBe(text.slice(text.indexOf('\n') + 2).trimEnd());
          expect(a.title).toBe(title.replace(/\s+/g, ' ').trim());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('markdown', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const p = await timed(() => parseMarkdown('x.md', text));
        if (!isSkipped(p)) {
          expect(p.body).not.toMatch(/\n\n\n|^\s|\s$|\r/);
          expect(p.title).not.toBe('');
        }
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });

  it('json', async () => {
    const jsonish = fc.oneof(
      anyText,
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify([v, { title: 'T', body: v }])),
    );
    await fc.assert(
      fc.asyncProperty(jsonish, async (text) => {
        const out = await timed(() => parseJson('x.json', text));
        expect(out.length).toBeGreaterThan(0);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });

  it('html', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const p = await timed(() => parseHtml('x.html', text));
        if (!isSkipped(p)) expect(p.body).not.toMatch(/\n\n\n|^\s|\s$/);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 150) },
    );
  });

  it('decodeText on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        const d = decodeText(bytes);
        if (d.ok) expect(d.text).not.toMatch(/^\uFEFF/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('loading a folder of arbitrary files never throws', () => {
  const names = fc.constantFrom(
    'a.txt',
    'b.md',
    'c.html',
    'd.json',
    'e.htm',
    'f.bin',
    'g',
    'sub/h.txt',
    'sub/i.md',
    '.hidden.txt',
    'deep/er/j.json',
  );
  const content = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    anyText.map((s) => new TextEncoder().encode(s)),
  );

  it('every visible file gives articles or skips', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(names, content, { maxKeys: 8 }), async (files) => {
        const t = tempFolder();
        try {
          for (const [name, bytes] of Object.entries(files)) t.write(name, bytes);
          const skips: string[] = [];
          const r = await loadArticles(t.dir, { onSkip: (s) => skips.push(s.file) });
          const reported = new Set([...r.articles.map((a) => a.file), ...skips].map((f) => f.replace(/#\d+$/, '')));
          expect([...reported].sort()).toEqual(
            Object.keys(files)
              .filter((n) => !n.startsWith('.'))
              .sort(),
          );
          expect(r.skipped.every((s) => s.reason.length > 0)).toBe(true);
        } finally {
          t.remove();
        }
      }),
      { numRuns: 40 },
    );
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleId } from '../../../src/sources/article-id.ts';
import { parseTxt } from '../../../src/sources/txt.ts';

const FOUNDING = 'articles/2018-09-27-us-japan-trade-negotiations.txt';

describe('parseTxt', () => {
  it('reads the founding article: title, dateline date, body without the dateline', () => {
    const a = parseTxt('2018-09-27-us-japan-trade-negotiations.txt', readFileSync(FOUNDING, 'utf8'));
    expect(a.title).toBe('US & Japan To Start Trade Negotiations');
    expect(a.date).toBe('2018-09-27');
    expect(a.body.startsWith('The United States and Japan agreed yesterday')).toBe(true);
    expect(a.body).not.toMatch(/\s$/);
    expect(a.id).toBe(articleId(a.title, a.body));
  });

  it('keeps the body exactly as the scorers slice it when there is no dateline', () => {
    const text =
      'Dockworkers Vote On New Contract\n\n  Dockworkers voted on Friday.\n\n“It is fair,” said Ana Ruiz.\t\nEnd.  \n\n';
    const a = parseTxt('x.txt', text);
    expect(a.title).toBe('Dockworkers Vote On New Contract');
    expect(a.body).toBe(text.slice(text.indexOf('\n') + 2).trimEnd());
    expect(a.date).toBeNull();
  });

  it.each([
    ['September 27, 2018 – ', '2018-09-27'],
    ['September 27, 2018 —\u00a0', '2018-09-27'],
    ['Sept. 27, 2018 — ', '2018-09-27'],
    ['Sep 3, 2020 - ', '2020-09-03'],
    ['Jan. 5 2021 – ', '2021-01-05'],
    ['2018-09-27 – ', '2018-09-27'],
  ])('removes the dateline %j and reads its date', (dateline, iso) => {
    const a = parseTxt('x.txt', `Title Here\n\n${dateline}Ministers met today.\n`);
    expect(a.date).toBe(iso);
    expect(a.body).toBe('Ministers met today.');
  });

  it('leaves a body alone when it does not start with a dateline', () => {
    const a = parseTxt('x.txt', 'Title\n\nOn September 27, 2018 – ministers met.\n');
    expect(a.date).toBeNull();
    expect(a.body).toBe('On September 27, 2018 – ministers met.');
  });

  it('normalizes CRLF line ends and a byte-order mark', () => {
    const a = parseTxt('x.txt', '\uFEFFA Title\r\n\r\nLine one.\r\nLine two.\r\n');
    expect(a.title).toBe('A Title');
    expect(a.body).toBe('Line one.\nLine two.');
  });

  it('gives an empty body for a title-only file (the loader skips it)', () => {
    expect(parseTxt('x.txt', 'Only A Title\n\n  \n').body).toBe('');
    expect(parseTxt('x.txt', 'Only A Title').body).toBe('');
  });
});

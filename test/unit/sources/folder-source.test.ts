import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, renameSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes, loadArticles, type LoadOptions, type SkippedFile } from '../../../src/sources/folder-source.ts';
import { describeFsError } from '../../../src/sources/walk.ts';
import { tempFolder } from './temp-folder.ts';

const SAMPLE = 'test/fixtures/sources/sample';
const GOOD = 'Port Reopens After Storm\n\nThe harbour reopened on Monday, officials said.\n';

async function load(dir: string, opts: Omit<LoadOptions, 'onSkip'> = {}) {
  const calls: SkippedFile[] = [];
  const result = await loadArticles(dir, { ...opts, onSkip: (s) => calls.push(s) });
  expect(calls).toEqual(result.skipped);
  return result;
}

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});
function temp() {
  const t = tempFolder();
  cleanup.push(t.remove);
  return t;
}

describe('loadArticles on the sample fixtures', () => {
  it('loads every format, recursively, in sorted path order, ignoring hidden files and folders', async () => {
    const r = await load(SAMPLE);
    expect(r.articles.map((a) => a.file)).toEqual([
      'feed.json#0',
      'feed.json#2',
      'harbor-cranes.txt',
      'news/grain-tariffs.md',
      'news/rail-freight.html',
    ]);
    expect(r.skipped).toEqual([
      { file: 'feed.json#1', reason: expect.stringMatching(/^invalid article: body: is missing/) as unknown as string },
    ]);
    const byFile = new Map(r.articles.map((a) => [a.file, a]));
    expect(byFile.get('harbor-cranes.txt')).toMatchObject({
      title: 'Harbor Cranes Return To Service',
      date: '2021-09-14',
    });
    expect(byFile.get('news/grain-tariffs.md')).toMatchObject({
      title: 'Ministers Agree To Review Grain Tariffs',
      date: '2022-05-04',
      tags: ['trade', 'agriculture'],
    });
    expect(byFile.get('news/rail-freight.html')).toMatchObject({
      title: 'Rail Freight Volumes Climb For Third Month',
      source: 'Northern Courier',
    });
    expect(r.articles.every((a) => !/Should never load/.test(a.body))).toBe(true);
  });

  it('loads the founding article folder', async () => {
    const r = await load('articles');
    expect(r.skipped).toEqual([]);
    expect(r.articles.map((a) => a.file)).toEqual(['2018-09-27-us-japan-trade-negotiations.txt']);
  });
});

describe('article ids', () => {
  it('keeps the id of a renamed or moved file and gives an edited file a new one', async () => {
    const t = temp();
    t.write('a.txt', GOOD);
    const [before] = (await load(t.dir)).articles;
    mkdirSync(path.join(t.dir, 'moved'));
    renameSync(path.join(t.dir, 'a.txt'), path.join(t.dir, 'moved', 'renamed.txt'));
    const [renamed] = (await load(t.dir)).articles;
    expect(renamed?.file).toBe('moved/renamed.txt');
    expect(renamed?.id).toBe(before?.id);
    t.write('moved/renamed.txt', GOOD.replace('Monday', 'Tuesday'));
    const [edited] = (await load(t.dir)).articles;
    expect(edited?.id).not.toBe(before?.id);
  });
});

describe('bad input: one skip naming the file, the others still load', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['empty.txt', '', /^empty file$/],
    ['blank.md', '  \n\n\t\n', /^empty file \(only whitespace\)$/],
    ['title-only.txt', 'Just A Title\n\n', /^no body text/],
    ['no-body.md', '---\ntitle: Metadata Only\n---\n', /^no body text$/],
    [
      'image.txt',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      /^binary file/,
    ],
    [
      'latin1.txt',
      new Uint8Array([...new TextEncoder().encode('Caf\n\nna'), 0xef, 0x20, 0x6f, 0x6b]),
      /^not valid UTF-8 \(byte 0xef at offset 7\)/,
    ],
    ['report.docx', 'Title\n\nBody.', /^unknown extension \.docx — expected \.txt, \.md, \.html or \.json$/],
    ['README', 'Title\n\nBody.', /^no file extension/],
    ['broken.md', '---\ntitle: "unterminated\n---\nBody.', /^front matter is not valid YAML: /],
    ['broken.json', '[{"title": "A", "body": "B"', /^not valid JSON: /],
  ];

  it.each(cases)('%s', async (name, content, reason) => {
    const t = temp();
    t.write('good.txt', GOOD);
    t.write(`sub/${name}`, content);
    const r = await load(t.dir);
    expect(r.articles.map((a) => a.file)).toEqual(['good.txt']);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]?.file).toBe(`sub/${name}`);
    expect(r.skipped[0]?.reason).toMatch(reason);
  });

  it('skips a file over the size cap (checked before reading)', async () => {
    const t = temp();
    t.write('good.txt', GOOD);
    t.write('huge.txt', `Huge\n\n${'word '.repeat(650_000)}`);
    const r = await load(t.dir);
    expect(r.articles.map((a) => a.file)).toEqual(['good.txt']);
    expect(r.skipped).toEqual([{ file: 'huge.txt', reason: 'over the 2 MB size cap (3.1 MB)' }]);
    const small = await load(t.dir, { maxBytes: 20 });
    expect(small.skipped.map((s) => s.reason)).toEqual([
      `over the 20 bytes size cap (${GOOD.length} bytes)`,
      'over the 20 bytes size cap (3.1 MB)',
    ]);
  });

  it('skips a broken symbolic link and a named pipe', async () => {
    const t = temp();
    t.write('good.txt', GOOD);
    symlinkSync(path.join(t.dir, 'missing.txt'), path.join(t.dir, 'dangling.txt'));
    execFileSync('mkfifo', [path.join(t.dir, 'pipe.txt')]);
    const r = await load(t.dir);
    expect(r.articles.map((a) => a.file)).toEqual(['good.txt']);
    expect(r.skipped).toEqual([
      { file: 'dangling.txt', reason: 'broken symbolic link (its target does not exist)' },
      { file: 'pipe.txt', reason: 'a named pipe' },
    ]);
  });

  it('follows file and folder links once, without looping', async () => {
    const t = temp();
    const outside = temp();
    t.write('good.txt', GOOD);
    outside.write('ext.txt', GOOD.replace('harbour', 'airport'));
    symlinkSync(outside.dir, path.join(t.dir, 'linked'));
    symlinkSync(outside.dir, path.join(t.dir, 'linked-again'));
    symlinkSync(t.dir, path.join(t.dir, 'loop'));
    symlinkSync(path.join(t.dir, 'good.txt'), path.join(t.dir, 'alias.txt'));
    const r = await load(t.dir, { linkTargets: [outside.dir] });
    expect(r.articles.map((a) => a.file)).toEqual(['alias.txt', 'good.txt', 'linked/ext.txt']);
    expect(r.skipped.map((s) => s.file)).toEqual(['linked-again', 'loop']);
  });

  it('skips links that resolve outside the folder, and system files always', async () => {
    const t = temp();
    const outside = temp();
    t.write('good.txt', GOOD);
    const secret = outside.write('secret.txt', 'Secret\n\nroot:x:0:0:root:/root:/bin/bash\n');
    symlinkSync(secret, path.join(t.dir, 'passwd.txt'));
    symlinkSync(outside.dir, path.join(t.dir, 'elsewhere'));
    symlinkSync('/proc/meminfo', path.join(t.dir, 'meminfo.txt'));
    const r = await load(t.dir);
    expect(r.articles.map((a) => a.file)).toEqual(['good.txt']);
    expect(r.skipped.map((s) => s.file)).toEqual(['elsewhere', 'meminfo.txt', 'passwd.txt']);
    expect(r.skipped[0]?.reason).toMatch(/outside the articles folder — not followed/);
    expect(r.skipped[1]?.reason).toMatch(/system files are never loaded/);
    // Allowing other folders never allows /proc.
    const allowed = await load(t.dir, { linkTargets: [outside.dir, '/proc'] });
    expect(allowed.articles.map((a) => a.file)).toEqual(['elsewhere/secret.txt', 'good.txt', 'passwd.txt']);
    expect(allowed.skipped.map((s) => s.file)).toEqual(['meminfo.txt']);
  });

  it.skipIf(process.getuid?.() === 0)('skips an unreadable file (not testable as root)', async () => {
    const t = temp();
    t.write('good.txt', GOOD);
    chmodSync(t.write('locked.txt', GOOD), 0o000);
    const r = await load(t.dir);
    expect(r.skipped).toEqual([{ file: 'locked.txt', reason: 'cannot read: permission denied' }]);
  });

  it('words file-system errors for people', () => {
    expect(describeFsError(Object.assign(new Error('EACCES: permission denied, open x'), { code: 'EACCES' }))).toBe(
      'permission denied',
    );
    expect(describeFsError(Object.assign(new Error('x'), { code: 'ELOOP' }))).toBe('symbolic link loop');
    expect(describeFsError('odd')).toBe('odd');
  });

  it('reports a missing folder as one skip and no articles', async () => {
    const t = temp();
    const missing = path.join(t.dir, 'nope');
    const r = await load(missing);
    expect(r.articles).toEqual([]);
    expect(r.skipped).toEqual([
      { file: '.', reason: expect.stringContaining(`${missing} does not exist`) as unknown as string },
    ]);
    const file = t.write('file.txt', GOOD);
    expect((await load(file)).skipped[0]?.reason).toMatch(/is not a folder/);
  });

  it('skips one bad file among many and keeps order', async () => {
    const t = temp();
    cpSync(SAMPLE, t.dir, { recursive: true });
    t.write('news/zz.bin', new Uint8Array([0, 1, 2]));
    const r = await load(t.dir);
    expect(r.articles).toHaveLength(5);
    expect(r.skipped.map((s) => s.file)).toEqual(['feed.json#1', 'news/zz.bin']);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1023, '1023 bytes'],
    [1536, '1.5 KB'],
    [2 * 1024 * 1024, '2 MB'],
    [3.1 * 1024 * 1024, '3.1 MB'],
  ])('%d → %s', (n, s) => expect(formatBytes(n)).toBe(s));
});

import { afterEach, describe, expect, it } from 'vitest';
import { buildDigest } from '../../../src/digest/build.ts';
import { analyze, MAX_RUN } from '../../../src/nlp/analysis.ts';
import { loadArticles, type SkippedFile } from '../../../src/sources/folder-source.ts';
import { tempFolder } from '../sources/temp-folder.ts';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

async function digestOf(files: Record<string, string>) {
  const t = tempFolder();
  cleanup.push(t.remove);
  for (const [name, content] of Object.entries(files)) t.write(name, content);
  const skips: SkippedFile[] = [];
  const started = performance.now();
  const lib = await loadArticles(t.dir, { onSkip: (s) => skips.push(s) });
  const digest = await buildDigest(lib.articles, { date: '2026-01-01', sentences: 3, quotes: 3 });
  return { lib, skips, digest, seconds: (performance.now() - started) / 1000 };
}

describe('hostile article input is bounded before any dependency sees it', () => {
  it('a 200 KB single-token .txt digests in under 2 s', async () => {
    const r = await digestOf({ 'one-token.txt': `Endless Word\n\n${'x'.repeat(200_000)}\n` });
    expect(r.lib.articles).toHaveLength(1);
    expect(r.seconds).toBeLessThan(2);
  }, 30_000);

  it('a 500 KB page of &amp; digests in under 2 s', async () => {
    const r = await digestOf({
      'amp.html': `<html><head><title>Ampersands</title></head><body><p>${'&amp;'.repeat(100_000)}</p></body></html>`,
    });
    expect(r.lib.articles).toHaveLength(1);
    expect(r.seconds).toBeLessThan(2);
  }, 30_000);

  it('a 1,000,000-element JSON array gives at most one warning line, with a count', async () => {
    const good = JSON.stringify({ title: 'Harbour Reopens', body: 'The harbour reopened on Monday, officials said.' });
    const r = await digestOf({ 'junk.json': `[${good},${Array(1_000_000).fill('0').join(',')}]` });
    expect(r.lib.articles).toHaveLength(1);
    expect(r.skips).toHaveLength(1);
    expect(r.skips[0]?.reason).toMatch(
      /^1000000 of 1000001 array elements skipped; the first, junk\.json#1: invalid article: must be an object/,
    );
  }, 30_000);

  it('keeps every token and sentence an exact substring of the body after cutting long runs', () => {
    const body = `Lead ${'y'.repeat(MAX_RUN * 3 + 7)} then ${'!'.repeat(50)} and ${'😀'.repeat(MAX_RUN)} end. Next sentence here.`;
    const a = analyze(body);
    expect(a.sentences.length).toBeGreaterThan(0);
    for (const s of a.sentences) {
      expect(body.slice(s.start, s.end)).toBe(s.text);
      for (const t of s.tokens) {
        expect(body.slice(t.start, t.end)).toBe(t.value);
        expect(t.value.length).toBeLessThanOrEqual(MAX_RUN + 1);
      }
    }
    expect(a.sentences.at(-1)?.text).toBe('Next sentence here.');
  });
});

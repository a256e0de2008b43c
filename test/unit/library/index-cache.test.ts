import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/domain/types.ts';
import { analyze, type AnalyzedText } from '../../../src/nlp/analysis.ts';
import { createAnswerer, createAnswererFromIndex } from '../../../src/answer/answerer.ts';
import { buildIndex } from '../../../src/answer/sentence-index.ts';
import { cachedIndex, decodeIndex, encodeIndex, indexKey } from '../../../src/library/index-cache.ts';
import { buildLibrary } from '../../../src/library/library.ts';
import { digestItem } from '../../../src/digest/build.ts';
import { syntheticArticle } from '../../../src/bench/synthetic-corpus.ts';
import { article, HARBOUR, ORCHARD } from '../answer/fixtures.ts';

const ARTICLES: Article[] = [
  HARBOUR,
  ORCHARD,
  ...Array.from({ length: 6 }, (_, i) => article(`synthetic-${i}`, `Trade report ${i}`, syntheticArticle(i + 1, 250))),
  article(
    'acronym',
    'Talks at the Trade Council',
    'The Northern Trade Council (NTC) met on Monday. The NTC agreed to cut duties on steel by 4%.',
  ),
];
const QUESTIONS = [
  'How much cargo did the Port of Veltra handle?',
  'What did the NTC agree?',
  'Who blamed the frost damage?',
  'What is the population of Mars?',
];

let tmp: string | undefined;
afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

function counting(): { analysisOf: (a: Article) => AnalyzedText; calls: () => number } {
  let n = 0;
  return { analysisOf: (a) => (n++, analyze(a.body)), calls: () => n };
}

describe('answer index cache', () => {
  it('an encoded index decodes to the same index: every field equal, the same answers', () => {
    const built = buildIndex(ARTICLES.map((a) => ({ article: a, analysis: analyze(a.body) })));
    const key = indexKey(ARTICLES);
    const decoded = decodeIndex(Buffer.concat(encodeIndex(built, key)), ARTICLES, key);
    expect(decoded).not.toBeNull();
    for (const [name, value] of Object.entries(built))
      expect((decoded as unknown as Record<string, unknown>)[name], name).toEqual(value);
    // Bytes at an odd offset in their buffer decode the same (the arrays are copied to an aligned area).
    const odd = Buffer.concat([Buffer.alloc(3), Buffer.concat(encodeIndex(built, key))]).subarray(3);
    expect(decodeIndex(odd, ARTICLES, key)?.postSent).toEqual(built.postSent);
    const a = createAnswererFromIndex(built);
    const b = createAnswererFromIndex(decoded!);
    for (const q of QUESTIONS) expect(b.ask(q)).toEqual(a.ask(q));
    expect(a.ask(QUESTIONS[0] as string).answered).toBe(true);
  });

  it('is keyed by the content ids in order: other articles or another order are not read', () => {
    const built = buildIndex(ARTICLES.map((a) => ({ article: a, analysis: analyze(a.body) })));
    const bytes = Buffer.concat(encodeIndex(built, indexKey(ARTICLES)));
    const swapped = [ARTICLES[1] as Article, ARTICLES[0] as Article, ...ARTICLES.slice(2)];
    expect(decodeIndex(bytes, swapped, indexKey(swapped))).toBeNull();
    const edited = [{ ...HARBOUR, id: 'harbour-v2', body: `${HARBOUR.body} More ships came.` }, ...ARTICLES.slice(1)];
    expect(indexKey(edited)).not.toBe(indexKey(ARTICLES));
    expect(decodeIndex(Buffer.from('not an index'), ARTICLES, indexKey(ARTICLES))).toBeNull();
  });

  it('first start builds and writes the file; the next start reads it without analysing anything; a change rebuilds', () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'index-cache-'));
    const file = path.join(tmp, 'state', 'answer-index.bin');
    const cold = counting();
    const first = cachedIndex(ARTICLES, file, cold.analysisOf);
    expect(first.reused).toBe(false);
    expect(first.note).toBe('no cache file yet');
    expect(cold.calls()).toBe(ARTICLES.length);

    const warm = counting();
    const second = cachedIndex(ARTICLES, file, warm.analysisOf);
    expect(second.reused).toBe(true);
    expect(warm.calls()).toBe(0);
    for (const q of QUESTIONS)
      expect(createAnswererFromIndex(second.index).ask(q)).toEqual(createAnswerer(ARTICLES).ask(q));

    const fewer = ARTICLES.slice(1);
    const third = cachedIndex(fewer, file, counting().analysisOf);
    expect(third.reused).toBe(false);
    expect(third.note).toMatch(/another archive/u);
    expect(cachedIndex(fewer, file, counting().analysisOf).reused).toBe(true);

    writeFileSync(file, Buffer.alloc(3));
    expect(cachedIndex(fewer, file, counting().analysisOf).reused).toBe(false);
  });

  it('an unwritable cache location still gives the index, with a note', () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'index-cache-'));
    const blocker = path.join(tmp, 'file');
    writeFileSync(blocker, 'x');
    const got = cachedIndex(ARTICLES, path.join(blocker, 'answer-index.bin'), (a) => analyze(a.body));
    expect(got.reused).toBe(false);
    expect(got.note).toMatch(/not written/u);
    expect(createAnswererFromIndex(got.index).ask(QUESTIONS[0] as string).answered).toBe(true);
  });
});

describe('library start-up shares each analysis between the answer index and the digest entry', () => {
  it('extractive entries come from the analyses the answerer reads, equal to entries made on their own', async () => {
    const seen: string[] = [];
    const lib = await buildLibrary(ARTICLES, {
      sentences: 2,
      quotes: 2,
      createAnswerer: (list, o) =>
        createAnswerer(list, {
          analyses: (a) => (seen.push(a.id), (o?.analyses ?? ((x: Article) => analyze(x.body)))(a)),
        }),
    });
    expect(seen).toEqual(ARTICLES.map((a) => a.id));
    for (const a of ARTICLES)
      expect(lib.item(a.id)).toEqual(await digestItem(a, { date: '', sentences: 2, quotes: 2 }));
  });

  it('an answerer that does not read the analyses (e.g. from a cache) still gets every entry, with progress', async () => {
    const progress: number[] = [];
    const lib = await buildLibrary(ARTICLES, {
      sentences: 2,
      quotes: 2,
      createAnswerer: (list) => createAnswerer(list),
      onArticle: (d) => progress.push(d),
    });
    for (const a of ARTICLES)
      expect(lib.item(a.id)).toEqual(await digestItem(a, { date: '', sentences: 2, quotes: 2 }));
    expect(progress).toEqual(ARTICLES.map((_, i) => i + 1));
  });
});

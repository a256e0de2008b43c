import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FeedConfig } from '../../../src/config/feeds-section.ts';
import { runFeeds, feedLine, itemLines, type RunFeedsDeps } from '../../../src/feeds/run-feeds.ts';
import { SqliteFeedStateStore } from '../../../src/store/sqlite-feed-state-store.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { createLimiter } from '../../../src/llm/limit.ts';
import { loadArticles } from '../../../src/sources/folder-source.ts';
import { ArticleVersions } from '../../../src/schedule/article-versions.ts';
import { selectArticles } from '../../../src/schedule/select-articles.ts';
import { FeedServer, xml } from '../../fakes/feed-server.ts';
import { atom, rdf, rss } from './feed-fixtures.ts';
import { target } from '../schedule/helpers.ts';

const feed = (url: string, extra: Partial<FeedConfig> = {}): FeedConfig => ({
  url,
  fullText: false,
  tags: [],
  intervalMinutes: 15,
  ...extra,
});

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  try {
    walk(dir);
  } catch {
    return [];
  }
  return out.sort();
}

describe('feeds into the articles folder (loopback feed server)', () => {
  const server = new FeedServer();
  let root: string;
  let store: SqliteStore;
  let sleeps: number[];
  const deps = (extra: Partial<RunFeedsDeps> = {}): RunFeedsDeps => ({
    articlesDir: path.join(root, 'articles'),
    store: new SqliteFeedStateStore(store.db),
    limit: createLimiter(3),
    now: () => new Date(),
    sleep: async (ms) => {
      sleeps.push(ms);
      await new Promise((r) => setTimeout(r, ms));
    },
    timeoutMs: 5000,
    maxBytes: 1024 * 1024,
    lookbackHours: 48,
    maxRetryWaitMs: 3000,
    ...extra,
  });

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'feeds-'));
    store = new SqliteStore(path.join(root, 'state.db'));
    sleeps = [];
    server.routes.clear();
    server.requests.length = 0;
  });
  afterEach(async () => {
    await store.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('writes RSS 2.0, Atom and RDF items as Markdown articles with front matter; gzip is read', async () => {
    server.routes.set(
      '/rss',
      xml(() =>
        rss('Harbour News', [
          { title: 'Port of Rotterdam volumes rise', link: 'https://harbour.example.test/a', guid: 'h-1' },
        ]),
      ),
    );
    server.routes.set(
      '/atom',
      xml(() => atom('Metals Wire'), { contentType: 'application/atom+xml' }),
    );
    server.routes.set(
      '/rdf',
      xml(() => rdf('Grain Desk'), { contentType: 'application/rdf+xml' }),
    );
    const results = await runFeeds(
      [
        feed(server.url('/rss'), { tags: ['ports'] }),
        feed(server.url('/atom')),
        feed(server.url('/rdf'), { name: 'grain' }),
      ],
      deps(),
    );
    expect(results.map(feedLine)).toEqual([
      'feed harbour-news: new 1, updated 0, unchanged 0',
      'feed metals-wire: new 1, updated 0, unchanged 0',
      'feed grain: new 1, updated 0, unchanged 0',
    ]);
    expect(server.hits('/rss')[0]?.headers['user-agent']).toMatch(/^trade-news-digest-bot\//);
    expect(server.hits('/rss')[0]?.headers['accept-encoding']).toMatch(/gzip/);
    const files = filesUnder(path.join(root, 'articles'));
    expect(files).toHaveLength(3);
    expect(files.every((f) => /^feeds\/[a-z0-9-]+\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/.test(f))).toBe(true);
    const { articles, skipped } = await loadArticles(path.join(root, 'articles'));
    expect(skipped).toEqual([]);
    const rssArticle = articles.find((a) => a.source === 'harbour-news');
    expect(rssArticle).toMatchObject({
      title: 'Port of Rotterdam volumes rise',
      url: 'https://harbour.example.test/a',
      tags: ['ports', 'shipping'],
    });
    expect(rssArticle?.body).toBe('Port officials said on Monday that container volumes rose.');
    expect(readFileSync(path.join(root, 'articles', rssArticle?.file ?? ''), 'utf8')).toMatch(/^guid: h-1$/m);
    const atomArticle = articles.find((a) => a.source === 'metals-wire');
    expect(atomArticle?.body).toBe('Negotiators met again on Tuesday.\n\n"We are close," the envoy said.');
    expect(articles.find((a) => a.source === 'grain')).toMatchObject({
      title: 'Grain corridor reopens after storm',
      url: 'https://rdf.example.test/grain',
      tags: ['grain'],
    });
  });

  it('a second run sends the validators, gets 304 and writes nothing', async () => {
    server.routes.set(
      '/rss',
      xml(() =>
        rss('Harbour News', [{ title: 'Port of Rotterdam volumes rise', link: 'https://harbour.example.test/a' }]),
      ),
    );
    await runFeeds([feed(server.url('/rss'))], deps());
    const before = filesUnder(path.join(root, 'articles')).map((f) => [
      f,
      statSync(path.join(root, 'articles', f)).mtimeMs,
    ]);
    const [second] = await runFeeds([feed(server.url('/rss'))], deps());
    const req = server.hits('/rss')[1];
    expect(req?.headers['if-none-match']).toMatch(/^".+"$/);
    expect(req?.headers['if-modified-since']).toBe('Mon, 07 Dec 2026 10:00:00 GMT');
    expect(second?.outcome).toBe('not-modified');
    expect(second && feedLine(second)).toBe(
      'feed harbour-news: new 0, updated 0, unchanged 1 (not modified since the last fetch)',
    );
    expect(
      filesUnder(path.join(root, 'articles')).map((f) => [f, statSync(path.join(root, 'articles', f)).mtimeMs]),
    ).toEqual(before);
  });

  it('an edited item rewrites its own file, and the next digest marks it updated', async () => {
    let description = 'First report of the tariff decision.';
    server.routes.set(
      '/rss',
      xml(() =>
        rss('Trade Desk', [
          { title: 'Tariff decision due', link: 'https://t.example.test/1', guid: 't-1', description },
        ]),
      ),
    );
    await runFeeds([feed(server.url('/rss'))], deps());
    const dir = path.join(root, 'articles');
    const versions = new ArticleVersions();
    const v1 = (await loadArticles(dir)).articles;
    versions.observe(v1, new Date());
    description = 'Corrected report of the tariff decision, with the new rate.';
    const [r] = await runFeeds([feed(server.url('/rss'))], deps());
    expect(r && feedLine(r)).toBe('feed trade-desk: new 0, updated 1, unchanged 0');
    const files = filesUnder(dir);
    expect(files).toHaveLength(1);
    const v2 = (await loadArticles(dir)).articles;
    expect(v2[0]?.file).toBe(v1[0]?.file);
    expect(v2[0]?.body).toBe('Corrected report of the tariff decision, with the new rate.');
    const changes = versions.observe(v2, new Date());
    expect(changes.updated.map((u) => u.file)).toEqual([v1[0]?.file]);
    const t = target({ lookbackMs: 48 * 3_600_000, maxArticles: 5 });
    const s = selectArticles({
      target: t,
      scheduledAt: new Date(),
      articles: v2,
      lastPosted: null,
      recentRuns: [],
      versions,
    });
    expect(s.updatedIds).toEqual([v2[0]?.id]);
  });

  it('429 with Retry-After: a short wait is waited out, a long one defers the feed without asking again', async () => {
    let calls = 0;
    const body = xml(() => rss('Busy Feed', [{ title: 'Freight rates climb', link: 'https://busy.example.test/1' }]));
    server.routes.set('/busy', (req, res) => {
      calls++;
      if (calls === 1) res.writeHead(429, { 'retry-after': '1' }).end();
      else body(req, res);
    });
    const [r] = await runFeeds([feed(server.url('/busy'))], deps());
    expect(r?.added).toBe(1);
    const [first, second] = server.hits('/busy');
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(sleeps[0]).toBeGreaterThan(900);

    server.routes.set('/slow', (_req, res) => void res.writeHead(503, { 'retry-after': '120' }).end());
    const [deferred] = await runFeeds([feed(server.url('/slow'))], deps());
    expect(deferred?.outcome).toBe('failed');
    expect(deferred && feedLine(deferred)).toMatch(
      /^feed 127-0-0-1: skipped: HTTP 503: the server asked to wait until \d{4}-/,
    );
    const [again] = await runFeeds([feed(server.url('/slow'))], deps());
    expect(again?.outcome).toBe('waiting');
    expect(server.hits('/slow')).toHaveLength(1);
  });

  it('skips each bad input with one line naming the feed and why, while the good feeds land', async () => {
    server.routes.set(
      '/good',
      xml(() =>
        rss('Good Feed', [
          { title: 'Copper exports steady', link: 'https://good.example.test/1' },
          { link: 'https://good.example.test/untitled' },
          { title: 'No link at all' },
        ]),
      ),
    );
    server.routes.set(
      '/broken',
      xml(
        () =>
          '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</b></item></channel></rss>',
      ),
    );
    server.routes.set(
      '/page',
      (_req, res) =>
        void res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!DOCTYPE html><html><head><title>Site</title></head><body>Hello</body></html>'),
    );
    server.routes.set('/huge', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const push = (): void => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent >= 50) res.end();
        else
          res.once('drain', () => {
            sent++;
            push();
          });
      };
      res.on('error', () => undefined);
      push();
    });
    server.routes.set('/loop-a', (_req, res) => void res.writeHead(302, { location: '/loop-b' }).end());
    server.routes.set('/loop-b', (_req, res) => void res.writeHead(302, { location: '/loop-a' }).end());
    const feeds = [
      feed(server.url('/good')),
      feed(server.url('/broken'), { name: 'broken' }),
      feed(server.url('/page'), { name: 'page' }),
      feed(server.url('/huge'), { name: 'huge' }),
      feed(server.url('/loop-a'), { name: 'loop' }),
    ];
    const results = await runFeeds(feeds, deps());
    const lines = results.flatMap((r) => [...itemLines(r), feedLine(r)]);
    expect(lines[0]).toBe('feed good-feed: skipped item 2: no title');
    expect(lines[1]).toBe('feed good-feed: skipped item 3 "No link at all": no http(s) link');
    expect(lines[2]).toBe('feed good-feed: new 1, updated 0, unchanged 0');
    expect(lines[3]).toMatch(
      /^feed broken: skipped: malformed XML at line 1, column \d+: Expected closing tag 'title'/,
    );
    expect(lines[4]).toMatch(/^feed page: skipped: an HTML page, not a feed/);
    expect(lines[5]).toMatch(/^feed huge: skipped: response over the 1 MB size cap/);
    expect(lines[6]).toMatch(/^feed loop: skipped: redirect loop/);
    expect(lines).toHaveLength(7);
    expect(filesUnder(path.join(root, 'articles'))).toEqual([
      expect.stringMatching(/^feeds\/good-feed\/\d{4}-\d{2}-\d{2}-copper-exports-steady\.md$/),
    ]);
  });

  it('the first fetch of a new feed keeps only items inside the lookback', async () => {
    server.routes.set(
      '/archive',
      xml(() =>
        rss('Archive', [
          { title: 'Fresh item', link: 'https://a.example.test/fresh', hoursAgo: 3 },
          { title: 'Old item', link: 'https://a.example.test/old', hoursAgo: 24 * 30 },
        ]),
      ),
    );
    const [r] = await runFeeds([feed(server.url('/archive'))], deps());
    expect(r && feedLine(r)).toBe('feed archive: new 1, updated 0, unchanged 0 (1 older than the lookback left out)');
    const [again] = await runFeeds([feed(server.url('/archive'))], deps());
    expect(again && feedLine(again)).toBe(
      'feed archive: new 0, updated 0, unchanged 1 (not modified since the last fetch)',
    );
  });

  it('a restart (a new process on the same state file) writes no duplicate files, even when the server ignores validators', async () => {
    server.routes.set(
      '/plain',
      xml(
        () =>
          rss('Plain', [
            { title: 'Same title', link: 'https://p.example.test/1', guid: 'p-1' },
            { title: 'Same title', link: 'https://p.example.test/2', guid: 'p-2' },
          ]),
        { validators: false },
      ),
    );
    await runFeeds([feed(server.url('/plain'))], deps());
    const first = filesUnder(path.join(root, 'articles'));
    expect(first).toHaveLength(2);
    await store.close();
    store = new SqliteStore(path.join(root, 'state.db'));
    const [r] = await runFeeds([feed(server.url('/plain'))], deps());
    expect(r && feedLine(r)).toBe('feed plain: new 0, updated 0, unchanged 2');
    expect(filesUnder(path.join(root, 'articles'))).toEqual(first);
  });
});

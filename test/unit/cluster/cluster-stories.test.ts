import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { clusterStories } from '../../../src/cluster/cluster-stories.ts';
import { buildDigest } from '../../../src/digest/build.ts';
import { digestToJson } from '../../../src/digest/render-json.ts';
import { renderDigest as renderText } from '../../../src/digest/render-text.ts';
import { renderDigestMessages } from '../../../src/adapters/slack/render-digest.ts';
import { renderDigest as renderDiscord } from '../../../src/adapters/discord/render-embeds.ts';
import { ConsoleAdapter } from '../../../src/adapters/console/console-adapter.ts';
import type { Article } from '../../../src/domain/types.ts';
import { pairScores, storySet } from './story-eval.ts';

const { articles, event, events } = storySet();
const pick = (...ids: string[]): Article[] => ids.map((id) => articles.find((a) => a.id === id) as Article);

describe('same-story clustering', () => {
  it('on the written evaluation set (26 events, near misses sharing countries and topic): pairwise precision and recall ≥ 0.9', () => {
    expect(events).toBeGreaterThanOrEqual(20);
    const s = pairScores(articles, event, clusterStories(articles));
    process.stdout.write(
      `same-story pairs: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})\n`,
    );
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('never joins articles dated further apart than the window', () => {
    const [a, b] = pick('e01-0', 'e01-1') as [Article, Article];
    expect(clusterStories([a, { ...b, date: '2026-11-20' }])).toHaveLength(2);
  });
});

describe('a digest shows each story once', async () => {
  // The strike (two outlets) and, in the same port and week, a different event.
  const digest = await buildDigest(pick('e01-0', 'e02-0', 'e01-1'), { date: '2026-11-05', sentences: 2, quotes: 2 });

  it('JSON keeps one entry per article, adds clusterId and the clusters list', () => {
    const json = digestToJson(digest) as {
      articles: { id: string; clusterId: string }[];
      clusters: { id: string; articleIds: string[]; lead: string }[];
    };
    expect(json.articles.map((a) => a.id)).toEqual(['e01-0', 'e02-0', 'e01-1']);
    const [strike, terminal, strike2] = json.articles;
    expect(strike?.clusterId).toBe(strike2?.clusterId);
    expect(terminal?.clusterId).not.toBe(strike?.clusterId);
    expect(json.clusters).toHaveLength(2);
    const c = json.clusters.find((x) => x.id === strike?.clusterId);
    expect(c?.articleIds.sort()).toEqual(['e01-0', 'e01-1']);
    expect(['e01-0', 'e01-1']).toContain(c?.lead);
  });

  it('text and markdown: two items, the strike with "2 sources" and both links', () => {
    const text = renderText(digest, 'text');
    expect(text.match(/^■ /gm)).toHaveLength(2);
    expect(text).toContain(
      '  2 sources:\n    Harbour Daily — https://harbour-daily.example/e01-0\n    Freight Wire — https://freight-wire.example/e01-1',
    );
    const md = renderText(digest, 'markdown');
    expect(md.match(/^## /gm)).toHaveLength(2);
    expect(md).toContain(
      '_2 sources:_ [Harbour Daily](<https://harbour-daily.example/e01-0>) · [Freight Wire](<https://freight-wire.example/e01-1>)',
    );
  });

  it('Slack: two article groups, the strike carrying a context line with both sources linked', () => {
    const blocks = renderDigestMessages(digest).flatMap((m) => m.blocks ?? []);
    const json = JSON.stringify(blocks);
    expect(json.match(/2 sources: /g)).toHaveLength(1);
    expect(json).toContain(
      '<https://harbour-daily.example/e01-0|Harbour Daily> · <https://freight-wire.example/e01-1|Freight Wire>',
    );
    expect(blocks.filter((b) => b.type === 'section' && JSON.stringify(b).includes('Rotterdam'))).not.toHaveLength(0);
    expect(json.match(/hydrogen import terminal/gi)?.length).toBeGreaterThanOrEqual(1);
    expect(json).not.toContain('Crane operators strike at Rotterdam'); // the second outlet's title is not a second item
  });

  it('Discord: two titled embeds, the strike with a "2 sources" field', () => {
    const embeds = renderDiscord(digest).flatMap((m) => m.embeds);
    expect(embeds.filter((e) => e.title !== undefined)).toHaveLength(2);
    const field = embeds.flatMap((e) => e.fields ?? []).find((f) => f.name === '2 sources');
    expect(field?.value).toBe(
      '[Harbour Daily](https://harbour-daily.example/e01-0) · [Freight Wire](https://freight-wire.example/e01-1)',
    );
  });

  it('console: the posted digest lists the strike once with its 2 sources', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d: Buffer) => (printed += d.toString()));
    const adapter = new ConsoleAdapter({ input: new PassThrough(), output, interactive: false });
    await adapter.postDigest(adapter.channel, digest);
    expect(printed.match(/^■ /gm)).toHaveLength(2);
    expect(printed.match(/2 sources:/g)).toHaveLength(1);
  });

  it('a source name cannot ping or smuggle a link label', async () => {
    const [a, b] = pick('e01-0', 'e01-1') as [Article, Article];
    const d = await buildDigest(
      [
        { ...a, source: '<!channel> [x](https://evil.example)' },
        { ...b, url: 'javascript:alert(1)' },
      ],
      { date: '2026-11-05', sentences: 1, quotes: 0 },
    );
    const slack = JSON.stringify(renderDigestMessages(d));
    expect(slack).not.toContain('<!channel>');
    expect(slack).not.toContain('javascript:');
    const field = renderDiscord(d)
      .flatMap((m) => m.embeds)
      .flatMap((e) => e.fields ?? [])
      .find((f) => f.name === '2 sources');
    expect(field?.value).not.toMatch(/\[x\]\(https:\/\/evil/);
    expect(field?.value).not.toContain('javascript:');
  });
});

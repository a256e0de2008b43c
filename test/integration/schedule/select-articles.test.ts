import { describe, expect, it } from 'vitest';
import { selectArticles } from '../../../src/schedule/select-articles.ts';
import { ArticleVersions } from '../../../src/schedule/article-versions.ts';
import type { RunRecord } from '../../../src/domain/run-store.ts';
import { makeArticle, target } from './helpers.ts';

const HOUR = 3_600_000;
const run = (scheduledAt: string, articles: { id: string; file: string }[]): RunRecord => ({
  targetId: 'daily',
  scheduledAt,
  digestId: 'x',
  state: 'posted',
  owner: 'o',
  attempts: 1,
  claimedAt: scheduledAt,
  claimExpiresAt: scheduledAt,
  messageRef: 'm',
  postedAt: scheduledAt,
  articles,
});

describe('choosing the articles of a scheduled digest', () => {
  const t = target({ timezone: 'Europe/Berlin', lookbackMs: 48 * HOUR, maxArticles: 3 });
  const at = new Date('2025-03-12T07:00:00Z'); // 08:00 Berlin

  it('takes articles new since the last digest, bounded by the lookback, not sent before', () => {
    const old = makeArticle('old.txt', 'Old', '2025-03-01');
    const sent = makeArticle('sent.txt', 'Sent', '2025-03-11');
    const sameDay = makeArticle('same.txt', 'Same day as last digest', '2025-03-11');
    const fresh = makeArticle('fresh.txt', 'Fresh', '2025-03-12T06:30:00Z');
    const beforeLast = makeArticle('before.txt', 'Before last digest', '2025-03-11T06:00:00Z');
    const last = run('2025-03-11T07:00:00.000Z', [{ id: sent.id, file: sent.file }]);
    const s = selectArticles({
      target: t,
      scheduledAt: at,
      articles: [fresh, sameDay, sent, beforeLast, old],
      lastPosted: last,
      recentRuns: [last],
    });
    expect(s.articleIds).toEqual([fresh.id, sameDay.id]);
    expect(s.updatedIds).toEqual([]);
  });

  it('starts a target that never posted with the newest articles, however old; later runs only take new ones', () => {
    const archived = makeArticle('2018.txt', 'Founding story', '2018-09-27');
    expect(
      selectArticles({ target: t, scheduledAt: at, articles: [archived], lastPosted: null, recentRuns: [] }).articleIds,
    ).toEqual([archived.id]);
    const last = run('2025-03-11T07:00:00.000Z', [{ id: archived.id, file: archived.file }]);
    const older = makeArticle('2017.txt', 'Older story', '2017-01-01');
    expect(
      selectArticles({ target: t, scheduledAt: at, articles: [archived, older], lastPosted: last, recentRuns: [last] })
        .articleIds,
    ).toEqual([]);
  });

  it('applies the topic filter (keywords as words, or tags) and the cap', () => {
    const k = target({ ...t, keywords: ['steel'], tags: ['ports'] });
    const a = makeArticle('a.txt', 'Steel tariffs', '2025-03-12');
    const b = makeArticle('b.txt', 'Harbour fees', '2025-03-12', 'Fees rise.', ['Ports']);
    const c = makeArticle('c.txt', 'Stainless steelworks', '2025-03-12', 'Steelworks expand.');
    const d = makeArticle('d.txt', 'Grain', '2025-03-12');
    expect(
      selectArticles({ target: k, scheduledAt: at, articles: [a, b, c, d], lastPosted: null, recentRuns: [] })
        .articleIds,
    ).toEqual([a.id, b.id]);
    const many = Array.from({ length: 5 }, (_, i) => makeArticle(`${i}.txt`, `N${i}`, '2025-03-12'));
    expect(
      selectArticles({ target: t, scheduledAt: at, articles: many, lastPosted: null, recentRuns: [] }).articleIds,
    ).toHaveLength(3);
  });

  it('takes an edited article whatever its date and marks it updated (from the tracker or from the run history)', () => {
    const v1 = makeArticle('a.txt', 'Tariffs', '2025-03-01', 'First version.');
    const v2 = makeArticle('a.txt', 'Tariffs', '2025-03-01', 'Corrected version.');
    const versions = new ArticleVersions();
    versions.observe([v1], new Date('2025-03-11T00:00:00Z'));
    versions.observe([v2], new Date('2025-03-11T12:00:00Z'));
    const s = selectArticles({
      target: t,
      scheduledAt: at,
      articles: [v2],
      lastPosted: null,
      recentRuns: [],
      versions,
    });
    expect(s).toEqual({ articleIds: [v2.id], updatedIds: [v2.id] });
    // After a restart the tracker is empty, but the target's history has the file under another id.
    const last = run('2025-03-11T07:00:00.000Z', [{ id: v1.id, file: 'a.txt' }]);
    expect(
      selectArticles({ target: t, scheduledAt: at, articles: [v2], lastPosted: last, recentRuns: [last] }),
    ).toEqual({
      articleIds: [v2.id],
      updatedIds: [v2.id],
    });
  });
});

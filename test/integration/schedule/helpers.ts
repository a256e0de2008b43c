import type { Article, Digest, DigestItem } from '../../../src/domain/types.ts';
import type { ChatHandlers, PostedDigest } from '../../../src/chat/chat-adapter.ts';
import type { BotReply } from '../../../src/chat/replies.ts';
import type { ThreadRef } from '../../../src/domain/thread-ref.ts';
import { articleId } from '../../../src/sources/article-id.ts';
import type { DigestAdapter, PostDigestFn } from '../../../src/schedule/delivery.ts';
import type { DigestLibrary } from '../../../src/schedule/run-digest.ts';
import { parseCron } from '../../../src/schedule/cron-spec.ts';
import type { DigestTarget } from '../../../src/schedule/targets.ts';

/** Shared fakes for the scheduling tests (also imported by the child-process scripts). */

export function makeArticle(
  file: string,
  title: string,
  date: string | null,
  body = `${title}. Body text about trade.`,
  tags: string[] = [],
): Article {
  return { id: articleId(title, body), file, title, date, source: null, url: null, tags, body };
}

/** The part of a Library the scheduler reads, over plain articles. */
export function stubLibrary(articles: readonly Article[]): DigestLibrary {
  const items = new Map<string, DigestItem>(
    articles.map((a) => [a.id, { article: a, summary: { method: 'extractive', sentences: [a.title] }, quotes: [] }]),
  );
  const newest = [...articles].sort(
    (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.file.localeCompare(b.file),
  );
  return { articles, item: (id) => items.get(id), latest: (n) => newest.slice(0, n) };
}

export function target(over: Partial<DigestTarget> & { cronExpr?: string } = {}): DigestTarget {
  const { cronExpr, ...rest } = over;
  return {
    id: 'daily',
    platform: 'fake',
    channel: 'C1',
    cron: parseCron(cronExpr ?? '30 2 * * *'),
    timezone: 'America/New_York',
    keywords: [],
    tags: [],
    maxArticles: 10,
    lookbackMs: 10 * 24 * 3_600_000,
    missed: { kind: 'catch-up', graceMs: 6 * 3_600_000 },
    ...rest,
  };
}

export interface FakePost {
  readonly channel: string;
  readonly digestId: string;
  readonly articleIds: readonly string[];
  readonly updatedIds: readonly string[];
  readonly scheduledAt: string;
}

/** An adapter that records posts in memory; `lookup` adds `findPosted`. */
export class FakeAdapter implements DigestAdapter {
  readonly platform: string;
  readonly posts: FakePost[] = [];
  failNext = 0;
  findPosted?: (channel: string, digestId: string) => Promise<{ messageId: string } | null>;

  constructor(platform = 'fake', lookup = false) {
    this.platform = platform;
    if (lookup) {
      this.findPosted = (channel, digestId) => {
        const i = this.posts.findIndex((p) => p.channel === channel && p.digestId === digestId);
        return Promise.resolve(i < 0 ? null : { messageId: `m${i + 1}` });
      };
    }
  }

  start(_h: ChatHandlers): Promise<void> {
    return Promise.resolve();
  }
  stop(): Promise<void> {
    return Promise.resolve();
  }
  postDigest(channel: string, digest: Digest, opts?: { readonly digestId?: string }): Promise<PostedDigest> {
    const messageId = `m${this.posts.length + 1}`;
    this.posts.push({
      channel,
      digestId: opts?.digestId ?? '',
      articleIds: digest.items.map((i) => i.article.id),
      updatedIds: [],
      scheduledAt: '',
    });
    return Promise.resolve({
      messageId,
      messageIds: [messageId],
      thread: { platform: this.platform, channel, thread: messageId },
    });
  }
  reply(_t: ThreadRef, _r: BotReply): Promise<void> {
    return Promise.resolve();
  }
}

/** A `PostDigestFn` over a FakeAdapter: records the articles and the "updated" marks. */
export function fakePoster(library: () => DigestLibrary): PostDigestFn {
  return async (adapter, channel, articleIds, digestId, ctx) => {
    const fake = adapter as FakeAdapter;
    if (fake.failNext > 0) {
      fake.failNext -= 1;
      throw new Error('platform unavailable');
    }
    const lib = library();
    const items = articleIds.map((id) => lib.item(id)).filter((x): x is DigestItem => x !== undefined);
    const posted = await adapter.postDigest(
      channel,
      { date: ctx.scheduledAt.toISOString().slice(0, 10), items, fallbacks: [] },
      { digestId },
    );
    const last = fake.posts[fake.posts.length - 1];
    if (last)
      fake.posts[fake.posts.length - 1] = {
        ...last,
        updatedIds: ctx.updatedIds,
        scheduledAt: ctx.scheduledAt.toISOString(),
      };
    return { messageId: posted.messageId };
  };
}

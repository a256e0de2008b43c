import { z } from 'zod';
import type { Section } from './sections.ts';

/**
 * Feed sources: RSS 2.0, Atom 1.0 and RSS 1.0/RDF feeds whose items are written into the
 * articles folder (`<articlesDir>/feeds/<name>/`). Feeds come from the config file
 * (`sources.feeds`) and from FEED_URLS (comma-separated); the two lists are merged by URL.
 */

const URL_HELP = 'use an http(s) URL such as https://example.com/feed.xml';

const feedUrl = z
  .string({ error: `must be the feed's URL; ${URL_HELP}` })
  .trim()
  .refine((v) => /^https?:\/\/[^\s/]+/i.test(v) && URL.canParse(v), {
    error: (i) => `"${String(i.input)}" is not an http(s) URL; ${URL_HELP}`,
  });

const feedName = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    'must be 1–64 lower-case letters, digits or "-" (it names the folder feeds/<name>/), e.g. "reuters-trade"',
  );

const feed = z.strictObject({
  url: feedUrl,
  /** Folder name under feeds/ and each article's `source`; default: the feed's title, slugged. */
  name: feedName.optional(),
  /** Fetch each item's linked page and keep its main text (Readability) instead of the feed's excerpt. */
  fullText: z.boolean({ error: 'must be true or false' }).default(false),
  /** Tags added to every article of this feed (digest targets can select by tag). */
  tags: z.array(z.string().trim().min(1)).default([]),
  intervalMinutes: z
    .number({ error: 'must be a number of minutes, at least 5' })
    .int('must be a whole number of minutes')
    .min(5, 'must be at least 5 minutes: feeds polled more often get rate-limited or blocked')
    .max(10_080, 'must be at most 10080 minutes (7 days)')
    .default(15),
});

/** FEED_URLS: comma-separated URLs, each becoming a feed with the defaults. */
const feedUrls = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  )
  .pipe(z.array(feedUrl));

const schema = z
  .strictObject({
    feeds: z.array(feed).default([]),
    feedUrls: feedUrls.optional(),
    /** Per request (the feed, a redirect, a full-text page). */
    feedTimeoutSeconds: z
      .number({ error: 'must be a number of seconds, 1–120' })
      .int()
      .min(1, 'must be 1–120 seconds')
      .max(120, 'must be 1–120 seconds')
      .default(20),
    /** A response larger than this (after decompression) is abandoned and the feed skipped. */
    maxFeedBytes: z
      .number({ error: 'must be a number of bytes' })
      .int()
      .min(10_000, 'must be at least 10000 bytes')
      .max(100 * 1024 * 1024, 'must be at most 100 MB')
      .default(5 * 1024 * 1024),
    /** Requests in flight at once, over all feeds. */
    feedConcurrency: z
      .number({ error: 'must be a whole number, 1–16' })
      .int()
      .min(1, 'must be 1–16')
      .max(16, 'must be 1–16')
      .default(3),
    /** After this many failed fetches in a row a feed is reported (log, /healthz, metrics); it keeps being retried. */
    feedFailureThreshold: z
      .number({ error: 'must be a whole number, 1–100' })
      .int()
      .min(1, 'must be 1–100')
      .max(100, 'must be 1–100')
      .default(3),
  })
  .superRefine((s, ctx) => {
    const urls = new Set<string>();
    const names = new Set<string>();
    s.feeds.forEach((f, i) => {
      if (urls.has(f.url))
        ctx.addIssue({
          code: 'custom',
          path: ['feeds', i, 'url'],
          message: `duplicate feed URL ${f.url}: list each feed once`,
        });
      urls.add(f.url);
      if (f.name === undefined) return;
      if (names.has(f.name))
        ctx.addIssue({
          code: 'custom',
          path: ['feeds', i, 'name'],
          message: `duplicate feed name "${f.name}": give each feed its own name (it names its folder)`,
        });
      names.add(f.name);
    });
  });

export const sources = {
  schema,
  env: {
    FEED_URLS: 'feedUrls',
    FEED_TIMEOUT_SECONDS: 'feedTimeoutSeconds',
    FEED_MAX_BYTES: 'maxFeedBytes',
  },
} satisfies Section;

export type SourcesConfig = z.output<typeof schema>;
export type FeedConfig = SourcesConfig['feeds'][number];

/** Every configured feed: the config file's list, then FEED_URLS entries not already in it (with the defaults). */
export function configuredFeeds(s: SourcesConfig): FeedConfig[] {
  const out: FeedConfig[] = [...s.feeds];
  const seen = new Set(out.map((f) => f.url));
  for (const url of s.feedUrls ?? []) {
    if (seen.has(url)) continue;
    seen.add(url);
    out.push({ url, fullText: false, tags: [], intervalMinutes: 15 });
  }
  return out;
}

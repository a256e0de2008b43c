/**
 * One feed, fetched once: conditional GET with the stored validators, a server's Retry-After
 * honoured, the items written as article files (new ones created, edited ones rewritten in
 * place, known ones left alone), and the feed's state saved. Never throws for bad input: the
 * feed's outcome says what happened, and every item left out is named in `skipped`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeedConfig } from '../config/feeds-section.ts';
import type { Limiter } from '../llm/limit.ts';
import { retryAfterTime, nextFetchAt } from './backoff.ts';
import { emptyFeedState, type FeedState, type FeedStateStore, type SeenItem } from '../domain/feed-state.ts';
import { readFullText } from './full-text.ts';
import { htmlToText } from './html-text.ts';
import { httpGet, type GetResult } from './http-get.ts';
import { guidInFile, itemFileName, renderItemFile, slugify } from './item-file.ts';
import { parseFeedText, type FeedEntry } from './parse-feed.ts';

export interface FetchFeedDeps {
  readonly articlesDir: string;
  readonly store: FeedStateStore;
  readonly limit: Limiter;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** The first fetch of a feed keeps only items newer than this (the digest targets' lookback). */
  readonly lookbackHours: number;
  /** A Retry-After at most this long is waited out within the same fetch; a longer one defers the feed. */
  readonly maxRetryWaitMs: number;
  /** Folder names other feeds already use (name → url), so two feeds titled alike get two folders. */
  readonly namesInUse: ReadonlyMap<string, string>;
}

export type FeedOutcome = 'fetched' | 'not-modified' | 'failed' | 'waiting';

export interface FeedResult {
  readonly url: string;
  /** The feed's folder name (or its URL's host while no name is known). */
  readonly name: string;
  readonly outcome: FeedOutcome;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Items older than the lookback on a feed's first fetch, left out. */
  readonly old: number;
  /** Why the feed failed, or until when it waits. */
  readonly error?: string;
  /** Items left out, each `item N "title": why`. */
  readonly skipped: readonly string[];
  readonly state: FeedState;
}

const hashOf = (e: FeedEntry): string =>
  createHash('sha256')
    .update(JSON.stringify([e.title, e.link, e.date, e.content, e.tags]))
    .digest('hex')
    .slice(0, 20);
const shortHash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 6);

function hostName(url: string): string {
  try {
    return slugify(new URL(url).hostname.replace(/^www\./, ''), 64, 'feed');
  } catch {
    return 'feed';
  }
}

function chooseName(
  feed: FeedConfig,
  state: FeedState | null,
  title: string | null,
  inUse: ReadonlyMap<string, string>,
): string {
  const base =
    feed.name ?? state?.name ?? (title === null ? hostName(feed.url) : slugify(title, 64, hostName(feed.url)));
  const owner = inUse.get(base);
  return owner === undefined || owner === feed.url || feed.name !== undefined
    ? base
    : `${base.slice(0, 57)}-${shortHash(feed.url)}`;
}

async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(tmp, content, 'utf8');
  await rename(tmp, file);
}

/** A path not held by another item: the same date and title from two items get a guid suffix. */
async function freePath(dir: string, rel: string, guid: string, taken: ReadonlySet<string>): Promise<string> {
  const existing = await readFile(path.join(dir, rel), 'utf8').catch(() => null);
  if (!taken.has(rel) && (existing === null || guidInFile(existing) === guid)) return rel;
  return rel.replace(/\.md$/, `-${shortHash(guid)}.md`);
}

export async function fetchFeed(feed: FeedConfig, deps: FetchFeedDeps): Promise<FeedResult> {
  const now = deps.now();
  const before = await deps.store.feed(feed.url);
  const state = before ?? emptyFeedState(feed.url, feed.name ?? null);
  const label = feed.name ?? state.name ?? hostName(feed.url);
  const base = { url: feed.url, added: 0, updated: 0, unchanged: 0, old: 0, skipped: [] as string[] };

  if (state.retryAfter !== null && Date.parse(state.retryAfter) > now.getTime()) {
    return {
      ...base,
      name: label,
      outcome: 'waiting',
      error: `waiting until ${state.retryAfter} (the server asked with Retry-After)`,
      state,
    };
  }
  const fail = async (error: string, retryAfter: Date | null = null): Promise<FeedResult> => {
    const next: FeedState = {
      ...state,
      lastAttemptAt: now.toISOString(),
      consecutiveFailures: state.consecutiveFailures + 1,
      lastError: error,
      retryAfter: retryAfter?.toISOString() ?? null,
    };
    await deps.store.saveFeed(next);
    return { ...base, name: label, outcome: 'failed', error, state: next };
  };

  const get = (): Promise<GetResult> =>
    deps.limit(() =>
      httpGet(feed.url, {
        timeoutMs: deps.timeoutMs,
        maxBytes: deps.maxBytes,
        etag: state.etag,
        lastModified: state.lastModified,
      }),
    );
  let got = await get();
  if (got.kind === 'retry-later') {
    const at =
      retryAfterTime(got.retryAfter, deps.now()) ??
      nextFetchAt(
        { ...state, lastAttemptAt: now.toISOString(), consecutiveFailures: state.consecutiveFailures + 1 },
        feed.intervalMinutes,
      );
    const wait = at.getTime() - deps.now().getTime();
    if (wait > deps.maxRetryWaitMs)
      return fail(`HTTP ${got.status}: the server asked to wait until ${at.toISOString()}`, at);
    await deps.sleep(Math.max(0, wait));
    got = await get();
    if (got.kind === 'retry-later') {
      const again = retryAfterTime(got.retryAfter, deps.now());
      return fail(
        `HTTP ${got.status} again after waiting${again ? `; next try after ${again.toISOString()}` : ''}`,
        again,
      );
    }
  }
  if (got.kind === 'error') return fail(got.reason);

  const seen = await deps.store.seenItems(feed.url);
  if (got.kind === 'not-modified') {
    const next: FeedState = {
      ...state,
      lastAttemptAt: now.toISOString(),
      lastSuccessAt: now.toISOString(),
      consecutiveFailures: 0,
      lastError: null,
      retryAfter: null,
      etag: got.etag ?? state.etag,
      lastModified: got.lastModified ?? state.lastModified,
    };
    await deps.store.saveFeed(next);
    const files = [...seen.values()].filter((s) => s.file !== null).length;
    return { ...base, name: label, outcome: 'not-modified', unchanged: files, state: next };
  }

  const parsed = parseFeedText(got.body, got.contentType, got.url);
  if ('error' in parsed) return fail(parsed.error);
  const name = chooseName(feed, state, parsed.title, deps.namesInUse);
  const firstFetch = state.lastSuccessAt === null;
  const cutoff = now.getTime() - deps.lookbackHours * 3_600_000;
  const result = { ...base, skipped: [...parsed.skipped] };
  const taken = new Set([...seen.values()].flatMap((s) => (s.file === null ? [] : [s.file])));
  const changed: SeenItem[] = [];

  for (const entry of parsed.entries) {
    const hash = hashOf(entry);
    const known = seen.get(entry.guid);
    if (known !== undefined && (known.hash === hash || known.file === null)) {
      result.unchanged++;
      continue;
    }
    if (known === undefined && firstFetch && entry.date !== null && Date.parse(entry.date) < cutoff) {
      result.old++;
      changed.push({ guid: entry.guid, file: null, hash, seenAt: now.toISOString() });
      continue;
    }
    let body = htmlToText(entry.content);
    if (feed.fullText) {
      const full = await deps.limit(() =>
        readFullText(entry.link, { timeoutMs: deps.timeoutMs, maxBytes: deps.maxBytes }),
      );
      if ('text' in full && full.text !== '') body = full.text;
      else
        result.skipped.push(
          `item "${entry.title.slice(0, 80)}": full text unavailable (${'error' in full ? full.error : 'empty page'}); kept the feed's text`,
        );
    }
    const date = entry.date ?? known?.seenAt ?? now.toISOString();
    const article = {
      title: entry.title,
      date,
      source: name,
      url: entry.link,
      tags: [...new Set([...feed.tags, ...entry.tags])],
      guid: entry.guid,
      body: body === '' ? entry.title : body,
    };
    const rel = known?.file ?? (await freePath(deps.articlesDir, itemFileName(name, article), entry.guid, taken));
    try {
      await writeAtomically(path.join(deps.articlesDir, rel), renderItemFile(article));
    } catch (err) {
      result.skipped.push(
        `item "${entry.title.slice(0, 80)}": cannot write ${rel} (${err instanceof Error ? err.message : String(err)})`,
      );
      continue;
    }
    taken.add(rel);
    changed.push({ guid: entry.guid, file: rel, hash, seenAt: known?.seenAt ?? now.toISOString() });
    if (known === undefined) result.added++;
    else result.updated++;
  }
  await deps.store.saveItems(feed.url, changed);
  const next: FeedState = {
    ...state,
    name,
    etag: got.etag,
    lastModified: got.lastModified,
    lastAttemptAt: now.toISOString(),
    lastSuccessAt: now.toISOString(),
    consecutiveFailures: 0,
    lastError: null,
    retryAfter: null,
  };
  await deps.store.saveFeed(next);
  return { ...result, name, outcome: 'fetched', state: next };
}

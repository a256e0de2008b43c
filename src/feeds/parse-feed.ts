/**
 * Feed XML → the items this bot keeps, through feedsmith: one parser for RSS 0.9x/2.0, Atom
 * 0.3/1.0, RSS 1.0/RDF (and JSON Feed), built on fast-xml-parser, typed, and actively
 * maintained. It was chosen over rss-parser (xml2js underneath, its own HTTP client we would
 * not use, releases stalled) and over bare fast-xml-parser (every format's quirks by hand).
 * The XML is first checked with fast-xml-parser's validator, because feedsmith is deliberately
 * forgiving and would read half a broken document without a word; a broken feed is skipped
 * with the line of the error instead.
 */
import { XMLValidator } from 'fast-xml-parser';
import { parseFeed } from 'feedsmith';
import { normalizeTags } from '../sources/parsed.ts';
import { htmlToLine } from './html-text.ts';

export interface FeedEntry {
  /** guid / Atom id / RDF about, else the link. */
  readonly guid: string;
  readonly title: string;
  readonly link: string;
  /** ISO timestamp, or null when the item has no readable date. */
  readonly date: string | null;
  /** The item's content or description as HTML (or plain text). */
  readonly content: string;
  readonly tags: readonly string[];
}

export interface ParsedFeed {
  readonly title: string | null;
  readonly entries: readonly FeedEntry[];
  /** Items left out, each with why (`item 3 "Title": no link`). */
  readonly skipped: readonly string[];
}

export type FeedParse = ParsedFeed | { readonly error: string };

/** The parts of feedsmith's output read here (its types are per-format generics). */
interface TextLike {
  readonly value?: string;
}
interface RawItem {
  readonly title?: string | TextLike;
  readonly link?: string;
  readonly links?: readonly { readonly href?: string; readonly rel?: string }[];
  readonly guid?: string | { readonly value?: string };
  readonly id?: string;
  readonly url?: string;
  readonly rdf?: { readonly about?: string };
  readonly pubDate?: string;
  readonly published?: string;
  readonly updated?: string;
  readonly date_published?: string;
  readonly description?: string;
  readonly summary?: string | TextLike;
  readonly content?: string | (TextLike & { readonly encoded?: string });
  readonly content_html?: string;
  readonly content_text?: string;
  readonly categories?: readonly { readonly name?: string; readonly term?: string; readonly label?: string }[];
  readonly tags?: readonly string[];
  readonly dc?: {
    readonly dates?: readonly string[];
    readonly date?: string;
    readonly subjects?: readonly string[];
    readonly subject?: string;
  };
}
interface RawFeed {
  readonly title?: string | TextLike;
  readonly items?: readonly RawItem[];
  readonly entries?: readonly RawItem[];
}

const text = (v: string | TextLike | undefined): string => (typeof v === 'string' ? v : (v?.value ?? ''));
const httpUrl = (v: string | undefined): string | null => {
  const s = v?.trim() ?? '';
  return /^https?:\/\/\S+$/i.test(s) && URL.canParse(s) ? s : null;
};

function isoDate(...candidates: (string | undefined)[]): string | null {
  for (const c of candidates) {
    if (c === undefined || c.trim() === '') continue;
    const t = Date.parse(c.trim());
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  return null;
}

function linkOf(item: RawItem, base: string): string | null {
  const alt = item.links?.find((l) => l.rel === undefined || l.rel === 'alternate') ?? item.links?.[0];
  const guid = typeof item.guid === 'string' ? item.guid : item.guid?.value;
  const raw = item.link ?? alt?.href ?? item.url ?? item.rdf?.about ?? guid;
  if (raw === undefined) return null;
  try {
    return httpUrl(new URL(raw.trim(), base).toString());
  } catch {
    return null;
  }
}

function entryOf(item: RawItem, index: number, base: string): FeedEntry | string {
  const title = htmlToLine(text(item.title));
  const label = title === '' ? `item ${index + 1}` : `item ${index + 1} "${title.slice(0, 80)}"`;
  if (title === '') return `${label}: no title`;
  const link = linkOf(item, base);
  if (link === null) return `${label}: no http(s) link`;
  const guid = (typeof item.guid === 'string' ? item.guid : item.guid?.value) ?? item.id ?? item.rdf?.about ?? link;
  const content =
    (typeof item.content === 'object' ? (item.content.encoded ?? item.content.value) : item.content) ??
    item.content_html ??
    item.content_text ??
    item.description ??
    text(item.summary);
  const tags = normalizeTags(
    [
      ...(item.categories ?? []).map((c) => c.label ?? c.term ?? c.name ?? ''),
      ...(item.tags ?? []),
      ...(item.dc?.subjects ?? []),
      ...(item.dc?.subject ? [item.dc.subject] : []),
    ].filter((t) => t !== ''),
  );
  return {
    guid: guid.trim() === '' ? link : guid.trim(),
    title,
    link,
    date: isoDate(item.published, item.pubDate, item.date_published, item.dc?.dates?.[0], item.dc?.date, item.updated),
    content: content ?? '',
    tags,
  };
}

/** `<!doctype html>` or `<html>` first (after an XML declaration, comments and space): a web page. */
function looksLikeHtml(body: string): boolean {
  const head = body
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .replace(/<\?xml[^>]*\?>|<!--[\s\S]*?-->/g, '')
    .trimStart();
  return /^<!doctype\s+html|^<html[\s>]/i.test(head);
}

export function parseFeedText(body: string, contentType: string, url: string): FeedParse {
  if (
    looksLikeHtml(body) ||
    (/text\/html/i.test(contentType) && !/<(rss|feed|rdf:RDF)[\s>]/.test(body.slice(0, 4096)))
  ) {
    return { error: 'an HTML page, not a feed (is the URL the site rather than its RSS/Atom feed?)' };
  }
  const trimmed = body.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('<')) {
    const valid = XMLValidator.validate(trimmed);
    if (valid !== true)
      return { error: `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}` };
  }
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseFeed(trimmed) as { format: string; feed: unknown };
  } catch (err) {
    return { error: `not an RSS, Atom or RDF feed (${err instanceof Error ? err.message : String(err)})` };
  }
  const feed = parsed.feed as RawFeed;
  const raw = feed.items ?? feed.entries ?? [];
  const entries: FeedEntry[] = [];
  const skipped: string[] = [];
  const guids = new Set<string>();
  raw.forEach((item, i) => {
    const e = entryOf(item, i, url);
    if (typeof e === 'string') skipped.push(e);
    else if (guids.has(e.guid))
      skipped.push(`item ${i + 1} "${e.title.slice(0, 80)}": repeats the guid of an earlier item`);
    else {
      guids.add(e.guid);
      entries.push(e);
    }
  });
  const title = htmlToLine(text(feed.title));
  return { title: title === '' ? null : title, entries, skipped };
}

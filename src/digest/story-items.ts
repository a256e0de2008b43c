/**
 * A digest shows each story once: the items of one same-story cluster collapse into the item of
 * its most complete article (its summary and quotes), carrying every article's source and link.
 */
import { clusterStories, type StoryCluster } from '../cluster/cluster-stories.ts';
import type { Article, DigestItem, StorySource } from '../domain/types.ts';

function sourceName(a: Article): string {
  if (a.source !== null && a.source.trim() !== '') return a.source;
  try {
    if (a.url !== null) return new URL(a.url).hostname.replace(/^www\./, '');
  } catch {
    // no usable URL: fall through to the title
  }
  return a.title;
}

/** The article's own URL when it is http(s), else null (never anything taken from its text). */
function ownUrl(a: Article): string | null {
  if (a.url === null || a.url.length > 2000) return null;
  try {
    const u = new URL(a.url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function storySource(a: Article): StorySource {
  return { articleId: a.id, name: sourceName(a), url: ownUrl(a) };
}

/** The clusters of a digest's articles, in the digest's order. */
export function digestClusters(items: readonly DigestItem[]): StoryCluster[] {
  return clusterStories(items.map((i) => i.article));
}

/** One item per story, in the order its first article appears; a story of several articles lists them in `sources`. */
export function storyItems(
  items: readonly DigestItem[],
  clusters: readonly StoryCluster[] = digestClusters(items),
): DigestItem[] {
  const byId = new Map(items.map((i) => [i.article.id, i]));
  const clusterOf = new Map<string, StoryCluster>();
  for (const c of clusters) for (const id of c.articleIds) clusterOf.set(id, c);
  const shown = new Set<StoryCluster>();
  const out: DigestItem[] = [];
  for (const item of items) {
    const c = clusterOf.get(item.article.id);
    if (c === undefined || c.articleIds.length < 2) {
      out.push(item);
      continue;
    }
    if (shown.has(c)) continue;
    shown.add(c);
    const lead = byId.get(c.lead) ?? item;
    const members = [lead, ...c.articleIds.filter((id) => id !== lead.article.id).flatMap((id) => byId.get(id) ?? [])];
    out.push({
      ...lead,
      sources: members.map((m) => storySource(m.article)),
      ...(members.some((m) => m.updated === true) ? { updated: true } : {}),
    });
  }
  return out;
}

/** Whole links joined by ` · ` within `max` characters (a link is never cut), then `+N more`. */
export function fitLinks(links: readonly string[], max: number): string {
  let out = '';
  let n = 0;
  for (const l of links) {
    const next = out === '' ? l : `${out} · ${l}`;
    if (next.length > max && out !== '') break;
    out = next;
    n++;
  }
  return n < links.length ? `${out} · +${links.length - n} more` : out;
}

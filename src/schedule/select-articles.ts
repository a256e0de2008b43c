import type { Article } from '../domain/types.ts';
import type { RunRecord } from '../domain/run-store.ts';
import type { DigestTarget } from './targets.ts';
import type { VersionInfo } from './article-versions.ts';
import { localDate } from './zoned-time.ts';

export interface SelectionInput {
  readonly target: DigestTarget;
  readonly scheduledAt: Date;
  /** Candidates, newest first (e.g. `library.latest(n)`). */
  readonly articles: readonly Article[];
  /** The target's latest posted run before this one, or null. */
  readonly lastPosted: RunRecord | null;
  /** The target's posted runs of the last two lookback periods (their articles are not sent again). */
  readonly recentRuns: readonly RunRecord[];
  readonly versions?: VersionInfo;
}

export interface Selection {
  /** At most `target.maxArticles`, newest first. */
  readonly articleIds: readonly string[];
  /** The subset that are new versions of an article seen before (show them as updated). */
  readonly updatedIds: readonly string[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The target's topic filter: any keyword as a whole word in title or body, or any tag. Empty filter: everything. */
export function topicMatcher(target: Pick<DigestTarget, 'keywords' | 'tags'>): (a: Article) => boolean {
  if (target.keywords.length === 0 && target.tags.length === 0) return () => true;
  const words = target.keywords.map((k) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(k)}(?![\\p{L}\\p{N}])`, 'iu'));
  const tags = new Set(target.tags.map((t) => t.toLowerCase()));
  return (a) =>
    a.tags.some((t) => tags.has(t.toLowerCase())) || words.some((re) => re.test(a.title) || re.test(a.body));
}

/**
 * Articles for one scheduled digest: matching the topic filter, not already sent by this
 * target, and new since its last digest (never older than the lookback). A target's very
 * first digest has no "since": it shows the newest matching articles up to the cap, so a new
 * install (or a new channel) starts with a digest rather than with silence. Dates without a
 * time compare by calendar day in the target's zone; undated articles count from when this
 * process first saw them. An edited article (a new id for a file seen before) is taken
 * whatever its date, and reported in `updatedIds`.
 */
export function selectArticles(input: SelectionInput): Selection {
  const { target, scheduledAt, versions } = input;
  const floor = scheduledAt.getTime() - target.lookbackMs;
  const since = Math.max(floor, input.lastPosted ? Date.parse(input.lastPosted.scheduledAt) : -Infinity);
  const sinceDay = localDate(since, target.timezone);
  const sent = new Set<string>();
  const sentFiles = new Map<string, string>();
  for (const run of input.recentRuns) {
    if (run.state !== 'posted') continue;
    for (const a of run.articles) {
      sent.add(a.id);
      sentFiles.set(a.file, a.id);
    }
  }
  const topical = topicMatcher(target);
  const ids: string[] = [];
  const updated: string[] = [];
  for (const a of input.articles) {
    if (ids.length >= target.maxArticles) break;
    if (sent.has(a.id) || !topical(a)) continue;
    const seen = versions?.firstSeen(a.id)?.getTime();
    const isUpdate =
      versions?.previousVersionOf(a.id) !== undefined || (sentFiles.has(a.file) && sentFiles.get(a.file) !== a.id);
    let fresh: boolean;
    if (input.lastPosted === null) fresh = true;
    else if (isUpdate) fresh = seen === undefined || seen >= floor;
    else if (a.date === null) fresh = seen === undefined || seen >= since;
    else if (/^\d{4}-\d{2}-\d{2}$/.test(a.date)) fresh = a.date >= sinceDay;
    else fresh = !(Date.parse(a.date) < since);
    if (!fresh) continue;
    ids.push(a.id);
    if (isUpdate) updated.push(a.id);
  }
  return { articleIds: ids, updatedIds: updated };
}

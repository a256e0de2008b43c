import type { Article } from '../domain/types.ts';

/** What changed between two observations of the articles folder. */
export interface VersionChanges {
  readonly added: readonly string[];
  /** Articles whose file held another article id before: an edit. */
  readonly updated: readonly { readonly id: string; readonly previousId: string; readonly file: string }[];
  /** Ids no longer present under any file. */
  readonly removed: readonly string[];
}

/** Read side used by article selection. */
export interface VersionInfo {
  /** The id the same file had before this version, when this article is an edit. */
  previousVersionOf(id: string): string | undefined;
  /** When this process first saw the article id. */
  firstSeen(id: string): Date | undefined;
}

/**
 * Tracks article versions across library reloads. An article id is derived from its
 * content, so an edited file gets a new id; the tracker links it to the id the same
 * path had before (`previousVersionOf`). A renamed, unchanged file keeps its id and is
 * no update. Kept in memory: edits made while no process runs are recognised from the
 * run records instead (a file posted earlier under another id — see select-articles.ts).
 */
export class ArticleVersions implements VersionInfo {
  private byFile = new Map<string, string>();
  private readonly previous = new Map<string, string>();
  private readonly seen = new Map<string, number>();

  /** Record the current articles; the first call only learns them. */
  observe(articles: readonly Article[], now: Date): VersionChanges {
    const next = new Map<string, string>();
    const present = new Set<string>();
    const added: string[] = [];
    const updated: { id: string; previousId: string; file: string }[] = [];
    for (const a of articles) {
      next.set(a.file, a.id);
      present.add(a.id);
      if (!this.seen.has(a.id)) {
        this.seen.set(a.id, now.getTime());
        added.push(a.id);
      }
      const before = this.byFile.get(a.file);
      if (before !== undefined && before !== a.id) {
        // An edit of an edit keeps pointing at the version just before it.
        this.previous.set(a.id, before);
        updated.push({ id: a.id, previousId: before, file: a.file });
      }
    }
    const removed = [...new Set(this.byFile.values())].filter((id) => !present.has(id));
    this.byFile = next;
    return { added, updated, removed };
  }

  previousVersionOf(id: string): string | undefined {
    return this.previous.get(id);
  }

  firstSeen(id: string): Date | undefined {
    const t = this.seen.get(id);
    return t === undefined ? undefined : new Date(t);
  }

  /** Every known edit: new id → the id it replaced. */
  updates(): ReadonlyMap<string, string> {
    return this.previous;
  }
}

import type { Library } from '../library/library.ts';
import type { Logger } from '../log/logger.ts';
import type { BotMetrics } from '../ops/bot-metrics.ts';
import { ArticleVersions, type VersionChanges } from './article-versions.ts';

export interface LiveLibraryOptions {
  readonly log: Logger;
  readonly now?: () => Date;
  readonly metrics?: BotMetrics;
}

/**
 * The current library, swapped whole when the articles folder changes (a failed rebuild keeps
 * the previous one), and the version history that marks edited articles as updates.
 * `get` is what the bot and the scheduler hold: `library: () => live.get()`.
 */
export class LiveLibrary {
  readonly versions = new ArticleVersions();
  private current: Library;

  constructor(
    initial: Library,
    private readonly load: () => Promise<Library>,
    private readonly opts: LiveLibraryOptions,
  ) {
    this.current = initial;
    this.versions.observe(initial.articles, this.now());
    opts.metrics?.articles.set(initial.articles.length);
  }

  private now(): Date {
    return this.opts.now ? this.opts.now() : new Date();
  }

  get(): Library {
    return this.current;
  }

  /** Rebuild from the folder and swap it in; returns what changed. Throws (keeping the old library) on failure. */
  async reload(): Promise<VersionChanges> {
    let next: Library;
    try {
      next = await this.load();
    } catch (err) {
      this.opts.metrics?.libraryReloads.inc({ result: 'failed' });
      throw err;
    }
    const changes = this.versions.observe(next.articles, this.now());
    this.current = next;
    this.opts.metrics?.libraryReloads.inc({ result: 'ok' });
    this.opts.metrics?.articles.set(next.articles.length);
    this.opts.log.info(
      {
        articles: next.articles.length,
        added: changes.added.length,
        updated: changes.updated.length,
        removed: changes.removed.length,
      },
      'articles reloaded',
    );
    return changes;
  }
}

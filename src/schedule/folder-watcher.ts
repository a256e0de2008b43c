import { type Dirent, type FSWatcher, watch } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log/logger.ts';

export interface FolderWatchOptions {
  readonly dir: string;
  /** `auto`: fs.watch (recursive) for prompt notice, plus polling as a safety net; `poll`: polling only. */
  readonly mode: 'auto' | 'poll';
  /** Quiet time after the last change before `onChange` runs (editors write in bursts). */
  readonly debounceMs: number;
  readonly pollMs: number;
  /** Called once per settled change; calls never overlap. */
  readonly onChange: () => Promise<void> | void;
  readonly log: Logger;
}

export interface FolderWatcher {
  /** Compare the folder with the last snapshot now; true when it changed (and `onChange` ran). */
  check(): Promise<boolean>;
  close(): void;
}

/** Files (not starting with `.`) with size and modification time, sorted: equal strings ⇔ no change seen. */
export async function folderSignature(dir: string): Promise<string> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return; // vanished while walking
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if (e.isFile()) {
        const s = await stat(path.join(dir, r)).catch(() => null);
        if (s) out.push(`${r}\u0000${s.size}\u0000${s.mtimeMs}`);
      }
    }
  };
  await walk('');
  return out.sort().join('\n');
}

/**
 * Watch a folder for new, changed or removed files, and call `onChange` after they settle.
 * Polling compares a signature of names, sizes and mtimes, so it also works where fs.watch
 * does not (network mounts, some containers); fs.watch only makes the notice faster.
 */
export async function watchFolder(opts: FolderWatchOptions): Promise<FolderWatcher> {
  let last = await folderSignature(opts.dir);
  let closed = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<boolean> | null = null;
  let rerun = false;

  const check = async (): Promise<boolean> => {
    if (running) {
      rerun = true;
      return running;
    }
    running = (async () => {
      let changed = false;
      do {
        rerun = false;
        const sig = await folderSignature(opts.dir);
        if (sig === last || closed) continue;
        last = sig;
        changed = true;
        try {
          await opts.onChange();
        } catch (err) {
          opts.log.error({ err, dir: opts.dir }, 'reloading after a folder change failed');
        }
      } while (rerun && !closed);
      return changed;
    })().finally(() => (running = null));
    return running;
  };

  const nudge = (): void => {
    if (closed) return;
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => void check(), opts.debounceMs);
    debounce.unref();
  };

  let watcher: FSWatcher | undefined;
  if (opts.mode === 'auto') {
    try {
      watcher = watch(opts.dir, { recursive: true, persistent: false }, nudge);
      watcher.on('error', (err) => {
        opts.log.warn({ err, dir: opts.dir }, 'fs.watch failed; relying on polling');
        watcher?.close();
      });
    } catch (err) {
      opts.log.warn({ err, dir: opts.dir }, 'fs.watch unavailable; relying on polling');
    }
  }
  // Polling goes through the same debounce: a change seen by the poll is acted on once it settles.
  let previousPoll = last;
  const poll = setInterval(() => {
    void folderSignature(opts.dir).then((sig) => {
      if (sig !== previousPoll) {
        previousPoll = sig;
        nudge();
      } else if (sig !== last && !running) nudge();
    });
  }, opts.pollMs);
  poll.unref();

  return {
    check,
    close: () => {
      closed = true;
      if (debounce) clearTimeout(debounce);
      clearInterval(poll);
      watcher?.close();
    },
  };
}

/**
 * Walks the articles folder: recursive, dot-names (hidden files and folders) ignored, symbolic
 * links followed only when they resolve inside the folder, entries in sorted path order. Problems found on
 * the way (broken links, unreadable folders, sockets…) come back as skips; nothing throws.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SkippedFile } from './parsed.ts';

export type Entry = { readonly file: string; readonly abs: string } | SkippedFile;

/** Human words for a file-system error, e.g. `permission denied`. */
export function describeFsError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'not found (a broken symbolic link, or removed while loading)';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENOTDIR':
      return 'a path component is not a folder';
    case 'EISDIR':
      return 'is a folder';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EIO':
      return 'input/output error';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

function kindOf(s: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (s.isFIFO()) return 'a named pipe';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const within = (inner: string, outer: string): boolean =>
  inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
/** Kernel and device trees: never article text, and reading them can block or leak host state. */
const NEVER = ['/proc', '/sys', '/dev'];

/**
 * Why a symbolic link to `target` (a real path) is not followed, or null when it is: links are
 * followed only when they resolve inside the articles folder, so a link cannot post
 * `/etc/passwd` or `/proc/meminfo` as an article.
 */
export function linkProblem(target: string, rootReal: string, allowed: readonly string[] = []): string | null {
  if (NEVER.some((p) => within(target, p)))
    return `symbolic link to ${target} (system files are never loaded) — not followed`;
  if (!within(target, rootReal) && !allowed.some((a) => within(target, a)))
    return `symbolic link to ${target}, outside the articles folder — not followed; copy the file into the folder instead`;
  return null;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const entrySort = (a: Entry, b: Entry): number => byCodeUnit(a.file, b.file);

export interface WalkOptions {
  /** Folders outside the articles folder that symbolic links may also resolve into (default none). */
  readonly linkTargets?: readonly string[];
}

/** Every visible entry under `root` (which must be a readable folder), sorted by relative path. */
export async function walkFolder(root: string, opts: WalkOptions = {}): Promise<Entry[]> {
  const out: Entry[] = [];
  /** Real paths of the linked folders walked so far (links are followed once, loops not at all). */
  const seen = new Set<string>();
  const allowed: string[] = [];
  for (const a of opts.linkTargets ?? []) {
    try {
      allowed.push(await realpath(a));
    } catch {
      // A missing allowed folder allows nothing.
    }
  }
  let rootReal: string;
  try {
    rootReal = await realpath(root);
  } catch {
    rootReal = path.resolve(root);
  }

  async function dir(abs: string, rel: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (err) {
      out.push({ file: rel, reason: `cannot read folder: ${describeFsError(err)}` });
      return;
    }
    entries.sort((a, b) => byCodeUnit(String(a.name), String(b.name)));
    for (const e of entries) {
      const name = String(e.name);
      if (name.startsWith('.')) continue;
      const childAbs = path.join(abs, name);
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (e.isFile()) out.push({ file: childRel, abs: childAbs });
      else if (e.isDirectory()) await dir(childAbs, childRel);
      else if (e.isSymbolicLink()) await link(childAbs, childRel);
      else out.push({ file: childRel, reason: kindOf(e) });
    }
  }

  async function link(abs: string, rel: string): Promise<void> {
    try {
      const s = await stat(abs);
      const target = await realpath(abs);
      const problem = linkProblem(target, rootReal, allowed);
      if (problem !== null) out.push({ file: rel, reason: problem });
      else if (s.isFile()) out.push({ file: rel, abs });
      else if (s.isDirectory()) {
        // A folder inside the articles folder is walked on its own; following the link would load it twice.
        if (within(target, rootReal) || within(rootReal, target) || seen.has(target))
          out.push({ file: rel, reason: 'symbolic link to a folder that is already loaded — not followed' });
        else {
          seen.add(target);
          await dir(abs, rel);
        }
      } else out.push({ file: rel, reason: kindOf(s) });
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      out.push({
        file: rel,
        reason:
          code === 'ENOENT'
            ? 'broken symbolic link (its target does not exist)'
            : `cannot read: ${describeFsError(err)}`,
      });
    }
  }

  await dir(root, '');
  return out.sort(entrySort);
}

/**
 * Walks the articles folder: recursive, dot-names (hidden files and folders) ignored, symbolic
 * links followed (each real folder walked once), entries in sorted path order. Problems found on
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

function kindOf(s: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (s.isFIFO()) return 'a named pipe';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const entrySort = (a: Entry, b: Entry): number => byCodeUnit(a.file, b.file);

/** Every visible entry under `root` (which must be a readable folder), sorted by relative path. */
export async function walkFolder(root: string): Promise<Entry[]> {
  const out: Entry[] = [];
  /** Real paths of the linked folders walked so far (links are followed once, loops not at all). */
  const seen = new Set<string>();
  let rootReal: string;
  try {
    rootReal = await realpath(root);
  } catch {
    rootReal = path.resolve(root);
  }
  const within = (inner: string, outer: string): boolean => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

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
      if (s.isFile()) out.push({ file: rel, abs });
      else if (s.isDirectory()) {
        const real = await realpath(abs);
        if (within(real, rootReal) || within(rootReal, real) || seen.has(real)) out.push({ file: rel, reason: 'symbolic link to a folder that is already loaded — not followed' });
        else {
          seen.add(real);
          await dir(abs, rel);
        }
      } else out.push({ file: rel, reason: kindOf(s) });
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      out.push({ file: rel, reason: code === 'ENOENT' ? 'broken symbolic link (its target does not exist)' : `cannot read: ${describeFsError(err)}` });
    }
  }

  await dir(root, '');
  return out.sort(entrySort);
}

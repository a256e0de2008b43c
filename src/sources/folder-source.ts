import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../domain/types.ts';
import { parseTxt } from './txt.ts';

export interface SkippedFile {
  /** Path relative to the folder. */
  readonly file: string;
  readonly reason: string;
}

export interface LoadResult {
  readonly articles: readonly Article[];
  readonly skipped: readonly SkippedFile[];
}

export interface LoadOptions {
  /** Files larger than this are skipped (default 2 MB). */
  readonly maxBytes?: number;
  /** Called once for each skipped file, as it is skipped. */
  readonly onSkip?: (skipped: SkippedFile) => void;
}

async function walk(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await walk(dir, r)));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

/** Placeholder loader: `.txt` only. */
export async function loadArticles(dir: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of await walk(dir)) {
    const text = await readFile(path.join(dir, file), 'utf8');
    if (file.endsWith('.txt')) articles.push(parseTxt(file, text));
    else {
      const s = { file, reason: 'unknown extension' };
      skipped.push(s);
      opts.onSkip?.(s);
    }
  }
  return { articles, skipped };
}

/**
 * The articles folder: walk it, read each file (size cap, decoding checks), parse it by extension
 * and report every file that could not be loaded — once, with a human reason — while the rest load.
 * Nothing here throws on bad input, including a missing folder (one skip named `.`).
 */
import { readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../domain/types.ts';
import { decodeText } from './decode.ts';
import { isSkipped, type Parsed, type SkippedFile } from './parsed.ts';
import { parseTxt } from './txt.ts';
import { describeFsError, walkFolder, type Entry } from './walk.ts';

export type { SkippedFile } from './parsed.ts';

export interface LoadResult {
  readonly articles: readonly Article[];
  readonly skipped: readonly SkippedFile[];
}

export interface LoadOptions {
  /** Files larger than this are skipped (default 2 MB). */
  readonly maxBytes?: number;
  /** Folders outside `dir` that symbolic links may resolve into (default none: links stay inside). */
  readonly linkTargets?: readonly string[];
  /** Called once for each skipped file, as it is skipped. */
  readonly onSkip?: (skipped: SkippedFile) => void;
}

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
/**
 * Files are read synchronously (several times faster than the promise API for many small files),
 * handing the event loop back after this many milliseconds of work so a running bot stays responsive.
 */
const YIELD_EVERY_MS = 10;

type Format = 'txt' | 'md' | 'html' | 'json';
const FORMATS: Readonly<Record<string, Format>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
};
const EXPECTED = 'expected .txt, .md, .html or .json';

/** `812 bytes`, `14.2 KB`, `3.1 MB` (binary units). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const [v, unit] = n < 1024 * 1024 ? [n / 1024, 'KB'] : [n / (1024 * 1024), 'MB'];
  return `${Number(v.toFixed(1))} ${unit}`;
}

function overCap(size: number, cap: number): string {
  const s = formatBytes(size);
  const c = formatBytes(cap);
  return `over the ${c} size cap (${s === c ? `${size} bytes` : s})`;
}

// The heavier parsers (marked, yaml, zod, linkedom) load only when a file of theirs is met.
let md: Promise<typeof import('./markdown.ts')> | undefined;
let json: Promise<typeof import('./json.ts')> | undefined;
let html: Promise<typeof import('./html.ts')> | undefined;

async function parse(format: Format, file: string, text: string): Promise<Parsed[]> {
  switch (format) {
    case 'txt': {
      const a = parseTxt(file, text);
      return [a.body === '' ? { file, reason: 'no body text (only a title line)' } : a];
    }
    case 'md':
      return [(await (md ??= import('./markdown.ts'))).parseMarkdown(file, text)];
    case 'json':
      return (await (json ??= import('./json.ts'))).parseJson(file, text);
    case 'html':
      return [await (await (html ??= import('./html.ts'))).parseHtml(file, text)];
  }
}

async function loadFile(entry: Entry, maxBytes: number): Promise<Parsed[]> {
  if (!('abs' in entry)) return [entry];
  const { file, abs } = entry;
  try {
    const ext = path.extname(file).toLowerCase();
    const format = FORMATS[ext];
    if (format === undefined)
      return [
        { file, reason: ext === '' ? `no file extension — ${EXPECTED}` : `unknown extension ${ext} — ${EXPECTED}` },
      ];
    let bytes: Buffer;
    try {
      const s = statSync(abs);
      if (!s.isFile()) return [{ file, reason: 'not a regular file' }];
      if (s.size > maxBytes) return [{ file, reason: overCap(s.size, maxBytes) }];
      bytes = readFileSync(abs);
    } catch (err) {
      return [{ file, reason: `cannot read: ${describeFsError(err)}` }];
    }
    if (bytes.length > maxBytes) return [{ file, reason: overCap(bytes.length, maxBytes) }];
    const decoded = decodeText(bytes);
    if (!decoded.ok) return [{ file, reason: decoded.reason }];
    return await parse(format, file, decoded.text);
  } catch (err) {
    // A parser bug must not stop the other files from loading.
    return [{ file, reason: `could not be loaded: ${err instanceof Error ? err.message : String(err)}` }];
  }
}

/** Checks that `dir` is a readable folder; the reason when it is not. */
async function folderProblem(dir: string): Promise<string | null> {
  const abs = path.resolve(dir);
  try {
    const s = await stat(abs);
    return s.isDirectory() ? null : `the articles folder ${abs} is not a folder`;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') {
      return `the articles folder ${abs} does not exist — create it, or point ARTICLES_DIR (or --articles) at your articles`;
    }
    return `cannot open the articles folder ${abs}: ${describeFsError(err)}`;
  }
}

/**
 * Loads every article under `dir` (recursively; hidden files and folders ignored) in sorted path
 * order. Each file that cannot be loaded is reported once through `onSkip` and in `skipped`.
 * A missing or unreadable folder gives no articles and one skip whose `file` is `.`.
 */
export async function loadArticles(dir: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  const skip = (s: SkippedFile): void => {
    skipped.push(s);
    opts.onSkip?.(s);
  };

  const problem = await folderProblem(dir);
  if (problem !== null) {
    skip({ file: '.', reason: problem });
    return { articles, skipped };
  }
  let lastYield = performance.now();
  for (const entry of await walkFolder(dir, { linkTargets: opts.linkTargets ?? [] })) {
    for (const r of await loadFile(entry, maxBytes)) {
      if (isSkipped(r)) skip(r);
      else articles.push(r);
    }
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
  }
  return { articles, skipped };
}

import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../domain/types.ts';
import type { AnalyzedText } from '../nlp/analysis.ts';
import { buildIndex, type AnswerIndex } from '../answer/sentence-index.ts';
import type { AnalyzedArticle } from '../answer/types.ts';

/**
 * The answer index kept in one cache file, so a restart over an unchanged archive reads it back
 * (a few typed arrays) instead of analysing and indexing every article again.
 *
 * Key: the content ids of the articles in order, plus a hash of the source of the modules that
 * shape the index (src/answer, src/nlp): a new build of the bot never reads an index an older
 * one wrote. A file that is missing, unreadable, written for other content or by other code is
 * rebuilt and overwritten; a cache that cannot be written costs only the next warm start.
 *
 * Format: `u32 header length | header JSON | padding to 8 | typed arrays, each 8-aligned`.
 * Every numeric and typed-array field of the index is stored by name, so fields added to
 * `AnswerIndex` are carried without changes here; the articles are the caller's own.
 */

const FORMAT = 'answer-index-v1';

type ArrayKind = 'Int32Array' | 'Uint8Array' | 'Uint16Array' | 'Float32Array' | 'Float64Array';
const ARRAYS = { Int32Array, Uint8Array, Uint16Array, Float32Array, Float64Array } as const;

interface Header {
  readonly key: string;
  readonly vocab: readonly string[];
  readonly numbers: Readonly<Record<string, number>>;
  readonly arrays: readonly {
    readonly name: string;
    readonly kind: ArrayKind;
    readonly length: number;
    readonly offset: number;
  }[];
}

let codeHash: string | null = null;

/** sha256 of the .ts sources that determine the index (read once per process). */
function indexCodeHash(): string {
  if (codeHash !== null) return codeHash;
  const h = createHash('sha256').update(FORMAT);
  for (const dir of ['../answer', '../nlp']) {
    const abs = path.join(import.meta.dirname, dir);
    for (const f of readdirSync(abs)
      .filter((n) => n.endsWith('.ts'))
      .sort())
      h.update(f).update(readFileSync(path.join(abs, f)));
  }
  codeHash = h.digest('hex');
  return codeHash;
}

/** The cache key of an archive: its articles' content ids in order, and the index code. */
export function indexKey(articles: readonly Article[]): string {
  const h = createHash('sha256').update(indexCodeHash());
  for (const a of articles) h.update(a.id).update('\u0000');
  return h.digest('hex');
}

const align8 = (n: number): number => (n + 7) & ~7;

/** The index as byte chunks to write in order (see the module comment): views, no copy of the arrays. Throws on a field it cannot store. */
export function encodeIndex(index: AnswerIndex, key: string): Buffer[] {
  const numbers: Record<string, number> = {};
  const arrays: { name: string; kind: ArrayKind; length: number; offset: number; data: ArrayBufferView }[] = [];
  let offset = 0;
  for (const [name, value] of Object.entries(index)) {
    if (name === 'articles' || name === 'vocab') continue;
    if (typeof value === 'number') numbers[name] = value;
    else if (ArrayBuffer.isView(value) && value.constructor.name in ARRAYS) {
      const kind = value.constructor.name as ArrayKind;
      arrays.push({ name, kind, length: (value as Int32Array).length, offset, data: value });
      offset = align8(offset + value.byteLength);
    } else throw new Error(`answer index field ${name} cannot be cached`);
  }
  const header: Header = {
    key,
    vocab: [...index.vocab.keys()],
    numbers,
    arrays: arrays.map(({ data: _d, ...a }) => a),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(align8(4 + json.length));
  head.writeUInt32LE(json.length, 0);
  json.copy(head, 4);
  const chunks: Buffer[] = [head];
  for (const a of arrays) {
    chunks.push(Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength));
    const pad = align8(a.data.byteLength) - a.data.byteLength;
    if (pad > 0) chunks.push(Buffer.alloc(pad));
  }
  return chunks;
}

/** The index stored in `bytes` for exactly these articles, or null (other key, or not an index file). */
export function decodeIndex(bytes: Buffer, articles: readonly Article[], key: string): AnswerIndex | null {
  if (bytes.length < 4) return null;
  const len = bytes.readUInt32LE(0);
  if (4 + len > bytes.length) return null;
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(4, 4 + len).toString('utf8')) as Header;
  } catch {
    return null;
  }
  if (header.key !== key) return null;
  const start = align8(4 + len);
  // Typed arrays are views into the file's bytes when those are 8-aligned (a large file read
  // whole has its own buffer), else into one aligned copy.
  let area: ArrayBufferLike = bytes.buffer;
  let base = bytes.byteOffset + start;
  if (base % 8 !== 0) {
    area = new ArrayBuffer(bytes.length - start);
    new Uint8Array(area).set(bytes.subarray(start));
    base = 0;
  }
  const size = bytes.length - start;
  const fields: Record<string, unknown> = { ...header.numbers };
  for (const a of header.arrays) {
    const Ctor = ARRAYS[a.kind];
    if (!Ctor || a.offset + a.length * Ctor.BYTES_PER_ELEMENT > size) return null;
    fields[a.name] = new Ctor(area as ArrayBuffer, base + a.offset, a.length);
  }
  const vocab = new Map<string, number>();
  header.vocab.forEach((t, i) => vocab.set(t, i));
  return { ...fields, articles, vocab } as unknown as AnswerIndex;
}

export interface CachedIndex {
  readonly index: AnswerIndex;
  /** True when read from the cache file. */
  readonly reused: boolean;
  /** Why the cache was not read or not written (missing file, other content, I/O error). */
  readonly note?: string;
}

/**
 * The index of `articles`: read from `file` when it holds this archive's index, otherwise
 * built (with `analysisOf` for each article) and written to `file` for the next start.
 */
export function cachedIndex(
  articles: readonly Article[],
  file: string,
  analysisOf: (article: Article) => AnalyzedText,
): CachedIndex {
  const key = indexKey(articles);
  let note: string | undefined;
  try {
    const index = decodeIndex(readFileSync(file), articles, key);
    if (index) return { index, reused: true };
    note = 'cache holds another archive or index version';
  } catch (err) {
    note =
      (err as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no cache file yet'
        : `cache unreadable (${err instanceof Error ? err.message : String(err)})`;
  }
  const items = function* (): Generator<AnalyzedArticle> {
    for (const article of articles) yield { article, analysis: analysisOf(article) };
  };
  const index = buildIndex(items());
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      for (const chunk of encodeIndex(index, key)) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    note = `${note}; not written (${err instanceof Error ? err.message : String(err)})`;
  }
  return { index, reused: false, note };
}

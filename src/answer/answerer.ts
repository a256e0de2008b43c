import type { Article } from '../domain/types.ts';
import { analyze, type AnalyzedText } from '../nlp/analysis.ts';
import { E_NAME, E_PLACE, F_AGENT, F_ANAPHOR, F_DATE, F_DURATION, F_MONEY, F_PERCENT, F_PLACE, F_QUOTE, F_REASON, F_SAY } from './features.ts';
import { buildIndex, type AnswerIndex } from './sentence-index.ts';
import { idfOf, parseQuestion, type Concept, type ParsedQuestion } from './query.ts';
import { NOT_FOUND, type AnalyzedArticle, type AnswerResult, type AnswerSource, type Answerer, type AskOptions, type Turn } from './types.ts';

/**
 * The offline answerer: sentence retrieval over the answer index (BM25 with WordNet
 * expansion, synonyms never adding up), an article-level score (body and title), a
 * re-ranking of the best candidates by how much of the question the sentence and its
 * context cover and whether they hold the kind of answer asked for, and an abstention
 * rule that checks the question's specific words are really there.
 */

export interface AnswererOptions {
  /** Sentence analyses already made (by article id), or a function making them; default `analyze(body)`. */
  readonly analyses?: ReadonlyMap<string, AnalyzedText> | ((article: Article) => AnalyzedText);
  /** Sources returned with an answer (default 3). */
  readonly maxSources?: number;
  /** Confidence (0..1) under which the answerer abstains (default 0.4). */
  readonly minConfidence?: number;
  /** Called after each article is indexed. */
  readonly onArticle?: (done: number, total: number) => void;
  /** Overrides of the ranking weights (for tuning). */
  readonly weights?: Partial<Weights>;
  /** Called with the ranking behind each answer (for tuning and diagnostics). */
  readonly explain?: (e: Explanation) => void;
}

/** Weights of the re-ranking score and of the confidence. */
export interface Weights {
  /** Coverage of the question by the sentence with its context (previous sentence, title, article). */
  readonly ctx: number;
  /** Article-level BM25 (normalised by the best article). */
  readonly art: number;
  /** Sentence-level BM25 (normalised by the question's weight). */
  readonly bm: number;
  /** The sentence holds the kind of answer asked for (scaled by how strict the question type is). */
  readonly type: number;
  /** Share of the question's names and numbers absent from the article. */
  readonly miss: number;
  /** Per sentence from the top of the article. */
  readonly position: number;
  /** Confidence credit for a word found only in the title / only elsewhere in the article. */
  readonly confTitle: number;
  readonly confArticle: number;
  /** Confidence factor per name or number of the question absent from the article / absent from the sentence's context. */
  readonly missing: number;
  readonly offContext: number;
  /** Weight of the confidence itself in the final ranking. */
  readonly conf: number;
  /** Bonus of an article's first sentence (news puts the main fact first). */
  readonly lead: number;
}

/** Tuned on development questions (see the tests for the behaviour they give). */
export const DEFAULT_WEIGHTS: Weights = Object.freeze({
  ctx: 0.5, art: 0.25, bm: 0.3, type: 0.7, miss: 0.4, position: 0.002, confTitle: 0.7, confArticle: 0.4, missing: 0.25, offContext: 0.75, conf: 0.6, lead: 0.05,
});

export interface Features {
  /** Coverage of the question's words by the sentence alone, by the sentence in its context, and the confidence's coverage. */
  readonly cov: number;
  readonly ctx: number;
  readonly ownCtx: number;
  readonly art: number;
  readonly bm25: number;
  /** 1 when the sentence holds the kind of answer asked for, else 1 − strictness. */
  readonly type: number;
  /** Share of the question's names and numbers absent from the article. */
  readonly missingKey: number;
}

export interface Explanation {
  readonly question: ParsedQuestion;
  /** The question's concepts with those carried over from the thread. */
  readonly concepts: readonly Concept[];
  /** Candidates best first, with their features and per-concept matches (sentence, previous sentence, title, article). */
  readonly candidates: readonly {
    readonly source: AnswerSource;
    readonly confidence: number;
    readonly features: Features;
    readonly match: { readonly sentence: Float64Array; readonly previous: Float64Array; readonly title: Float64Array; readonly article: Float64Array };
  }[];
}

const K1 = 1.2;
const B = 0.75;
const CANDIDATES = 60;
/** Articles whose every sentence is a candidate. */
const ARTICLES = 40;
/** A term in at most this many sentences (or N/500) brings its sentences in from any article. */
const RARE_MIN = 50;

interface Scored {
  readonly sid: number;
  readonly score: number;
  readonly confidence: number;
  readonly features: Features;
  readonly match: Explanation['candidates'][number]['match'];
}

/** Scratch arrays reused across queries (one answerer answers one question at a time). */
interface Scratch {
  /** Sentences already among the candidates (reset after each question). */
  readonly mark: Uint8Array;
  readonly candidates: Int32Array;
  readonly artAcc: Float64Array;
  readonly artBest: Float64Array;
  readonly artTouched: Int32Array;
  readonly artConceptTouched: Int32Array;
  /** term id → slot of the current question's term table, -1 when not a query term. */
  readonly slot: Int32Array;
}

export function createAnswererFromIndex(index: AnswerIndex, opts: AnswererOptions = {}): Answerer {
  const maxSources = opts.maxSources ?? 3;
  const minConfidence = opts.minConfidence ?? 0.4;
  const weights: Weights = { ...DEFAULT_WEIGHTS, ...opts.weights };
  const S = index.sentCount;
  const A = index.articles.length;
  const scratch: Scratch = {
    mark: new Uint8Array(S),
    candidates: new Int32Array(S),
    artAcc: new Float64Array(A),
    artBest: new Float64Array(A),
    artTouched: new Int32Array(A),
    artConceptTouched: new Int32Array(A),
    slot: new Int32Array(index.vocab.size).fill(-1),
  };
  const articleIndex = new Map<string, number>();
  index.articles.forEach((a, i) => articleIndex.set(a.id, i));
  // parsed questions, reused when a thread's earlier question is read again for a follow-up
  const parsed = new Map<string, ParsedQuestion>();
  const parse = (text: string): ParsedQuestion => {
    let p = parsed.get(text);
    if (!p) {
      if (parsed.size >= 256) parsed.delete(parsed.keys().next().value as string);
      parsed.set(text, (p = parseQuestion(index, text)));
    }
    return p;
  };

  return {
    size: A,
    ask(question: string, askOpts: AskOptions = {}): AnswerResult {
      const q = parse(question);
      const { concepts, boost } = withHistory(parse, q, askOpts.history ?? [], articleIndex);
      if (concepts.every((c) => c.terms.size === 0)) return refusal();
      const prefer = new Set<number>();
      for (const id of askOpts.preferArticleIds ?? []) {
        const a = articleIndex.get(id);
        if (a !== undefined) prefer.add(a);
      }
      const ranked = rank(index, scratch, weights, q, concepts, boost, prefer);
      if (opts.explain) {
        opts.explain({
          question: q,
          concepts,
          candidates: ranked.map((r) => ({ source: source(index, r), confidence: r.confidence, features: r.features, match: r.match })),
        });
      }
      let ordered = ranked;
      if (prefer.size > 0) {
        // a confident answer in the preferred articles comes first, then the rest of the archive
        const inPref = ranked.filter((r) => prefer.has(index.sentArticle[r.sid] as number));
        if ((inPref[0]?.confidence ?? 0) >= minConfidence) {
          ordered = [...inPref, ...ranked.filter((r) => !prefer.has(index.sentArticle[r.sid] as number))];
        }
      }
      const top = ordered[0];
      if (!top || top.confidence < minConfidence) return refusal();
      const sources = ordered.slice(0, maxSources).map((r) => source(index, r));
      return { answered: true, answer: (sources[0] as AnswerSource).sentence, sources };
    },
  };
}

function refusal(): AnswerResult {
  return { answered: false, answer: NOT_FOUND, sources: [] };
}

function source(index: AnswerIndex, r: Scored): AnswerSource {
  const a = index.articles[index.sentArticle[r.sid] as number] as Article;
  const start = index.sentStart[r.sid] as number;
  const end = index.sentEnd[r.sid] as number;
  return { articleId: a.id, file: a.file, title: a.title, sentence: a.body.slice(start, end), start, end, score: Number(r.score.toFixed(4)) };
}

interface QueryConcepts {
  readonly concepts: Concept[];
  /** Article index → bonus (the previous answer's article in a thread). */
  readonly boost: ReadonlyMap<number, number>;
}

/** Carry the thread's previous question over into a follow-up, at a lower weight. */
function withHistory(parse: (text: string) => ParsedQuestion, q: ParsedQuestion, history: readonly Turn[], articleIndex: ReadonlyMap<string, number>): QueryConcepts {
  const boost = new Map<number, number>();
  const prev = history[history.length - 1];
  if (!prev) return { concepts: q.concepts, boost };
  const p = parse(prev.question);
  const ownKinds = new Set(q.concepts.map((c) => c.kind));
  const have = new Set(q.concepts.map((c) => c.text));
  // a follow-up naming someone else (`And Trump?`) replaces the earlier name
  const carried = p.concepts.filter((c) => !have.has(c.text) && !(c.kind !== 'word' && ownKinds.has(c.kind)));
  let ownImp = 0;
  let carriedImp = 0;
  for (const c of q.concepts) ownImp += c.terms.size ? c.idf : 0;
  for (const c of carried) carriedImp += c.idf;
  // the carried words weigh at most about half as much as the question's own words together
  const carry = Math.min(0.25 + 0.35 * q.followUp, carriedImp > 0 ? (0.6 * Math.max(ownImp, 1)) / carriedImp : 0);
  const concepts = [...q.concepts];
  for (const c of carried) concepts.push({ ...c, qw: carry, own: false });
  const src = prev.answer.answered ? prev.answer.sources[0] : undefined;
  const a = src ? articleIndex.get(src.articleId) : undefined;
  if (a !== undefined) boost.set(a, 0.1 + 0.25 * q.followUp);
  return { concepts, boost };
}

function rank(
  index: AnswerIndex, sc: Scratch, W: Weights, q: ParsedQuestion, concepts: readonly Concept[], boost: ReadonlyMap<number, number>,
  prefer: ReadonlySet<number>,
): Scored[] {
  const { mark, candidates, artAcc, artBest, artTouched, artConceptTouched } = sc;
  let nArt = 0;
  let totalImp = 0;
  for (const c of concepts) totalImp += c.idf * c.qw;
  if (totalImp <= 0) return [];
  const N = index.sentCount;
  const A = index.articles.length;
  const norm = K1 * (1 - B);
  const artSlope = (K1 * B) / index.avgArtLen;
  // 1. articles: BM25 over whole articles (the best term of each concept per article)
  for (const c of concepts) {
    let na = 0;
    for (const [term, w] of c.terms) {
      const from = index.artPostOff[term] as number;
      const to = index.artPostOff[term + 1] as number;
      // a word found in a large share of the archive says little about which article and costs much
      // (the sentences' own term lists still count it below)
      if (A > 1000 && (to - from) * (w < 1 ? 10 : 4) > A) continue;
      const k = Math.min(c.idf, idfOf(index, term)) * w * c.qw * (K1 + 1);
      na = bestPerDoc(index.artPostArt, index.artPostTf, index.artLen, from, to, k, norm, artSlope, artBest, artConceptTouched, na);
    }
    nArt = addBest(artBest, artAcc, artConceptTouched, na, artTouched, nArt);
  }
  let maxArt = 0;
  for (let i = 0; i < nArt; i++) maxArt = Math.max(maxArt, artAcc[artTouched[i] as number] as number);
  // 2. candidate sentences: every sentence of the best articles (and of boosted and preferred ones), plus the
  //    sentences holding one of the question's rare terms wherever they are
  const topArts = new TopK(ARTICLES);
  for (let i = 0; i < nArt; i++) {
    const a = artTouched[i] as number;
    topArts.offer(a, (artAcc[a] as number) + (boost.get(a) ?? 0) * maxArt);
  }
  let nCand = 0;
  const addSentence = (sid: number): void => {
    if (mark[sid] !== 0) return;
    mark[sid] = 1;
    candidates[nCand++] = sid;
  };
  const arts = new Set<number>(topArts.ids.subarray(0, topArts.size));
  for (const a of boost.keys()) arts.add(a);
  for (const a of prefer) arts.add(a);
  for (const a of arts) for (let sid = index.articleSentOff[a] as number; sid < (index.articleSentOff[a + 1] as number); sid++) addSentence(sid);
  const rare = Math.max(RARE_MIN, N / 500);
  for (const c of concepts) {
    for (const [term, w] of c.terms) {
      if (w < 0.5) continue;
      const from = index.postOff[term] as number;
      const to = index.postOff[term + 1] as number;
      if (to - from > rare) continue;
      for (let p = from; p < to; p++) addSentence(index.postSent[p] as number);
    }
  }
  // 3. sentence BM25 of each candidate from its own term list; the best CANDIDATES kept
  const tm = new TermMatch(index, sc.slot, concepts);
  const perConcept = new Float64Array(concepts.length);
  const scores = new Float64Array(nCand);
  const heap = new TopK(CANDIDATES);
  const artW = 0.3 / (maxArt || 1);
  for (let i = 0; i < nCand; i++) {
    const sid = candidates[i] as number;
    mark[sid] = 0;
    const v = sentenceBm25(index, sid, tm, perConcept) / totalImp;
    const a = index.sentArticle[sid] as number;
    scores[i] = v;
    heap.offer(i, v + artW * (artAcc[a] as number) + (boost.get(a) ?? 0));
  }
  const bm25 = new Map<number, number>();
  const artScore = new Map<number, number>();
  for (let h = 0; h < heap.size; h++) {
    const i = heap.ids[h] as number;
    const sid = candidates[i] as number;
    bm25.set(sid, scores[i] as number);
    const a = index.sentArticle[sid] as number;
    artScore.set(a, (artAcc[a] as number) / (maxArt || 1));
  }
  clear(artAcc, artTouched, nArt);
  try {
    return rerank(index, W, q, concepts, tm, bm25, artScore, boost, totalImp);
  } finally {
    tm.release();
  }
}

/** BM25 of a sentence (tf 1 per term) from its term list: per concept its best term. */
function sentenceBm25(index: AnswerIndex, sid: number, tm: TermMatch, m: Float64Array): number {
  m.fill(0);
  const from = index.sentTermOff[sid] as number;
  const to = index.sentTermOff[sid + 1] as number;
  const lenNorm = (K1 + 1) / (1 + K1 * (1 - B + (B * (index.sentLen[sid] as number)) / index.avgSentLen));
  const { slot, start, concept, value } = tm;
  const terms = index.sentTerms;
  for (let p = from; p < to; p++) {
    const s = slot[terms[p] as number] as number;
    if (s < 0) continue;
    for (let e = start[s] as number; e < (start[s + 1] as number); e++) {
      const c = concept[e] as number;
      if ((value[e] as number) > (m[c] as number)) m[c] = value[e] as number;
    }
  }
  let sum = 0;
  for (let c = 0; c < m.length; c++) sum += m[c] as number;
  return sum * lenNorm;
}

/**
 * BM25 of one term over its postings [from, to), keeping per document the best value of
 * the concept in `best` (documents seen for the first time are listed in `seen`).
 * Hot loop: kept small and monomorphic so the JIT optimises it on its own.
 */
function bestPerDoc(
  docs: Int32Array, tfs: Uint8Array | Uint16Array, lens: Float32Array, from: number, to: number, k: number,
  norm: number, slope: number, best: Float64Array, seen: Int32Array, nSeen: number,
): number {
  let n = nSeen;
  for (let p = from; p < to; p++) {
    const d = docs[p] as number;
    const tf = tfs[p] as number;
    const v = (k * tf) / (tf + norm + slope * (lens[d] as number));
    const old = best[d] as number;
    if (old === 0) seen[n++] = d;
    if (v > old) best[d] = v;
  }
  return n;
}

/** Adds the concept's best values into the totals and resets them. */
function addBest(best: Float64Array, acc: Float64Array, seen: Int32Array, nSeen: number, touched: Int32Array, nTouched: number): number {
  let n = nTouched;
  for (let i = 0; i < nSeen; i++) {
    const d = seen[i] as number;
    if (acc[d] === 0) touched[n++] = d;
    acc[d] = (acc[d] as number) + (best[d] as number);
    best[d] = 0;
  }
  return n;
}

function clear(values: Float64Array, ids: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) values[ids[i] as number] = 0;
}

/** The k best (id, value) pairs seen, as a binary min-heap on value. */
class TopK {
  readonly ids: Int32Array;
  readonly vals: Float64Array;
  size = 0;
  constructor(readonly k: number) {
    this.ids = new Int32Array(k);
    this.vals = new Float64Array(k);
  }
  offer(id: number, v: number): void {
    const { ids, vals } = this;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((vals[parent] as number) <= v) break;
        ids[i] = ids[parent] as number;
        vals[i] = vals[parent] as number;
        i = parent;
      }
      ids[i] = id;
      vals[i] = v;
      return;
    }
    if (v <= (vals[0] as number)) return;
    let i = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (vals[r] as number) < (vals[l] as number) ? r : l;
      if ((vals[c] as number) >= v) break;
      ids[i] = ids[c] as number;
      vals[i] = vals[c] as number;
      i = c;
    }
    ids[i] = id;
    vals[i] = v;
  }
}

/**
 * The query's terms, for matching sentences by their own term lists: `slot[term]` (a dense
 * array over the vocabulary, reset after each question) points at the (concept, weight,
 * BM25 value) entries of that term. One array read per sentence term, no allocation.
 */
class TermMatch {
  readonly start: Int32Array;
  readonly concept: Int32Array;
  readonly weight: Float64Array;
  readonly value: Float64Array;
  private readonly used: number[] = [];
  constructor(index: AnswerIndex, readonly slot: Int32Array, concepts: readonly Concept[]) {
    const lists: [number, number, number][][] = [];
    concepts.forEach((c, ci) => {
      for (const [term, w] of c.terms) {
        let s = slot[term] as number;
        if (s < 0) {
          s = lists.length;
          slot[term] = s;
          this.used.push(term);
          lists.push([]);
        }
        (lists[s] as [number, number, number][]).push([ci, w, Math.min(c.idf, idfOf(index, term)) * w * c.qw]);
      }
    });
    let total = 0;
    for (const l of lists) total += l.length;
    this.start = new Int32Array(lists.length + 1);
    this.concept = new Int32Array(total);
    this.weight = new Float64Array(total);
    this.value = new Float64Array(total);
    let k = 0;
    lists.forEach((l, s) => {
      this.start[s] = k;
      for (const [ci, w, v] of l) {
        this.concept[k] = ci;
        this.weight[k] = w;
        this.value[k] = v;
        k++;
      }
    });
    this.start[lists.length] = k;
  }
  /** Resets the shared slot array. */
  release(): void {
    for (const t of this.used) this.slot[t] = -1;
  }
}

/** Match (0..1) of each concept in the terms [from, to) of a term list. */
function matchTerms(terms: Int32Array, from: number, to: number, tm: TermMatch, n: number): Float64Array {
  const m = new Float64Array(n);
  const { slot, start, concept, weight } = tm;
  for (let p = from; p < to; p++) {
    const s = slot[terms[p] as number] as number;
    if (s < 0) continue;
    for (let e = start[s] as number; e < (start[s + 1] as number); e++) {
      const c = concept[e] as number;
      if ((weight[e] as number) > (m[c] as number)) m[c] = weight[e] as number;
    }
  }
  return m;
}

function matchSentence(index: AnswerIndex, sid: number, tm: TermMatch, n: number): Float64Array {
  return matchTerms(index.sentTerms, index.sentTermOff[sid] as number, index.sentTermOff[sid + 1] as number, tm, n);
}

function matchTitle(index: AnswerIndex, a: number, tm: TermMatch, n: number): Float64Array {
  return matchTerms(index.titleTerms, index.titleTermOff[a] as number, index.titleTermOff[a + 1] as number, tm, n);
}

function matchArticle(index: AnswerIndex, a: number, tm: TermMatch, n: number): Float64Array {
  const first = index.articleSentOff[a] as number;
  const last = index.articleSentOff[a + 1] as number;
  return matchTerms(index.sentTerms, index.sentTermOff[first] as number, index.sentTermOff[last] as number, tm, n);
}

function rerank(
  index: AnswerIndex, W: Weights, q: ParsedQuestion, concepts: readonly Concept[], tm: TermMatch, bm25: ReadonlyMap<number, number>,
  artScore: ReadonlyMap<number, number>, boost: ReadonlyMap<number, number>, totalImp: number,
): Scored[] {
  const titleCache = new Map<number, Float64Array>();
  const artCache = new Map<number, Float64Array>();
  const n = concepts.length;
  // confidence weighs the question's own words; an elliptical follow-up (`How big were their
  // losses?`) also counts the words carried over from the thread
  const elliptical = q.followUp >= 0.5 && q.concepts.filter((c) => c.terms.size > 0).length <= 2;
  // and a pronoun (`its`, `they`) stands for a name of the question before
  const pronoun = q.followUp >= 0.5;
  const confW = (c: Concept): number => (c.own ? 1 : elliptical || (pronoun && c.kind === 'name') ? c.qw : 0);
  let ownImp = 0;
  const known = new Set<number>();
  for (const c of concepts) {
    ownImp += c.idf * confW(c);
    for (const t of c.terms.keys()) known.add(t);
  }
  const out: Scored[] = [];
  for (const [sid, bm] of bm25) {
    const a = index.sentArticle[sid] as number;
    const ms = matchSentence(index, sid, tm, n);
    const first = index.articleSentOff[a] as number;
    const mp = sid > first ? matchSentence(index, sid - 1, tm, n) : new Float64Array(n);
    let mt = titleCache.get(a);
    if (!mt) titleCache.set(a, (mt = matchTitle(index, a, tm, n)));
    let ma = artCache.get(a);
    if (!ma) artCache.set(a, (ma = matchArticle(index, a, tm, n)));
    let cov = 0;
    let ctx = 0;
    let ownCtx = 0;
    const missingGroups = new Map<number, boolean>();
    const offGroups = new Map<number, boolean>();
    const flags = index.sentFlags[sid] as number;
    // a sentence opening with `It`/`This`/`The move` continues the one before: it inherits more of it,
    // and for a why-question it is where the explanation usually is
    const anaphor = (flags & F_ANAPHOR) !== 0;
    const inherit = anaphor ? (q.type.label === 'why' ? 0.9 : 0.85) : 0.7;
    concepts.forEach((c, i) => {
      const s0 = ms[i] as number;
      const s = anaphor && q.type.label === 'why' ? Math.max(s0, inherit * (mp[i] as number)) : s0;
      const x = Math.max(s, inherit * (mp[i] as number), 0.7 * (mt[i] as number), 0.4 * (ma[i] as number));
      cov += c.idf * c.qw * s;
      ctx += c.idf * c.qw * x;
      ownCtx += c.idf * confW(c) * Math.max(s, inherit * (mp[i] as number), W.confTitle * (mt[i] as number), W.confArticle * (ma[i] as number));
      if (c.own && c.kind !== 'word') {
        // a group of names (`Lib Dem`) is missing when all of it is, off the context when all of it is
        const absent = (ma[i] as number) < 0.5 && (mt[i] as number) < 0.5;
        const off = absent || Math.max(s, inherit * (mp[i] as number), mt[i] as number) < 0.5;
        missingGroups.set(c.group, (missingGroups.get(c.group) ?? true) && absent);
        offGroups.set(c.group, (offGroups.get(c.group) ?? true) && off);
      }
    });
    let missing = 0;
    let offContext = 0;
    for (const [g, absent] of missingGroups) {
      if (absent) missing++;
      else if (offGroups.get(g)) offContext++;
    }
    cov /= totalImp;
    ctx /= totalImp;
    ownCtx /= ownImp || 1;
    const missFrac = missingGroups.size ? missing / missingGroups.size : 0;
    const ok = typeMatch(index, sid, q, known);
    const type = ok ? 1 : 1 - q.type.strength;
    const art = artScore.get(a) ?? 0;
    const score = cov + W.ctx * ctx + W.art * art + W.bm * bm + W.type * q.type.strength * (ok ? 1 : 0) - W.miss * missFrac + (boost.get(a) ?? 0) - W.position * (sid - first) + (sid === first ? W.lead : 0);
    // names and numbers of the question absent from the article are the strongest sign it is not answered here
    const confidence = Math.min(1, ownCtx) * type * W.missing ** missing * W.offContext ** offContext;
    out.push({
      sid,
      score: score + W.conf * confidence,
      confidence,
      features: { cov, ctx, ownCtx, art, bm25: bm, type, missingKey: missFrac },
      match: { sentence: ms, previous: mp, title: mt, article: ma },
    });
  }
  out.sort((x, y) => y.score - x.score);
  return out;
}

/** Does the sentence hold the kind of thing the question asks for (a new number, a date, a name...)? */
function typeMatch(index: AnswerIndex, sid: number, q: ParsedQuestion, known: ReadonlySet<number>): boolean {
  const flags = index.sentFlags[sid] as number;
  if (q.type.currency !== 0 && (flags & q.type.currency) === 0) return false;
  switch (q.type.label) {
    case 'money':
      return (flags & F_MONEY) !== 0;
    case 'quantity':
      return (flags & (F_MONEY | F_PERCENT)) !== 0 || hasNewNumber(index, sid, q.numbers);
    case 'duration':
      return (flags & (F_DURATION | F_DATE)) !== 0;
    case 'date':
      return (flags & F_DATE) !== 0;
    case 'place':
      return (flags & F_PLACE) !== 0 || hasNewEntity(index, sid, known, E_PLACE);
    case 'who':
      return hasNewEntity(index, sid, known, E_NAME) || (flags & F_AGENT) !== 0;
    case 'why':
      return (flags & (F_REASON | F_ANAPHOR)) !== 0;
    case 'say':
      return (flags & (F_SAY | F_QUOTE)) !== 0;
    default:
      return true;
  }
}

/** A number in the sentence that the question does not already state (years do not count). */
function hasNewNumber(index: AnswerIndex, sid: number, numbers: ReadonlySet<number>): boolean {
  for (let p = index.sentTermOff[sid] as number; p < (index.sentTermOff[sid + 1] as number); p++) {
    const n = index.termNumber[index.sentTerms[p] as number] as number;
    if (Number.isNaN(n) || numbers.has(n)) continue;
    if (Number.isInteger(n) && n >= 1900 && n <= 2100) continue;
    return true;
  }
  return false;
}

function hasNewEntity(index: AnswerIndex, sid: number, known: ReadonlySet<number>, kind: number): boolean {
  for (let p = index.sentEntOff[sid] as number; p < (index.sentEntOff[sid + 1] as number); p++) {
    if (((index.sentEntKind[p] as number) & kind) !== 0 && !known.has(index.sentEntTerm[p] as number)) return true;
  }
  return false;
}

/** Analyse and index the articles, and answer over them. */
export function createAnswerer(articles: readonly Article[], opts: AnswererOptions = {}): Answerer {
  const get = opts.analyses;
  const items = function* (): Generator<AnalyzedArticle> {
    let done = 0;
    for (const article of articles) {
      const analysis = typeof get === 'function' ? get(article) : (get?.get(article.id) ?? analyze(article.body));
      yield { article, analysis };
      opts.onArticle?.(++done, articles.length);
    }
  };
  return createAnswererFromIndex(buildIndex(items()), opts);
}

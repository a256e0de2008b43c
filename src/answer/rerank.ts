import type { ConceptMatches, Features, Weights } from './answer-options.ts';
import { describesAsked, knownTerms, typeMatch } from './answer-type.ts';
import type { Candidates } from './candidates.ts';
import { KeyGroups, confidenceImportance, confidenceOf, confidenceWeight } from './confidence.ts';
import { F_ANAPHOR } from './features.ts';
import type { Concept, ParsedQuestion } from './query.ts';
import type { AnswerIndex } from './sentence-index.ts';
import { matchArticle, matchSentence, matchTitle } from './term-match.ts';

/**
 * Re-ranking of the candidate sentences: how much of the question the sentence covers on
 * its own and with its context (previous sentence, title, rest of the article), the
 * article's and the sentence's BM25, whether the sentence holds the kind of answer asked
 * for, the question's names missing from the article, the position in the article, and
 * the candidate's confidence itself.
 */

/** A re-ranked candidate sentence. */
export interface Scored {
  readonly sid: number;
  /** Final ranking score, higher is better (comparable within one question only). */
  readonly score: number;
  /** 0..1: the answerer abstains when the best candidate's is under `minConfidence`. */
  readonly confidence: number;
  readonly features: Features;
  readonly match: ConceptMatches;
}

/**
 * The candidates scored and sorted best first. `concepts` are the question's with those
 * carried over from the thread (as the candidates were gathered with); `boost` is the
 * per-article bonus added to the score as it is.
 */
export function rerank(
  index: AnswerIndex, W: Weights, q: ParsedQuestion, concepts: readonly Concept[], cands: Candidates, boost: ReadonlyMap<number, number>,
): Scored[] {
  const { terms: tm, bm25, artScore, totalImp } = cands;
  const titleCache = new Map<number, Float64Array>();
  const artCache = new Map<number, Float64Array>();
  const n = concepts.length;
  const confW = confidenceWeight(q);
  const ownImp = confidenceImportance(concepts, confW);
  const known = knownTerms(concepts);
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
    const keys = new KeyGroups();
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
      if (c.own && c.kind !== 'word') keys.note(c.group, ma[i] as number, mt[i] as number, Math.max(s, inherit * (mp[i] as number), mt[i] as number));
    });
    const { groups, missing, offContext } = keys.counts();
    cov /= totalImp;
    ctx /= totalImp;
    ownCtx /= ownImp || 1;
    const missFrac = groups ? missing / groups : 0;
    const ok = typeMatch(index, sid, q, known);
    const type = ok ? 1 : 1 - q.type.strength;
    const art = artScore.get(a) ?? 0;
    // `Who is Motegi?`: the sentence that says what his role is
    const role = q.type.label === 'identity' && describesAsked(index, sid, q) ? W.role : 0;
    const score = cov + W.ctx * ctx + W.art * art + W.bm * bm + W.type * q.type.strength * (ok ? 1 : 0) - W.miss * missFrac + (boost.get(a) ?? 0) - W.position * (sid - first) + (sid === first ? W.lead : 0) + role;
    const confidence = confidenceOf(W, ownCtx, type, missing, offContext);
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

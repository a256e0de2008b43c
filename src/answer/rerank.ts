import type { ConceptMatches } from './answer-options.ts';
import { describesAsked, knownTerms, typeMatch } from './answer-type.ts';
import type { Candidates } from './candidates.ts';
import { KeyGroups, confidenceImportance, confidenceWeight } from './confidence.ts';
import { F_ANAPHOR, F_QUOTE, F_SAY } from './answer-type-words.ts';
import type { Concept, ParsedQuestion } from './query.ts';
import { RANK_FEATURES, linearScore, type LinearModel } from './ranker-model.ts';
import type { AnswerIndex } from './sentence-index.ts';
import { matchArticle, matchSentence, matchTitle } from './term-match.ts';

/**
 * Re-ranking of the candidate sentences by a fitted linear model over their features
 * (`RANK_FEATURES`, in this order):
 * - cov: IDF-weighted coverage of the question's concepts by the sentence alone;
 * - ctx: the same with its context (previous sentence ×0.7, or ×0.85 when the sentence opens
 *   with an anaphor, title ×0.7, rest of the article ×0.4);
 * - ownCtx: ctx over the question's own concepts (thread concepts only for elliptical follow-ups);
 * - art: article-level BM25 relative to the best article; bm25: sentence BM25 over the question weight;
 * - typeOk / typeMiss: the sentence holds (or lacks) the kind of answer asked for, times how strict the type is;
 * - missFrac, missing, offContext: the question's names and numbers absent from the article, or away from the sentence;
 * - position: log(1 + sentences from the top); lead: the article's first sentence;
 * - role: for a who-is question, the sentence describes the asked name by a role;
 * - boost: the thread's previous answer's article; anaphor: opens with a pronoun-like phrase;
 * - confidence: min(1, ownCtx) × the type factor (their interaction);
 * - person: the question names someone and the sentence reports speech with that name in it or just before it;
 * - maxMiss: the largest share of the question's own weight held by one concept its context lacks (under 0.5);
 *   unmatched: how many of its own concepts it lacks.
 */

/** A re-ranked candidate sentence. */
export interface Scored {
  readonly sid: number;
  /** Ranking score, higher is better (comparable within one question only). */
  readonly score: number;
  readonly features: Float64Array;
  readonly match: ConceptMatches;
}

const F = Object.fromEntries(RANK_FEATURES.map((n, i) => [n, i])) as Record<(typeof RANK_FEATURES)[number], number>;

/**
 * The candidates scored and sorted best first. `concepts` are the question's with those
 * carried over from the thread (as the candidates were gathered with); `boost` is the
 * per-article bonus of the thread.
 */
export function rerank(
  index: AnswerIndex,
  model: LinearModel,
  q: ParsedQuestion,
  concepts: readonly Concept[],
  cands: Candidates,
  boost: ReadonlyMap<number, number>,
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
    let person = 0;
    let maxMiss = 0;
    let unmatched = 0;
    const keys = new KeyGroups();
    const flags = index.sentFlags[sid] as number;
    const anaphor = (flags & F_ANAPHOR) !== 0;
    const speech = (flags & (F_SAY | F_QUOTE)) !== 0;
    const inherit = anaphor ? 0.85 : 0.7;
    concepts.forEach((c, i) => {
      const s = ms[i] as number;
      const x = Math.max(s, inherit * (mp[i] as number), 0.7 * (mt[i] as number), 0.4 * (ma[i] as number));
      cov += c.idf * c.qw * s;
      ctx += c.idf * c.qw * x;
      ownCtx += c.idf * confW(c) * x;
      if (c.own && c.kind !== 'word')
        keys.note(c.group, ma[i] as number, mt[i] as number, Math.max(s, inherit * (mp[i] as number), mt[i] as number));
      if (c.own && c.terms.size > 0 && x < 0.5) {
        unmatched++;
        maxMiss = Math.max(maxMiss, c.idf * confW(c));
      }
      if (c.own && c.kind === 'name' && speech && Math.max(s, mp[i] as number) >= 0.9) person = 1;
    });
    const { groups, missing, offContext } = keys.counts();
    ownCtx /= ownImp || 1;
    const role = q.type.label === 'identity' && describesAsked(index, sid, q);
    // who-is: the answer type is a role description of the asked name
    const ok = q.type.label === 'identity' ? role : typeMatch(index, sid, q, known);
    const x = new Float64Array(RANK_FEATURES.length);
    x[F.cov] = cov / totalImp;
    x[F.ctx] = ctx / totalImp;
    x[F.ownCtx] = ownCtx;
    x[F.art] = artScore.get(a) ?? 0;
    x[F.bm25] = bm;
    x[F.typeOk] = ok ? q.type.strength : 0;
    x[F.typeMiss] = ok ? 0 : q.type.strength;
    x[F.missFrac] = groups ? missing / groups : 0;
    x[F.missing] = missing;
    x[F.offContext] = offContext;
    x[F.position] = Math.log1p(sid - first);
    x[F.lead] = sid === first ? 1 : 0;
    x[F.role] = role ? 1 : 0;
    x[F.boost] = boost.get(a) ?? 0;
    x[F.anaphor] = anaphor ? 1 : 0;
    x[F.confidence] = Math.min(1, ownCtx) * (ok ? 1 : 1 - q.type.strength);
    x[F.person] = person;
    x[F.maxMiss] = maxMiss / (ownImp || 1);
    x[F.unmatched] = unmatched;
    out.push({
      sid,
      score: linearScore(model, x),
      features: x,
      match: { sentence: ms, previous: mp, title: mt, article: ma },
    });
  }
  out.sort((p, r) => r.score - p.score);
  return out;
}

import type { Article } from '../domain/types.ts';
import { analyze } from '../nlp/analysis.ts';
import type { AnswererOptions } from './answer-options.ts';
import { createScratch, gatherCandidates, type Scratch } from './candidates.ts';
import { answerOrder } from './confidence.ts';
import { resolveFollowUp } from './follow-up.ts';
import { questionParser, withHistory } from './history.ts';
import type { Concept, ParsedQuestion } from './query.ts';
import {
  RANK_FEATURES,
  answerFeatures,
  defaultRankerModel,
  linearScore,
  sigmoid,
  type RankerModel,
} from './ranker-model.ts';
import { rerank, type Scored } from './rerank.ts';
import { preferSpeaker } from './speaker-preference.ts';
import { buildIndex, type AnswerIndex } from './sentence-index.ts';
import {
  NOT_FOUND,
  type AnalyzedArticle,
  type AnswerResult,
  type AnswerSource,
  type Answerer,
  type AskOptions,
} from './types.ts';

/**
 * The offline answerer: sentence retrieval over the answer index (BM25 with WordNet
 * expansion, synonyms never adding up), an article-level score (body and title), a
 * re-ranking of the best candidates by a fitted linear model over their features, and
 * abstention when the fitted answerability model's probability is under its threshold.
 *
 * The parts: history.ts (thread follow-ups), candidates.ts (retrieval), rerank.ts
 * (features and ranking), ranker-model.ts (the fitted model), confidence.ts (abstention),
 * answer-options.ts (options, diagnostics). This module wires them together and is the
 * public entry point.
 */

export type { AnswererOptions, Explanation } from './answer-options.ts';

const CTX = RANK_FEATURES.indexOf('ctx');

/**
 * An answerer over an index already built. Not reentrant: it reuses scratch arrays sized to
 * the index across questions, which is safe because `ask` is synchronous.
 */
export function createAnswererFromIndex(index: AnswerIndex, opts: AnswererOptions = {}): Answerer {
  const maxSources = opts.maxSources ?? 3;
  const model: RankerModel = opts.model ?? defaultRankerModel();
  const scratch = createScratch(index);
  const articleIndex = new Map<string, number>();
  index.articles.forEach((a, i) => articleIndex.set(a.id, i));
  const parse = questionParser(index);

  return {
    size: index.articles.length,
    ask(asked: string, askOpts: AskOptions = {}): AnswerResult {
      const follow = resolveFollowUp(asked, askOpts.history ?? [], askOpts.attributions);
      if (follow?.kind === 'speaker')
        return { answered: true, answer: `${follow.speaker} said it.`, sources: [follow.source] };
      const question = follow?.kind === 'rewrite' ? follow.question : asked;
      const q = parse(question);
      const { concepts, boost } = withHistory(parse, q, askOpts.history ?? [], articleIndex);
      if (concepts.every((c) => c.terms.size === 0)) return refusal();
      const prefer = new Set<number>();
      for (const id of askOpts.preferArticleIds ?? []) {
        const a = articleIndex.get(id);
        if (a !== undefined) prefer.add(a);
      }
      const ranked = rank(index, scratch, model, q, concepts, boost, prefer);
      const ownConcepts = q.concepts.filter((c) => c.terms.size > 0).length;
      const features = (i: number): Float64Array => {
        const other = i === 0 ? ranked[1] : ranked[0];
        const r = ranked[i] as Scored;
        return answerFeatures(r.features, other ? r.score - other.score : 5, q.type.strength, ownConcepts);
      };
      const answerable = (i: number): number => sigmoid(linearScore(model.answer, features(i)));
      if (opts.explain) {
        opts.explain({
          question: q,
          concepts,
          candidates: ranked.map((r) => ({
            source: source(index, r),
            score: r.score,
            features: r.features,
            match: r.match,
          })),
          ...(ranked.length ? { answerability: { features: features(0), probability: answerable(0) } } : {}),
        });
      }
      const ordered = answerOrder(index, ranked, prefer, answerable, model.threshold);
      if (!ordered) return refusal();
      // answerability is judged on the ranking; the asked person's statement may then come first
      const sources = preferSpeaker(
        q,
        ordered,
        (r) => source(index, r),
        (r) => r.features[CTX] as number,
        askOpts.attributions,
      )
        .slice(0, maxSources)
        .map((r) => source(index, r));
      return { answered: true, answer: (sources[0] as AnswerSource).sentence, sources };
    },
  };
}

/** Candidates gathered, then re-ranked best first; empty when the concepts weigh nothing. */
function rank(
  index: AnswerIndex,
  scratch: Scratch,
  model: RankerModel,
  q: ParsedQuestion,
  concepts: readonly Concept[],
  boost: ReadonlyMap<number, number>,
  prefer: ReadonlySet<number>,
): Scored[] {
  const cands = gatherCandidates(index, scratch, concepts, boost, prefer);
  if (!cands) return [];
  try {
    return rerank(index, model.rank, q, concepts, cands, boost);
  } finally {
    // the term table holds the shared slot array, which the next question needs all -1
    cands.terms.release();
  }
}

function refusal(): AnswerResult {
  return { answered: false, answer: NOT_FOUND, sources: [] };
}

function source(index: AnswerIndex, r: Scored): AnswerSource {
  const a = index.articles[index.sentArticle[r.sid] as number] as Article;
  const start = index.sentStart[r.sid] as number;
  const end = index.sentEnd[r.sid] as number;
  return {
    articleId: a.id,
    file: a.file,
    title: a.title,
    sentence: a.body.slice(start, end),
    start,
    end,
    score: Number(r.score.toFixed(4)),
  };
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

import { readFileSync } from 'node:fs';
import type { Article } from '../../../src/domain/types.ts';
import type { StoryCluster } from '../../../src/cluster/cluster-stories.ts';

interface EvalSet {
  readonly events: readonly {
    readonly id: string;
    readonly articles: readonly { source: string; date: string; title: string; body: string }[];
  }[];
}

/** The same-story set written for this project (test/fixtures/clusters/stories.json) as articles, with each article's event. */
export function storySet(): { articles: Article[]; event: Map<string, string>; events: number } {
  const set = JSON.parse(
    readFileSync(new URL('../../fixtures/clusters/stories.json', import.meta.url), 'utf8'),
  ) as EvalSet;
  const articles: Article[] = [];
  const event = new Map<string, string>();
  for (const e of set.events) {
    e.articles.forEach((a, i) => {
      const id = `${e.id}-${i}`;
      articles.push({
        id,
        file: `${id}.md`,
        title: a.title,
        date: a.date,
        source: a.source,
        url: `https://${a.source.toLowerCase().replace(/\s+/g, '-')}.example/${id}`,
        tags: [],
        body: a.body,
      });
      event.set(id, e.id);
    });
  }
  return { articles, event, events: set.events.length };
}

/** Pairwise precision and recall: a pair is positive when both articles report one event. */
export function pairScores(
  articles: readonly Article[],
  event: ReadonlyMap<string, string>,
  clusters: readonly StoryCluster[],
): { precision: number; recall: number; tp: number; fp: number; fn: number } {
  const predicted = new Map(clusters.flatMap((c) => c.articleIds.map((id) => [id, c.id] as const)));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const a = (articles[i] as Article).id;
      const b = (articles[j] as Article).id;
      const gold = event.get(a) === event.get(b);
      const pred = predicted.get(a) === predicted.get(b);
      if (gold && pred) tp++;
      else if (pred) fp++;
      else if (gold) fn++;
    }
  }
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), tp, fp, fn };
}

import type { Article } from '../domain/types.ts';

/**
 * Article-level search for `/trade-news search`: BM25 (Robertson & Zaragoza 2009,
 * k1 = 1.2, b = 0.75) over the title (counted three times) and the body.
 * Terms are lowercase letter/digit runs with a light plural strip, so `tariffs`
 * finds `tariff`; every query term must occur for an article to match at all
 * unless none does, in which case partial matches rank by score.
 */
export interface ArticleHit {
  readonly article: Article;
  readonly score: number;
}

const STOP = new Set(
  'a an and are as at be by for from has have in is it its of on or that the to was were will with what who how'.split(
    ' ',
  ),
);

export function searchTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    let t = m[0];
    if (STOP.has(t)) continue;
    if (t.length > 4 && t.endsWith('ies')) t = `${t.slice(0, -3)}y`;
    else if (t.length > 3 && t.endsWith('s') && !t.endsWith('ss')) t = t.slice(0, -1);
    out.push(t);
  }
  return out;
}

export class ArticleSearch {
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly lengths: number[] = [];
  private readonly avgLength: number;

  constructor(private readonly articles: readonly Article[]) {
    articles.forEach((a, i) => {
      const terms = [...searchTerms(a.title), ...searchTerms(a.title), ...searchTerms(a.title), ...searchTerms(a.body)];
      this.lengths.push(terms.length);
      for (const t of terms) {
        let p = this.postings.get(t);
        if (!p) this.postings.set(t, (p = new Map()));
        p.set(i, (p.get(i) ?? 0) + 1);
      }
    });
    this.avgLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
  }

  search(query: string, limit = 5): ArticleHit[] {
    const terms = [...new Set(searchTerms(query))];
    const n = this.articles.length;
    const scores = new Map<number, { score: number; matched: number }>();
    for (const t of terms) {
      const p = this.postings.get(t);
      if (!p) continue;
      const idf = Math.log(1 + (n - p.size + 0.5) / (p.size + 0.5));
      for (const [doc, tf] of p) {
        const len = this.lengths[doc] ?? 0;
        const s = (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * len) / this.avgLength));
        const cur = scores.get(doc) ?? { score: 0, matched: 0 };
        scores.set(doc, { score: cur.score + s, matched: cur.matched + 1 });
      }
    }
    const all = [...scores.entries()];
    const best = Math.max(0, ...all.map(([, v]) => v.matched));
    return all
      .filter(([, v]) => v.matched === best)
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, limit)
      .map(([doc, v]) => ({ article: this.articles[doc] as Article, score: v.score }));
  }
}

import { describe, expect, it } from 'vitest';
import { syntheticArticle, companyOf } from '../../../src/bench/synthetic-corpus.ts';
import { benchQuestions, runAnswerBench } from '../../../src/bench/answer-bench.ts';
import { parseTxt } from '../../../src/sources/txt.ts';

describe('answer benchmark', () => {
  const articles = Array.from({ length: 40 }, (_, i) => parseTxt(`a${i}.txt`, syntheticArticle(i + 1, 200)));

  it('asks questions the generated corpus can answer, and some it cannot', () => {
    const qs = benchQuestions(16, articles.length);
    expect(qs.some((q) => q.includes(companyOf(1).name) || /profit|based/.test(q))).toBe(true);
    expect(qs).toContain('What is the population of Mars?');
  });

  it('reports answered counts and latency percentiles', async () => {
    const r = await runAnswerBench(articles, 24);
    expect(r.questions).toBe(24);
    expect(r.answered).toBeGreaterThan(0);
    expect(r.answered).toBeLessThan(24);
    expect(r.p99).toBeGreaterThanOrEqual(r.p50);
    expect(r.max).toBeGreaterThanOrEqual(r.p99);
  });
});

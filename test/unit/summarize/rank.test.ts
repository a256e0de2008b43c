import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/nlp/analysis.ts';
import { pageRank } from '../../../src/summarize/rank/centrality.ts';
import { mmrSelect } from '../../../src/summarize/rank/mmr.ts';
import { positionPrior } from '../../../src/summarize/rank/position.ts';
import { scoreSentences } from '../../../src/summarize/rank/score.ts';
import {
  buildVectors,
  inverseSentenceFrequency,
  similarityMatrices,
  vectorOf,
} from '../../../src/summarize/rank/similarity.ts';
import { readability, standaloneFactor } from '../../../src/summarize/rank/standalone.ts';
import { MAX_STEM_LENGTH, porterStem } from '../../../src/summarize/rank/stem.ts';
import { sentenceTerms, textTerms } from '../../../src/summarize/rank/terms.ts';

const first = (text: string) => {
  const s = analyze(text).sentences[0];
  if (!s) throw new Error('no sentence');
  return s;
};

describe('porterStem', () => {
  it('gives the Porter2 stems of wink-porter2-stemmer', () => {
    const cases: Record<string, string> = {
      caresses: 'caress',
      ponies: 'poni',
      cats: 'cat',
      feed: 'feed',
      agreed: 'agre',
      plastered: 'plaster',
      motoring: 'motor',
      hopping: 'hop',
      filing: 'file',
      happy: 'happi',
      relational: 'relat',
      conditional: 'condit',
      rational: 'ration',
      digitizer: 'digit',
      hopefulness: 'hope',
      electrical: 'electr',
      adjustment: 'adjust',
      controlling: 'control',
      generalization: 'general',
      negotiations: 'negoti',
      generously: 'generous',
    };
    for (const [word, stem] of Object.entries(cases)) expect(porterStem(word), word).toBe(stem);
  });

  it('leaves short words, numbers and non-ASCII words alone', () => {
    expect(porterStem('us')).toBe('us');
    expect(porterStem('2018')).toBe('2018');
    expect(porterStem('café')).toBe('café');
  });

  it('does not hand an overlong token to the stemmer (its regexes are quadratic in the length)', () => {
    const long = `${'ab'.repeat(4000)}ational`;
    expect(porterStem(long)).toBe(long);
    const edge = `${'ta'.repeat((MAX_STEM_LENGTH - 3) >> 1)}ing`;
    expect(porterStem(edge)).not.toBe(edge);
  });
});

describe('terms', () => {
  it('keeps stemmed content words and drops stopwords, possessives and punctuation', () => {
    expect(sentenceTerms(first('The talks on Japan’s tariffs were resumed in Tokyo.'))).toEqual([
      'talk',
      'japan',
      'tariff',
      'resum',
      'tokyo',
    ]);
    expect(textTerms('US & Japan To Start Trade Negotiations')).toEqual(['japan', 'start', 'trade', 'negoti']);
  });
});

describe('similarity', () => {
  it('scores shared content, is symmetric and zero on the diagonal', () => {
    const doc = buildVectors([
      ['tariff', 'steel', 'japan'],
      ['tariff', 'steel', 'china'],
      ['weather', 'rain'],
    ]);
    const { overlap, cosine } = similarityMatrices(doc.vectors, inverseSentenceFrequency(doc.df, 3));
    expect(overlap[0 * 3 + 1]).toBeCloseTo(2 / (2 * Math.log(3)));
    expect(overlap[1 * 3 + 0]).toBe(overlap[0 * 3 + 1]);
    expect(cosine[0 * 3 + 2]).toBe(0);
    expect(cosine[0]).toBe(0);
    expect(cosine[0 * 3 + 1]).toBeGreaterThan(0);
    expect(cosine[0 * 3 + 1]).toBeLessThan(1);
    expect(vectorOf(['steel', 'unknown'], doc.vocabulary).ids).toHaveLength(1);
  });
});

describe('pageRank', () => {
  it('returns a distribution that favours the hub of a star', () => {
    const n = 4;
    const sim = new Float64Array(n * n);
    for (let j = 1; j < n; j++) {
      sim[j] = 1;
      sim[j * n] = 1;
    }
    const r = pageRank(sim, n);
    expect(Array.from(r).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    for (let j = 1; j < n; j++) expect(r[0]).toBeGreaterThan(r[j] as number);
  });

  it('follows the teleport prior when the graph has no edges', () => {
    const r = pageRank(new Float64Array(9), 3, { prior: [3, 1, 0] });
    expect(r[0]).toBeCloseTo(0.75);
    expect(r[2]).toBeCloseTo(0);
  });
});

describe('positionPrior', () => {
  it('is 1 for the lead and decreases towards its floor', () => {
    expect(positionPrior(0)).toBe(1);
    let last = 1;
    for (let i = 1; i < 50; i++) {
      const p = positionPrior(i);
      expect(p).toBeLessThan(last);
      expect(p).toBeGreaterThan(0.1);
      last = p;
    }
  });
});

describe('mmrSelect', () => {
  it('skips a near-duplicate of a chosen item even when it is more relevant', () => {
    // 0 and 1 are near-duplicates; 2 is less relevant but new.
    const sim = Float64Array.from([0, 0.95, 0.1, 0.95, 0, 0.1, 0.1, 0.1, 0]);
    expect(mmrSelect([1, 0.99, 0.5], sim, 3, 2)).toEqual([0, 2]);
    expect(mmrSelect([1, 0.99, 0.5], sim, 3, 2, { lambda: 1, duplicateAt: 2 })).toEqual([0, 1]);
  });

  it('breaks ties towards the earlier item and never returns more than it has', () => {
    expect(mmrSelect([0.5, 0.5, 0.5], new Float64Array(9), 3, 5)).toEqual([0, 1, 2]);
  });
});

describe('readability', () => {
  it('flags openings that depend on the previous sentence', () => {
    expect(readability(first('He said the deal was close.')).pronounOpener).toBe(true);
    expect(readability(first('“It is a good deal,” the minister said.')).pronounOpener).toBe(true);
    expect(readability(first('This is the biggest deal in a decade.')).pronounOpener).toBe(true);
    expect(readability(first('This year the deal will be signed in Tokyo.')).pronounOpener).toBe(false);
    expect(readability(first('The deal will be signed in Tokyo next year.')).pronounOpener).toBe(false);
    expect(readability(first('But the deal was not signed in Tokyo.')).connectiveOpener).toBe(true);
  });

  it('flags bare quotations but not attributed reporting', () => {
    expect(readability(first('“We will never accept tariffs on our cars and trucks.”')).quotation).toBe(true);
    expect(readability(first('The minister said tariffs on cars were “unacceptable” to Tokyo.')).quotation).toBe(false);
    expect(readability(first("Sales of Mercedes' brands fell 2% in the year to March.")).quotation).toBe(false);
  });

  it('flags fragments, furniture and run-together text', () => {
    expect(readability(first('Trade talks.')).fragment).toBe(true);
    expect(readability(first('By Staff Reporter')).furniture).toBe(true);
    expect(readability(first('Scroll down for video The minister arrives in Tokyo for the talks')).furniture).toBe(
      true,
    );
    expect(readability(first('Tap the gallery below to see the harbour cranes at work')).furniture).toBe(true);
    expect(readability(first('For free, confidential support call the helpline on 0800 000 111.')).furniture).toBe(
      true,
    );
    expect(readability(first('Dock workers click their badges at the gate before each shift begins.')).furniture).toBe(
      false,
    );
    expect(
      readability(first('Strictly business: the two leaders shake hands before the talks in New York')).furniture,
    ).toBe(true);
    expect(readability(first('He said: the talks went well and will resume next week in Tokyo.')).furniture).toBe(
      false,
    );
    expect(
      readability(first('The minister arrives for talks in Tokyo on Monday He is expected to meet the prime minister.'))
        .runOn,
    ).toBe(true);
    expect(readability(first('The U.S. and Japan met in Washington on Monday to discuss tariffs.')).runOn).toBe(false);
  });

  it('turns flags into a multiplier in (0, 1]', () => {
    const fine = readability(first('The United States and Japan agreed on Wednesday to start trade negotiations.'));
    expect(standaloneFactor(fine)).toBe(1);
    const dangling = readability(first('It will cost the government two hundred million dollars next year.'));
    expect(standaloneFactor(dangling)).toBeGreaterThan(0);
    expect(standaloneFactor(dangling)).toBeLessThan(1);
  });
});

describe('scoreSentences', () => {
  it('gives one score in [0, 1] per sentence, with the best at 1', () => {
    const body =
      'Japan and the United States agreed to start trade talks. The trade talks will begin in October. Officials in Tokyo welcomed the trade talks.';
    const { scores, ranked } = scoreSentences(analyze(body), 'Japan and US to start trade talks');
    expect(ranked).toBe(3);
    expect(Math.max(...scores)).toBe(1);
    for (const s of scores) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it('handles an empty analysis', () => {
    expect(scoreSentences(analyze(''), '').scores).toHaveLength(0);
  });
});

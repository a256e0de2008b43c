import { describe, expect, it } from 'vitest';
import { F_DATE, F_MONEY, F_PERCENT } from '../../../src/answer/answer-type-words.ts';
import { questionType, sentenceFlags } from '../../../src/answer/features.ts';
import { acronyms } from '../../../src/answer/sentence-index.ts';
import { tokenTerms, wordTerms } from '../../../src/answer/text.ts';
import { pertainyms, relatedWords } from '../../../src/answer/wordnet.ts';
import { tokenize } from '../../../src/nlp/analysis.ts';

describe('terms', () => {
  it('stems and irregular lemmas meet', () => {
    expect(wordTerms('profits')).toContain('profit');
    expect(wordTerms('lost')).toContain(wordTerms('lose')[0]);
    expect(wordTerms('rose')).toContain(wordTerms('rise')[0]);
    expect(wordTerms('the')).toEqual([]);
  });

  it('numbers are canonical, all-capital names are never stopwords', () => {
    const terms = tokenize('The US cut 13,000 jobs').map((t) => tokenTerms(t));
    expect(terms).toEqual([[], ['us'], ['cut'], ['13000'], ['job']]);
  });
});

describe('WordNet', () => {
  it('gives synonyms, derived forms and pertainyms', () => {
    expect(relatedWords('movie').map((r) => r.word)).toContain('film');
    expect(relatedWords('shortfall').map((r) => r.word)).toContain('deficit');
    expect(pertainyms('japanese')).toContain('japan');
    expect(relatedWords('zzqx')).toEqual([]);
  });
});

describe('question types and sentence content', () => {
  it('reads what kind of answer a question wants', () => {
    expect(questionType('How much did the firm earn?').label).toBe('money');
    expect(questionType('By how much did fares rise?').label).toBe('quantity');
    expect(questionType('How many jobs went?').label).toBe('quantity');
    expect(questionType('When will the line reopen?').label).toBe('date');
    expect(questionType('In which city was it signed?').label).toBe('place');
    expect(questionType('Who paid for the adverts?').label).toBe('who');
    expect(questionType('What does the airline say caused the drop?').label).toBe('why');
    expect(questionType('What is the price in euros?').currency).not.toBe(0);
  });

  it('flags money, percentages and dates in a sentence', () => {
    const f = sentenceFlags(tokenize('Profits rose 18% to €92m in March 2024.'));
    expect(f & F_MONEY).not.toBe(0);
    expect(f & F_PERCENT).not.toBe(0);
    expect(f & F_DATE).not.toBe(0);
    expect(sentenceFlags(tokenize('Growers were worried.')) & (F_MONEY | F_PERCENT | F_DATE)).toBe(0);
  });

  it('finds `Long Form (LF)` acronyms', () => {
    expect(acronyms('The Kestrel Rail Authority (KRA) said so.')).toEqual([
      { short: 'KRA', shortTerm: 'kra', long: 'kestrel rail authority', longTerms: expect.any(Array) as unknown },
    ]);
    expect(acronyms('A test (ABC) here.')).toEqual([]);
  });
});

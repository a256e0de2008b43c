import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../../src/answer/answerer.ts';
import { defaultRankerModel } from '../../../src/answer/ranker-model.ts';
import { questionType } from '../../../src/answer/features.ts';
import { describedNames, isIdentityQuestion } from '../../../src/answer/roles.ts';
import type { AnswerResult } from '../../../src/answer/types.ts';
import { tokenize } from '../../../src/nlp/analysis.ts';
import { parseTxt } from '../../../src/sources/txt.ts';
import { SYNTHETIC, article } from './fixtures.ts';

const FOUNDING = 'articles/2018-09-27-us-japan-trade-negotiations.txt';
const founding = parseTxt(FOUNDING, readFileSync(FOUNDING, 'utf8'));
const MOTEGI =
  'Abe said he is aware that Toshimitsu Motegi, Japan’s economic revitalization minister, and U.S. Trade Representative Robert Lighthizer held great discussions yesterday.';

/** Synthetic: the name comes up often, and only one sentence (not the first) says who she is. */
const KESTREL = article(
  'kestrel',
  'Kestrel rail link delayed again',
  [
    'The Kestrel board met on Monday to discuss the delayed rail link to Dunmore.',
    'Vesk told the board that the rail link would open a year late.',
    'Commuters in Dunmore have waited a decade for the link, and Vesk admitted they were angry.',
    'Mira Vesk, the chief executive of Kestrel Rail, joined the company in 2019.',
    'Vesk said the delay would cost the company about £40m.',
  ].join('\n'),
);

/** Synthetic: a description by `is` + a noun phrase, and a title before the name. */
const MINT = article(
  'mint',
  'Central bank holds rates',
  [
    'The central bank kept its main rate at 3% on Thursday, and Reil said inflation was easing.',
    'Reil expects inflation to fall below 2% next year, Reil said.',
    'Tomas Reil is the governor of the central bank and has led it since 2020.',
    'Finance Minister Ada Korr welcomed the decision, while Korr warned that growth was weak.',
  ].join('\n'),
);

/** Identity questions test the ranking: this answerer answers whatever its confidence. */
const answerer = createAnswerer([...SYNTHETIC, KESTREL, MINT, founding], {
  model: { ...defaultRankerModel(), threshold: 0 },
});

function top(r: AnswerResult): string {
  expect(r.answered).toBe(true);
  return r.sources[0]?.sentence ?? '';
}

function described(text: string): string[] {
  const tokens = tokenize(text);
  return [...describedNames(tokens)].map((i) => tokens[i]?.value ?? '');
}

describe('names described by a role', () => {
  it('finds appositives, titles before the name and `is` + a role', () => {
    expect(described(MOTEGI)).toEqual(['Toshimitsu', 'Motegi', 'Robert', 'Lighthizer']);
    expect(described('Mira Vesk, the chief executive of Kestrel Rail, joined in 2019.')).toEqual(['Mira', 'Vesk']);
    expect(described('Tomas Reil is the governor of the central bank.')).toEqual(['Tomas', 'Reil']);
    expect(described('The deal was welcomed by Prime Minister Shinzo Abe.')).toEqual(['Shinzo', 'Abe']);
    expect(described('It was signed by the trade minister, Ada Korr, on Friday.')).toEqual(['Ada', 'Korr']);
    expect(described('Jane Doe, a spokeswoman for the firm, declined to comment.')).toEqual(['Jane', 'Doe']);
  });

  it('leaves names without a description alone', () => {
    expect(described('In Tokyo, the president said talks went well.')).toEqual([]);
    expect(described('Motegi is expected to meet the president on Tuesday.')).toEqual([]);
    expect(described('Abe, Trump and Motegi met in New York.')).toEqual([]);
    expect(described('Motegi, who met Lighthizer on Tuesday, was upbeat.')).toEqual([]);
  });
});

describe('identity questions', () => {
  it('are told from other who-questions', () => {
    for (const q of [
      'Who is Motegi?',
      'Who’s Motegi?',
      "who's Robert Lighthizer",
      'Who was Dr. Ada Korr?',
      "What is Motegi's job?",
      'What is Reil’s role?',
      'What does Vesk do?',
      'What position does Korr hold?',
    ]) {
      expect(isIdentityQuestion(q), q).toBe(true);
      expect(questionType(q).label, q).toBe('identity');
    }
    for (const q of [
      'Who is going to take over from Rod Eddington?',
      'Who is behind the legal challenge?',
      'Who paid for the adverts?',
      'What does the deal do for farmers?',
    ]) {
      expect(isIdentityQuestion(q), q).toBe(false);
    }
    expect(questionType('Who is behind the legal challenge?').label).toBe('who');
  });

  it('prefer the sentence that says who someone is (synthetic)', () => {
    expect(top(answerer.ask('Who is Vesk?'))).toBe(
      'Mira Vesk, the chief executive of Kestrel Rail, joined the company in 2019.',
    );
    expect(top(answerer.ask('What is Vesk’s job?'))).toBe(
      'Mira Vesk, the chief executive of Kestrel Rail, joined the company in 2019.',
    );
    expect(top(answerer.ask('Who is Reil?'))).toBe(
      'Tomas Reil is the governor of the central bank and has led it since 2020.',
    );
    expect(top(answerer.ask('Who is Korr?'))).toContain('Finance Minister Ada Korr');
  });

  it('prefer the appositive sentence of the founding article', () => {
    expect(top(answerer.ask('Who is Motegi?'))).toBe(MOTEGI);
    expect(top(answerer.ask('Who is Lighthizer?'))).toBe(MOTEGI);
    expect(top(answerer.ask("What is Motegi's role?"))).toBe(MOTEGI);
  });

  it('leave other questions as they were', () => {
    expect(top(answerer.ask('What did Abe say?'))).toMatch(/^(Abe said he would like|“Based on the results)/);
  });
});

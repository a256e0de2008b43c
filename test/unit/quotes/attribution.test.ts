import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/nlp/analysis.ts';
import { FEMALE_NAMES, FIRST_NAMES, MALE_NAMES } from '../../../src/quotes/first-names.ts';
import { findQuotes } from '../../../src/quotes/find.ts';

/** Attribution cases written for these tests: bodies as speakers, cues before and after, the sentence before. */

const pairs = (body: string): [string, string | null][] =>
  findQuotes(analyze(body)).map((q) => {
    expect(body.slice(q.start, q.end)).toBe(q.text);
    return [q.text, q.speaker];
  });

describe('organisations as speakers', () => {
  it('credits the delegation, not the trade official mentioned before it, when `it said` follows', () => {
    const body =
      'Talks resumed in Geneva on Monday. A trade official said the two sides were far apart on steel.\n\n' +
      'The U.S. delegation rejected any link between tariffs and the talks. "These are matters of national security," it said.';
    expect(pairs(body)).toEqual([['These are matters of national security,', 'The U.S. delegation']]);
  });

  it('shows `the delegation` with its fuller earlier mention', () => {
    const body =
      'The U.S. delegation arrived on Monday. A trade official said the two sides were far apart.\n\n' +
      '"These are matters of national security," the delegation said.';
    expect(pairs(body)).toEqual([['These are matters of national security,', 'the U.S. delegation']]);
  });

  it('does not let `it` jump back over a named person', () => {
    const body = 'The commission met on Monday. Lena Roth chaired the session.\n\n"It was a long day," it said.';
    expect(pairs(body)[0]?.[1]).not.toBe('The commission');
  });

  it('keeps a body name whole over `of`, with `according to` before or after the quotation', () => {
    expect(
      pairs('According to the Ministry of Agriculture, "grain exports fell by a third in the second quarter."'),
    ).toEqual([['grain exports fell by a third in the second quarter.', 'Ministry of Agriculture']]);
    expect(pairs('"Grain exports fell by a third," according to the Ministry of Agriculture.')).toEqual([
      ['Grain exports fell by a third,', 'Ministry of Agriculture'],
    ]);
  });

  it('credits a commission speaking before and after an interrupted quotation', () => {
    expect(
      pairs('The European Commission said in a statement: "The tariffs are unjustified and we will respond in kind."'),
    ).toEqual([['The tariffs are unjustified and we will respond in kind.', 'European Commission']]);
    expect(pairs('"The tariffs are unjustified," the European Commission said. "We will respond in kind."')).toEqual([
      ['The tariffs are unjustified,', 'European Commission'],
      ['We will respond in kind.', 'European Commission'],
    ]);
  });
});

describe('people', () => {
  it('takes the speaker named in the sentence before a quotation that stands alone', () => {
    const body =
      'Marta Ilves spoke first at the press conference in Tallinn.\n\n"We came here to close the deal and we will not leave without it."';
    expect(pairs(body)).toEqual([['We came here to close the deal and we will not leave without it.', 'Marta Ilves']]);
  });

  it('resolves she to the named woman before her', () => {
    expect(
      pairs('Marta Ilves, the chief negotiator for Estonia, arrived late. "We came here to close the deal," she said.'),
    ).toEqual([['We came here to close the deal,', 'Marta Ilves']]);
  });

  it('credits the person after the quotation with `said Name, role`', () => {
    const body =
      'The union rejected the offer. "This is an insult to every worker on the line," said Jana Novak, the union\'s president.';
    expect(pairs(body)).toEqual([['This is an insult to every worker on the line,', 'Jana Novak']]);
  });

  it('reads a manner-of-speaking verb as a cue', () => {
    expect(
      pairs('The minister left the hall. “Come back when you have an offer,” Lena Roth snapped at the envoys.'),
    ).toEqual([['Come back when you have an offer,', 'Lena Roth']]);
  });

  it('does not take a dateline for the speaker', () => {
    const body =
      'OSLO, March 3 (Wire) — The minister’s adviser rallied the crowd, saying: “We have to be ready for a long fight.”';
    const [only] = pairs(body);
    expect(only?.[1]).not.toBe('OSLO');
  });

  it('reads a party-state tag as part of the sentence, not as a speaker', () => {
    const body =
      'In a statement released Thursday, Rep. Anna Brandt (D-N.Y.) reacted to the news, saying: “The plan should be withdrawn.”';
    expect(pairs(body)).toEqual([['The plan should be withdrawn.', 'Anna Brandt']]);
  });
});

describe('first-name lists', () => {
  it('come from the packaged lists, with names given to both genders on neither side', () => {
    expect(MALE_NAMES.has('john')).toBe(true);
    expect(FEMALE_NAMES.has('margaret')).toBe(true);
    expect(FIRST_NAMES.has('kelly')).toBe(true);
    expect(MALE_NAMES.has('kelly') || FEMALE_NAMES.has('kelly')).toBe(false);
    expect(MALE_NAMES.size).toBeGreaterThan(1000);
    for (const n of MALE_NAMES) expect(FEMALE_NAMES.has(n)).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../../src/domain/types.ts';
import { analyze } from '../../../src/nlp/analysis.ts';
import { findQuotes } from '../../../src/quotes/find.ts';
import { parseTxt } from '../../../src/sources/txt.ts';

const FOUNDING = 'articles/2018-09-27-us-japan-trade-negotiations.txt';

const quotes = (body: string): Quote[] => findQuotes(analyze(body));
const pairs = (body: string): [string, string | null][] => quotes(body).map((q) => [q.text, q.speaker]);

function expectInvariants(body: string, found: readonly Quote[]): void {
  let last = -1;
  for (const q of found) {
    expect(q.text).toBe(body.slice(q.start, q.end));
    expect(q.text).toBe(q.text.trim());
    expect(q.text.length).toBeGreaterThan(0);
    expect(q.start).toBeGreaterThanOrEqual(last);
    expect(typeof q.score).toBe('number');
    last = q.start;
  }
}

describe('findQuotes on the founding article', () => {
  const article = parseTxt(FOUNDING, readFileSync(FOUNDING, 'utf8'));
  const found = quotes(article.body);

  it('finds the quotations of Trump and Abe, named in full', () => {
    expect(found.map((q) => [q.text, q.speaker])).toEqual([
      ['I think it will be something very exciting,', 'Donald Trump'],
      [
        'It can only be better for the United States…I think it’s going to be better, really, for both countries.',
        'Donald Trump',
      ],
      ['very quickly.', 'Donald Trump'],
      [
        'Based on the results, I look forward to having constructive discussions on ways to further strengthen the Japanese and U.S. economies,',
        'Shinzo Abe',
      ],
      ['in the not so distant future.', 'Donald Trump'],
    ]);
  });

  it('leaves out the scare quotes', () => {
    const texts = found.map((q) => q.text);
    expect(texts.some((t) => t.includes('reciprocal'))).toBe(false);
    expect(texts.some((t) => t.includes('good outcome'))).toBe(false);
  });

  it('gives offsets that select exactly each text', () => {
    expectInvariants(article.body, found);
  });
});

describe('quotation spans', () => {
  it('splits a quotation interrupted by its attribution into two quotes of one speaker', () => {
    const body = '“We will win this vote,” Maria Lopez said on Monday. “Nobody can stop us now.”';
    expect(pairs(body)).toEqual([
      ['We will win this vote,', 'Maria Lopez'],
      ['Nobody can stop us now.', 'Maria Lopez'],
    ]);
  });

  it('keeps a quotation of several sentences whole', () => {
    const body = '“The plan is ready. It will cut costs. We start in May,” said Hans Weber, the finance minister.';
    expect(pairs(body)).toEqual([['The plan is ready. It will cut costs. We start in May,', 'Hans Weber']]);
  });

  it('continues a quotation over a paragraph break when the next paragraph opens with a mark', () => {
    const body = [
      'Port director Ana Silva explained the schedule to the council.',
      '“First we will dredge the channel. Then we rebuild the piers.',
      '“After that, the new terminal opens to ships,” she said.',
    ].join('\n\n');
    const found = quotes(body);
    expect(found.map((q) => [q.text, q.speaker])).toEqual([
      ['First we will dredge the channel. Then we rebuild the piers.', 'Ana Silva'],
      ['After that, the new terminal opens to ships,', 'Ana Silva'],
    ]);
    expectInvariants(body, found);
  });

  it('drops a quotation left open at a paragraph end when no mark opens the next one', () => {
    const body = 'The mayor said “this will never close.\n\nThe council met later.';
    expect(quotes(body)).toEqual([]);
  });

  it('reads straight double quotes', () => {
    expect(pairs('"Prices will keep falling this year," said Oskar Lindqvist.')).toEqual([
      ['Prices will keep falling this year,', 'Oskar Lindqvist'],
    ]);
  });

  it("reads NYT-style '' double quotes", () => {
    const body = "''This is a fair deal for farmers,'' Senator Mark Ellison said. ''We should sign it.''";
    expect(pairs(body)).toEqual([
      ['This is a fair deal for farmers,', 'Mark Ellison'],
      ['We should sign it.', 'Mark Ellison'],
    ]);
  });

  it('survives unbalanced and mixed marks', () => {
    const body = 'He said ” it was over. “Never, she said “again” and "maybe\n\n” The end ” “ " \'\' .';
    const found = quotes(body);
    expectInvariants(body, found);
  });
});

describe('attribution', () => {
  it('takes the speaker after the verb: `said X`', () => {
    expect(pairs('“Exports are growing again,” said Kenji Sato, a trade official in Osaka.')).toEqual([
      ['Exports are growing again,', 'Kenji Sato'],
    ]);
  });

  it('takes the speaker before a colon: `X said: “…”`', () => {
    expect(pairs('Economy Minister Keiko Tanaka said: “Exports are growing again.”')).toEqual([
      ['Exports are growing again.', 'Keiko Tanaka'],
    ]);
  });

  it('reads `according to X` before and after the quotation', () => {
    expect(pairs('According to Pierre Dubois, “the talks went well and will go on.”')).toEqual([
      ['the talks went well and will go on.', 'Pierre Dubois'],
    ]);
    expect(pairs('The deal is “a historic step for both nations,” according to Ambassador Pierre Dubois.')).toEqual([
      ['a historic step for both nations,', 'Pierre Dubois'],
    ]);
  });

  it('reads `X told Y`, an appositive and a partial quotation after `said that`', () => {
    const body = [
      '“We need more time for this,” Lena Berg told Omar Haddad.',
      'Omar Haddad, the head of the union, said that the strike would end “very soon.”',
    ].join('\n\n');
    expect(pairs(body)).toEqual([
      ['We need more time for this,', 'Lena Berg'],
      ['very soon.', 'Omar Haddad'],
    ]);
  });

  it('resolves he and she to the nearest fitting named person', () => {
    const body = [
      'Tom Becker met Laura Chen in Berlin on Tuesday.',
      '“The talks were useful,” she said. Becker agreed.',
      '“We agree on most points,” he added.',
    ].join('\n\n');
    expect(pairs(body)).toEqual([
      ['The talks were useful,', 'Laura Chen'],
      ['We agree on most points,', 'Tom Becker'],
    ]);
  });

  it('uses honorifics to tell he from she', () => {
    const body = 'Mrs. Alvarez thanked Mr. Brandt for the report. “It is a very good start,” he said.';
    expect(pairs(body)).toEqual([['It is a very good start,', 'Brandt']]);
  });

  it('names the speaker by the fullest form in the article', () => {
    const body = [
      'Swedish Chancellor Greta Holm visited Oslo on Monday.',
      '“We are ready to sign the treaty,” Holm said.',
    ].join('\n\n');
    expect(pairs(body)).toEqual([['We are ready to sign the treaty,', 'Greta Holm']]);
  });

  it('gives a quotation standing alone the speaker of the sentence before it', () => {
    const body =
      'Finance chief David Moreau described the budget on Friday:\n\n“Every ministry will save ten percent next year.”';
    expect(pairs(body)).toEqual([['Every ministry will save ten percent next year.', 'David Moreau']]);
  });

  it('allows a null speaker when none can be found', () => {
    const body = '“Nobody expected the storm to be this strong, and nobody was ready for it.”';
    expect(pairs(body)).toEqual([['Nobody expected the storm to be this strong, and nobody was ready for it.', null]]);
  });

  it('never invents a speaker: every speaker is text of the article', () => {
    const body = 'Former President Jorge Ramos spoke in Lima. “We will return,” Ramos said. “Soon,” he added.';
    for (const q of quotes(body)) if (q.speaker !== null) expect(body.includes(q.speaker)).toBe(true);
  });
});

describe('scare quotes and titles', () => {
  it('leaves out short quoted phrases with no speech verb', () => {
    expect(quotes('Analysts watched the “reciprocal” talks closely as markets hoped for a “good outcome.”')).toEqual(
      [],
    );
  });

  it('leaves out show titles', () => {
    expect(quotes('The minister spoke on CBS’s “Morning Report” on Sunday about the budget.')).toEqual([]);
  });

  it('leaves out works named after a work noun, and nicknames', () => {
    expect(quotes('Her new documentary, “Where the rivers meet,” opens on Friday.')).toEqual([]);
    expect(quotes('Rep. Robert C. "Bobby" Scott spoke to the crowd in Newport News.')).toEqual([]);
  });

  it('keeps a short quotation that a speech verb attributes', () => {
    expect(pairs('Nora Finch called the proposal “reckless.”')).toEqual([['reckless.', 'Nora Finch']]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/nlp/analysis.ts';
import { parseTxt } from '../../../src/sources/txt.ts';

const FOUNDING = 'articles/2018-09-27-us-japan-trade-negotiations.txt';

const sentences = (text: string): string[] => analyze(text).sentences.map((s) => s.text);

describe('sentence splitting on news text', () => {
  it('splits the founding article into exactly its real sentences', () => {
    const article = parseTxt(FOUNDING, readFileSync(FOUNDING, 'utf8'));
    expect(sentences(article.body)).toEqual([
      'The United States and Japan agreed yesterday to start trade negotiations, U.S. President Donald Trump said.',
      '“I think it will be something very exciting,” Trump said at the outset of a meeting with Japanese Prime Minister Shinzo Abe in New York.',
      '“It can only be better for the United States…I think it’s going to be better, really, for both countries.”',
      'Trump, however, did not touch on details about the trade talks.',
      'Speaking at the meeting, part of which was open to the media, Trump said that his proposed second summit with the North Korean leader Kim Jong Un will come “very quickly.”',
      'Abe said he is aware that Toshimitsu Motegi, Japan’s economic revitalization minister, and U.S. Trade Representative Robert Lighthizer held great discussions yesterday.',
      '“Based on the results, I look forward to having constructive discussions on ways to further strengthen the Japanese and U.S. economies,” Abe told Trump.',
      'Abe said he would like to affirm robust coordination with Trump in dealing with North Korea.',
      'The two leaders met as analysts were watching whether they could reach agreement to make bilateral relations “reciprocal” as Trump has taken issue with Japan’s hefty trade surplus with the world’s largest economy.',
      'For Japan, securing an exemption from higher tariffs on imports of cars and auto parts is a priority due to its sweeping impact on the country’s manufacturing and the export-driven economy.',
      'Despite efforts to bridge gaps over trade policy, differences apparently remain, as Tokyo prefers multilateral frameworks such as the Trans-Pacific Partnership while Washington is seeking bilateral deals under Trump’s administration.',
      'Senior officials responsible for bilateral trade had tried to lay the groundwork for the summit on Tuesday and Motegi has expressed hope for a “good outcome.”',
      'Japanese officials are wary of the U.S. push for negotiating a bilateral free trade agreement and fear that Washington would demand more access to the auto and agriculture sectors.',
      'The meeting, held on the sidelines of the U.N. General Assembly, comes amid growing trade tensions between the United States and China.',
      'It is also aimed at enhancing coordination over the complete denuclearization of the Korean Peninsula.',
      'Following up on his unprecedented June summit with Kim in Singapore, Trump has said he wants to meet the North’s leader again “in the not so distant future.”',
      'Japan and the United States are expected to examine recent developments on the Korean Peninsula as Kim pledged during the inter-Korean summit last week to permanently dismantle his country’s major nuclear complex if the United States takes unspecified reciprocal actions.',
    ]);
  });

  it.each([
    [
      'abbreviated countries and bodies',
      'The U.S. and the U.N. met in Geneva. Talks went well.',
      ['The U.S. and the U.N. met in Geneva.', 'Talks went well.'],
    ],
    ['titles', 'Mr. Lee met Gen. Ortiz on Monday. They talked.', ['Mr. Lee met Gen. Ortiz on Monday.', 'They talked.']],
    [
      'initials',
      'Donald J. Trump spoke first. Then others spoke.',
      ['Donald J. Trump spoke first.', 'Then others spoke.'],
    ],
    [
      'decimals and money',
      'Growth hit 2.5% as sales rose to $1.13bn. Shares fell.',
      ['Growth hit 2.5% as sales rose to $1.13bn.', 'Shares fell.'],
    ],
    [
      'an amount with a unit letter before a full stop',
      'The deal was worth £350m. Britannia kept its name.',
      ['The deal was worth £350m.', 'Britannia kept its name.'],
    ],
    [
      'a mid-sentence ellipsis',
      'Prices rose… and then fell again. Traders shrugged.',
      ['Prices rose… and then fell again.', 'Traders shrugged.'],
    ],
    [
      'a quotation closing a sentence',
      '“It was very exciting,” Trump said. Markets rallied.',
      ['“It was very exciting,” Trump said.', 'Markets rallied.'],
    ],
    [
      'a quotation ending inside the marks',
      'She called it “a good outcome.” Others disagreed.',
      ['She called it “a good outcome.”', 'Others disagreed.'],
    ],
  ])('keeps %s intact', (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('never lets a sentence cross a paragraph break, and offsets index the text', () => {
    const text = 'First paragraph has no full stop\n\nSecond one does. And a third sentence.';
    const result = analyze(text);
    expect(result.sentences.map((s) => s.paragraph)).toEqual([0, 1, 1]);
    expect(analyze('It cost £3m. Then £4m. Done.').sentences.map((s) => s.index)).toEqual([0, 1, 2]);
    for (const s of result.sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.value);
    }
  });
});

import { readFileSync } from 'node:fs';
import type { Article } from '../../src/domain/types.ts';
import { parseTxt } from '../../src/sources/txt.ts';

/** The founding article plus a hostile one written for these tests. */
export function contractArticles(): Article[] {
  const founding = parseTxt(
    '2018-09-27-us-japan-trade-negotiations.txt',
    readFileSync('articles/2018-09-27-us-japan-trade-negotiations.txt', 'utf8'),
  );
  const hostile = parseTxt(
    'hostile.txt',
    [
      'Harbour tariffs @everyone <!channel> row',
      '',
      'March 3, 2025 – Port operators in Valdoria raised harbour tariffs on steel by 12% on Monday, the trade ministry said.',
      '',
      '“Tell @here and <!channel> and <@U12345> to read <https://evil.example|this link> now,” said Mira Okonkwo, the ministry spokeswoman.',
      '',
      'Shipping firms said the increase would add costs for importers.',
    ].join('\n'),
  );
  return [founding, hostile];
}

/** Live mentions or link markup a platform would act on (escaped or defanged forms don't match). */
export const LIVE_MARKUP: readonly RegExp[] = [
  /(?<![\w\u200b])@(everyone|here)\b(?!\u200b)/,
  /<[!@#][^\u200b]/,
  /<https?:[^>\u200b]*\|/,
];

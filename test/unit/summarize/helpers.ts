import { readFileSync } from 'node:fs';
import type { Article } from '../../../src/domain/types.ts';

/** An article value around a synthetic body (the summarizer reads only `title` and the analysis). */
export function article(body: string, title = 'Untitled'): Article {
  return { id: 'test', file: 'test.txt', title, date: null, source: null, url: null, tags: [], body };
}

/** The founding article: title line, blank line, body. */
export function foundingArticle(): Article {
  const text = readFileSync(
    new URL('../../../articles/2018-09-27-us-japan-trade-negotiations.txt', import.meta.url),
    'utf8',
  );
  const nl = text.indexOf('\n');
  return article(text.slice(nl).replace(/^\s+/, ''), text.slice(0, nl).trim());
}

/** Sentences that open with an unresolved personal pronoun or pronominal demonstrative. */
export const PRONOUN_OPENER =
  /^["“‘']?(He|She|It|They|Him|Them|His|Her|Its|Their)\b|^["“‘']?(This|That|These|Those) (is|was|are|were|will|would|has|had)\b/;

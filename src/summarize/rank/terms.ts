import type { Sentence, Token } from '../../nlp/analysis.ts';
import { porterStem } from './stem.ts';

/**
 * Content terms of a sentence: the bag of words the ranking compares sentences by.
 *
 * Contract: `sentenceTerms(sentence)` reads only the tokens `analyze()` produced (no re-tokenizing):
 * word, number, hashtag and mention tokens are lowercased, stripped of a possessive `'s` and
 * of characters other than letters and digits, stopwords are dropped, and words are Porter-stemmed
 * (see stem.ts). Pure and deterministic. `textTerms` does the same for free text such as a title,
 * with a plain Unicode letter/digit split instead of wink tokens (titles are short and this keeps
 * the summarizer from running a second wink pass).
 */

/** A small English stopword list: function words, auxiliaries and reporting filler. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'said says say told according mr mrs ms one two us s t don didn doesn isn wasn weren won wouldn shouldn ' +
    'couldn can cannot may might must shall yet since however still even much many well back like get got ' +
    'make made'
  ).split(' '),
);

const KEEP: ReadonlySet<string> = new Set(['word', 'number', 'hashtag', 'mention', 'other']);

const CACHE_LIMIT = 50_000;
const termCache = new Map<string, string>();

function computeTerm(lower: string): string {
  let w = lower;
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  if (!/^[a-z0-9]*$/.test(w)) w = w.replace(/[^\p{L}\p{N}]+/gu, '');
  if (w.length === 0 || STOPWORDS.has(w)) return '';
  if (w.length === 1 && !/\p{N}/u.test(w)) return '';
  return porterStem(w);
}

/** The normalised, stemmed form of one lowercase token, or '' when it carries no content (memoised). */
export function normalizeWord(lower: string): string {
  let t = termCache.get(lower);
  if (t === undefined) {
    t = computeTerm(lower);
    if (termCache.size >= CACHE_LIMIT) termCache.clear();
    termCache.set(lower, t);
  }
  return t;
}

/** Content terms of a token list (see the module comment). */
export function tokenTerms(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (!KEEP.has(t.kind)) continue;
    const w = normalizeWord(t.lower);
    if (w) out.push(w);
  }
  return out;
}

/** Content terms of one analysed sentence. */
export function sentenceTerms(sentence: Sentence): string[] {
  return tokenTerms(sentence.tokens);
}

/** Content terms of free text (a title): Unicode letter/digit runs, same normalisation. */
export function textTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const w = normalizeWord(m[0]);
    if (w) out.push(w);
  }
  return out;
}

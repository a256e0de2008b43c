import type { Quote } from '../domain/types.ts';

/**
 * Checks of model output against the article text: quotes must be exact substrings
 * (after normalizing whitespace and quotation marks), and a summary may state no number
 * and no capitalized name that the article does not contain.
 */

const DOUBLE = /[“”„‟«»″〝〞＂]/u;
const SINGLE = /[‘’‚‛′‹›`´]/u;

/** Whitespace runs → one space; curly/typographic quotation marks → `"` / `'`. */
function normChar(ch: string): string {
  if (DOUBLE.test(ch)) return '"';
  if (SINGLE.test(ch)) return "'";
  return ch;
}

export interface NormalizedText {
  readonly text: string;
  /** `map[i]` = index in the original of normalized char i; `map[text.length]` = original length. */
  readonly map: readonly number[];
}

export function normalize(original: string): NormalizedText {
  let text = '';
  const map: number[] = [];
  let i = 0;
  while (i < original.length) {
    const ch = original[i] as string;
    if (/\s/u.test(ch)) {
      const from = i;
      while (i < original.length && /\s/u.test(original[i] as string)) i++;
      text += ' ';
      map.push(from);
      continue;
    }
    const cp = original.codePointAt(i) as number;
    const full = String.fromCodePoint(cp);
    const out = full.length === 1 ? normChar(full) : full;
    for (let k = 0; k < out.length; k++) map.push(i);
    text += out;
    i += full.length;
  }
  map.push(original.length);
  return { text, map };
}

/** Quotation marks and spaces a model tends to wrap a quote in. */
function stripWrapping(quote: string): string {
  return quote.replace(/^[\s"'“”„‟«»‘’‚‛]+|[\s"'“”„‟«»‘’‚‛]+$/gu, '');
}

/** Offsets of `quote` in `body` (matched after normalization), or null when it is not there. */
export function locateQuote(
  body: NormalizedText,
  original: string,
  quote: string,
): { start: number; end: number } | null {
  const needle = normalize(stripWrapping(quote)).text.trim();
  if (needle.length === 0) return null;
  const at = body.text.indexOf(needle);
  if (at < 0) return null;
  const start = body.map[at] as number;
  const lastOrig = body.map[at + needle.length - 1] as number;
  // The last normalized char may stand for a surrogate pair: end after the whole code point.
  const end = lastOrig + String.fromCodePoint(original.codePointAt(lastOrig) as number).length;
  return { start, end };
}

export interface ModelQuote {
  readonly text: string;
  readonly speaker: string | null;
}

export interface QuoteCheck {
  readonly kept: Quote[];
  /** Quotes that are not in the article (or repeat a kept one's span). */
  readonly dropped: number;
  /** Speakers set to null because the article never names them. */
  readonly speakersDropped: number;
}

/** Keep only quotes found in `body`, with exact offsets (`text === body.slice(start, end)`), in the model's order (score: its rank). */
export function verifyQuotes(body: string, quotes: readonly ModelQuote[]): QuoteCheck {
  const norm = normalize(body);
  const lowerBody = norm.text.toLowerCase();
  const kept: Quote[] = [];
  let dropped = 0;
  let speakersDropped = 0;
  for (const q of quotes) {
    const at = locateQuote(norm, body, q.text);
    if (!at || kept.some((k) => k.start === at.start && k.end === at.end)) {
      dropped++;
      continue;
    }
    let speaker = q.speaker?.trim() || null;
    if (speaker !== null && !lowerBody.includes(normalize(speaker).text.toLowerCase())) {
      speaker = null;
      speakersDropped++;
    }
    kept.push({
      text: body.slice(at.start, at.end),
      speaker,
      start: at.start,
      end: at.end,
      score: quotes.length - kept.length,
    });
  }
  return { kept, dropped, speakersDropped };
}

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];

/** Digit groups as canonical numbers: "1,200" and "1200" agree, "1.50" and "1.5" agree. */
function numbersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?/gu)) {
    const raw = m[0].replace(/,(?=\d{3}\b)/gu, '').replace(/,+$/u, '');
    const n = Number(raw.replace(/,/gu, ''));
    out.push(Number.isFinite(n) ? String(n) : raw);
  }
  return out;
}

/** Sentence starters and other capitalized words that are not names even when the article lacks them. */
const COMMON = new Set(
  `a an the this that these those it its in on at for with after before however meanwhile according but and as while despite
  since although though also overall both each some many most other others there their they he she his her we our us you
  if when where which who what why how not no yes so then thus still yet by from to of into over under about
  i new several separately earlier later finally first second third`.split(/\s+/u),
);

function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w.length > 0);
}

export interface FactCheck {
  /** Numbers stated in the text and absent from the reference. */
  readonly numbers: string[];
  /** Capitalized words (names) absent from the reference, compared case-insensitively. */
  readonly names: string[];
}

/** What `text` states that `reference` does not contain: numbers and capitalized names. */
export function unsupportedFacts(text: string, reference: string): FactCheck {
  const refNumbers = new Set(numbersIn(reference));
  const refLower = reference.toLowerCase();
  const refWords = new Set(wordsOf(refLower));
  for (const [i, w] of NUMBER_WORDS.entries()) if (refWords.has(w)) refNumbers.add(String(i));
  const numbers = [...new Set(numbersIn(text).filter((n) => !refNumbers.has(n)))];
  const names = new Set<string>();
  for (const token of text.split(/[\s/—–]+/u)) {
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/['’]s$/u, '');
    if (!/^\p{Lu}/u.test(word)) continue;
    const lower = word.toLowerCase();
    if (COMMON.has(lower) || refWords.has(lower)) continue;
    // Hyphenated or possessive compounds are fine when every part is in the article.
    const parts = wordsOf(lower);
    if (parts.length > 1 && parts.every((p) => refWords.has(p))) continue;
    names.add(word);
  }
  return { numbers, names: [...names] };
}

/** A summary or answer that would ping or link anything (the article may ask for it; the model must not echo it). */
export function hasMention(text: string): boolean {
  return /[@＠](?:everyone|here|channel|all|online)\b|<[!@#]/iu.test(text);
}

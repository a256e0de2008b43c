/**
 * What tells one news event from another, read from an article's title and lead (the first
 * ~600 characters of its body, where news writing puts who, what, where and how much):
 * named entities (capitalised words that do not start a sentence, and acronyms), numbers
 * (amounts, percentages; bare years and one-digit counts say little), and stemmed content terms.
 */
import type { Article } from '../domain/types.ts';
import { STOPWORDS, textTerms } from '../summarize/rank/terms.ts';

export interface StoryFeatures {
  readonly id: string;
  /** Milliseconds since the epoch, or null when undated. */
  readonly time: number | null;
  readonly entities: ReadonlySet<string>;
  readonly numbers: ReadonlySet<string>;
  /** Term → count over title (counted twice: it names the event) and lead. */
  readonly terms: ReadonlyMap<string, number>;
  /** Content terms in the lead alone: with too few, a title is all there is and one event cannot be told from another. */
  readonly leadTerms: number;
}

export const LEAD_CHARS = 600;
/** Bounds what reaches the regular expressions below, whatever the article's length. */
const MAX_SCAN = 2000;

function entitiesOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(^|[.!?]\s+|["“(]\s*)?(\b\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)/gu)) {
    const sentenceStart = m[1] !== undefined;
    const words = (m[2] ?? '').split(/\s+/);
    // A capitalised first word of a sentence is only a name when more capitalised words follow it.
    const kept = sentenceStart && words.length === 1 ? [] : words;
    for (const w of kept) {
      const lower = w.toLowerCase().replace(/['’]s$/, '');
      if (lower.length < 2 || STOPWORDS.has(lower)) continue;
      out.add(lower);
    }
  }
  return out;
}

function numbersOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?\s*(%|percent|per cent|bn|billion|m\b|million|tonnes|tons)?/giu)) {
    const value = (m[0].match(/\d[\d,]*(?:\.\d+)?/)?.[0] ?? '').replace(/,/g, '');
    const unit = (m[1] ?? '')
      .toLowerCase()
      .replace(/^per ?cent$/, '%')
      .replace(/^billion$/, 'bn')
      .replace(/^million$/, 'm');
    if (unit === '' && (/^(19|20)\d\d$/.test(value) || /^\d$/.test(value))) continue;
    out.add(`${value}${unit}`);
  }
  return out;
}

export function storyFeatures(a: Article): StoryFeatures {
  const lead = a.body.slice(0, LEAD_CHARS);
  const text = `${a.title}. ${lead}`.slice(0, MAX_SCAN);
  const terms = new Map<string, number>();
  const leadTerms = textTerms(lead);
  for (const t of [...textTerms(a.title), ...textTerms(a.title), ...leadTerms]) terms.set(t, (terms.get(t) ?? 0) + 1);
  const t = a.date === null ? NaN : Date.parse(a.date);
  return {
    id: a.id,
    time: Number.isNaN(t) ? null : t,
    entities: entitiesOf(text),
    numbers: numbersOf(text),
    terms,
    leadTerms: leadTerms.length,
  };
}

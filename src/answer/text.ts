import stem from 'wink-porter2-stemmer';
import lemmatize from 'wink-lemmatizer';
import type { Token } from '../nlp/analysis.ts';

/**
 * Term normalisation shared by the index and the queries: lowercase, possessives and
 * apostrophes dropped, Porter2 stems, plus the stems of irregular lemmas
 * (`lost` → `lose`, `rose` → `rise`, `men` → `man`) so either form matches.
 */

/** Function words, auxiliaries and question words: never terms. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor so yet if then else than as of at by for from in into onto on off out over under up down to with without within ' +
    'about above across after against along amid among around before behind below beneath beside besides between beyond during except inside near ' +
    'since through throughout till toward towards until upon via per ' +
    'i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself ' +
    'they them their theirs themselves this that these those who whom whose which what whatever whoever whichever when where why how ' +
    'am is are was were be been being have has had having do does did doing done will would shall should can could may might must ought ' +
    "'s 's s t d ll m re ve n't not no yes also just only very too quite rather really there here such own same other another each every " +
    'all any both either neither few many much more most less least some several enough again ever even still already now ' +
    'one ones get gets got getting go goes going went gone let lets like well way ways thing things whether while though although because ' +
    'exactly actually roughly approximately about alone own'
  ).split(/\s+/),
);

/** Small number words → their value, so `three million` can meet `3 million`. */
const NUMBER_WORDS: Readonly<Record<string, string>> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  ninety: '90',
  hundred: '100',
  first: '1',
  second: '2',
  third: '3',
  fourth: '4',
  fifth: '5',
  sixth: '6',
  seventh: '7',
  eighth: '8',
  ninth: '9',
  tenth: '10',
};

export const MONTHS: ReadonlySet<string> = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/** Lowercase word without possessive and edge apostrophes/quotes/hyphens. */
export function cleanWord(lower: string): string {
  return lower
    .replace(/[’‘`]/g, "'")
    .replace(/'s$/, '')
    .replace(/^[-'".]+|[-'".]+$/g, '');
}

/** A number token's canonical form: `13,000` → `13000`, `1.50` → `1.5`; other shapes as they are. */
export function canonicalNumber(value: string): string {
  const plain = value.replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(plain)) return String(Number(plain));
  return plain.toLowerCase();
}

const termCache = new Map<string, readonly string[]>();

/** Index terms of one (clean, lowercase) word: its stem first, then stems of other lemmas. */
export function wordTerms(word: string): readonly string[] {
  const hit = termCache.get(word);
  if (hit) return hit;
  let out: string[];
  if (word.length === 0 || STOPWORDS.has(word) || !/[a-z0-9]/.test(word)) out = [];
  else if (NUMBER_WORDS[word] !== undefined) out = [stem(word), NUMBER_WORDS[word] as string];
  else if (/^[\d.,/:-]+$/.test(word)) out = [canonicalNumber(word)];
  else {
    const set = new Set<string>([stem(word)]);
    if (/^[a-z]+$/.test(word) && word.length > 2) {
      for (const l of [lemmatize.verb(word), lemmatize.noun(word), lemmatize.adjective(word)]) {
        if (l && l !== word && !STOPWORDS.has(l)) set.add(stem(l));
      }
    }
    out = [...set];
  }
  if (termCache.size > 200_000) termCache.clear();
  termCache.set(word, out);
  return out;
}

/** Drops the word → terms cache (after indexing a large archive, so it does not stay on the heap). */
export function clearTermCache(): void {
  termCache.clear();
}

/** Base forms of a word for dictionary look-ups: the word and its noun/verb/adjective lemmas. */
export function lemmas(word: string): string[] {
  const set = new Set<string>([word]);
  if (/^[a-z]+$/.test(word))
    for (const l of [lemmatize.verb(word), lemmatize.noun(word), lemmatize.adjective(word)]) if (l) set.add(l);
  return [...set];
}

/** Terms of a token, or none for punctuation, symbols and stopwords. */
export function tokenTerms(t: Token): readonly string[] {
  if (t.kind === 'number' || t.kind === 'ordinal') return [canonicalNumber(t.value.replace(/(st|nd|rd|th)$/i, ''))];
  if (t.kind !== 'word' && t.kind !== 'hashtag' && t.kind !== 'other') return [];
  const w = cleanWord(t.lower);
  // `US`, `IT`, `WHO`: an all-capitals token is a name, never a stopword
  if (/^\p{Lu}{2,}$/u.test(cleanWord(t.value)) && STOPWORDS.has(w)) return [w];
  if (w.includes('-') && !/^\d/.test(w)) {
    // hyphenated compounds: both parts and the whole (`year-earlier`, `long-haul`)
    const parts = w.split('-').filter(Boolean);
    const set = new Set<string>();
    for (const p of parts) for (const x of wordTerms(p)) set.add(x);
    return [...set];
  }
  return wordTerms(w);
}

export { stem };

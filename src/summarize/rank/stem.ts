/**
 * The Porter stemming algorithm (M. F. Porter, "An algorithm for suffix stripping",
 * Program 14(3), 1980, pp. 130–137), written from the published description.
 *
 * Contract: `porterStem(word)` takes one lowercase word and returns its stem; it is pure,
 * deterministic and never throws. Words of 2 letters or fewer, and words containing anything
 * but a–z, are returned unchanged (numbers, accented words and symbols keep their surface form).
 * Results are memoised in a bounded cache, so repeated words cost one Map lookup.
 */

const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/** Porter stem of a lowercase word (see the module comment). */
export function porterStem(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const out = word.length <= 2 || !/^[a-z]+$/.test(word) ? word : stem(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, out);
  return out;
}

/** True when w[i] is a consonant in Porter's sense ('y' after a consonant is a vowel). */
function isCons(w: string, i: number): boolean {
  const c = w.charCodeAt(i);
  // a e i o u
  if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117) return false;
  if (c === 121) return i === 0 ? true : !isCons(w, i - 1);
  return true;
}

/** m: the number of VC sequences in w[0, end). */
function measure(w: string, end: number): number {
  let n = 0;
  let i = 0;
  while (i < end && isCons(w, i)) i++;
  while (i < end) {
    while (i < end && !isCons(w, i)) i++;
    if (i >= end) break;
    n++;
    while (i < end && isCons(w, i)) i++;
  }
  return n;
}

function hasVowel(w: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (!isCons(w, i)) return true;
  return false;
}

/** *d: ends in a double consonant. */
function doubleCons(w: string, end: number): boolean {
  return end >= 2 && w[end - 1] === w[end - 2] && isCons(w, end - 1);
}

/** *o: ends cvc, where the final c is not w, x or y. */
function cvc(w: string, end: number): boolean {
  if (end < 3 || !isCons(w, end - 1) || isCons(w, end - 2) || !isCons(w, end - 3)) return false;
  const c = w[end - 1];
  return c !== 'w' && c !== 'x' && c !== 'y';
}

/** Replace `suffix` by `by` when the stem before it has measure > `minM`; undefined when `suffix` does not end w. */
function replaceIf(w: string, suffix: string, by: string, minM: number): string | undefined {
  if (!w.endsWith(suffix)) return undefined;
  const base = w.length - suffix.length;
  return measure(w, base) > minM ? w.slice(0, base) + by : w;
}

const STEP2: readonly (readonly [string, string])[] = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'],
  ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'],
  ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'],
  ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
];
const STEP3: readonly (readonly [string, string])[] = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
];
const STEP4 = [
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion',
  'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
];

function stem(word: string): string {
  let w = word;
  // Step 1a: plurals.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('ss')) { /* keep */ }
  else if (w.endsWith('s')) w = w.slice(0, -1);

  // Step 1b: -eed, -ed, -ing.
  if (w.endsWith('eed')) {
    if (measure(w, w.length - 3) > 0) w = w.slice(0, -1);
  } else {
    let cut = -1;
    if (w.endsWith('ed') && hasVowel(w, w.length - 2)) cut = w.length - 2;
    else if (w.endsWith('ing') && hasVowel(w, w.length - 3)) cut = w.length - 3;
    if (cut >= 0) {
      w = w.slice(0, cut);
      if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
      else if (doubleCons(w, w.length) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
      else if (measure(w, w.length) === 1 && cvc(w, w.length)) w += 'e';
    }
  }

  // Step 1c: y -> i after a vowel in the stem.
  if (w.endsWith('y') && hasVowel(w, w.length - 1)) w = `${w.slice(0, -1)}i`;

  // Step 2: double suffixes, m > 0.
  for (const [suf, by] of STEP2) {
    const r = replaceIf(w, suf, by, 0);
    if (r !== undefined) { w = r; break; }
  }
  // Step 3: -ic-, -full, -ness etc., m > 0.
  for (const [suf, by] of STEP3) {
    const r = replaceIf(w, suf, by, 0);
    if (r !== undefined) { w = r; break; }
  }
  // Step 4: drop a suffix when m > 1 (longest match first is implied by the list order per ending).
  for (const suf of STEP4) {
    if (!w.endsWith(suf)) continue;
    const base = w.length - suf.length;
    if (suf === 'ion') {
      const prev = w[base - 1];
      if ((prev === 's' || prev === 't') && measure(w, base) > 1) w = w.slice(0, base);
    } else if (measure(w, base) > 1) {
      w = w.slice(0, base);
    }
    break;
  }
  // Step 5a: final e.
  if (w.endsWith('e')) {
    const m = measure(w, w.length - 1);
    if (m > 1 || (m === 1 && !cvc(w, w.length - 1))) w = w.slice(0, -1);
  }
  // Step 5b: -ll -> -l when m > 1.
  if (w.endsWith('ll') && measure(w, w.length) > 1) w = w.slice(0, -1);
  return w;
}

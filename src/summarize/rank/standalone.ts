import type { Sentence, Token } from '../../nlp/analysis.ts';
import {
  PRONOUNS,
  DEMONSTRATIVES,
  PRONOMINAL_NEXT,
  CONNECTIVES,
  OPENING_QUOTES,
  CLOSING_QUOTES,
  SENTENCE_OPENERS,
  ABBREVIATIONS,
  FURNITURE_CUES,
} from './standalone-words.ts';

/**
 * Can a sentence be read on its own, out of its article? Summary sentences are shown without
 * their neighbours, so sentences that lean on context read badly: an opening pronoun or
 * demonstrative whose referent is in the previous sentence (the "dangling anaphora" problem of
 * extracts; C. D. Paice, "Constructing literature abstracts by computer", IP&M 26(1), 1990;
 * A. Nenkova & K. McKeown, "Automatic summarization", FnTIR 5(2–3), 2011, §4), a bare quotation,
 * a fragment, or page furniture such as a byline, a photo caption, a prompt addressed to the page's
 * reader ("Scroll down for…", "Click here to…") or a support-line notice.
 *
 * Contract: `readability(sentence)` looks only at the sentence's own text and tokens and returns
 * flags; `standaloneFactor(flags)` turns them into a multiplier in (0, 1] for the sentence's
 * importance (1 = fine). Pure and deterministic. The factors demote, they never forbid, so a short
 * article still yields its N sentences. One token pass does the work; the few regular expressions
 * run only when a cheap test on the tokens says they might match.
 */

export interface Readability {
  /** Opens with a personal pronoun or a pronominal demonstrative (He, She, It, They, This is...). */
  readonly pronounOpener: boolean;
  /** Opens with a discourse connective that points back (But, And, However, Also...). */
  readonly connectiveOpener: boolean;
  /** Made of a quotation: at least `QUOTED_SHARE` of its words inside quotation marks. */
  readonly quotation: boolean;
  /** Fewer than `MIN_WORDS` words. */
  readonly fragment: boolean;
  /** More than `MAX_WORDS` words: too long to read as one summary line, and usually text run together. */
  readonly overlong: boolean;
  /** Byline, time stamp, photo caption or page prompt. */
  readonly furniture: boolean;
  /**
   * Two sentences run together: a photo caption glued to the text ("...on Friday He said..."), or a
   * full stop the sentence splitter missed ("...for £350m. Britannia will...").
   */
  readonly runOn: boolean;
  /** Number of word and number tokens. */
  readonly words: number;
}

export const MIN_WORDS = 6;
export const MAX_WORDS = 50;
export const QUOTED_SHARE = 0.85;

const SPEECH =
  /\b(said|says|say|added|adds|told|tells|reads|read|wrote|writes|explained|explains|asked|asks|stated|states|insisted|insists|warned|warns|claimed|claims|declared|announced|replied|continued|concluded|according)\b/i;

const isWord = (t: Token): boolean => t.kind === 'word' || t.kind === 'number';
const startsLower = (s: string): boolean => {
  const c = s.charCodeAt(0);
  return c >= 97 && c <= 122;
};

/**
 * A prompt that addresses the reader of a web page rather than telling the story: a navigation verb
 * with an on-page target ("Scroll down for video", "Click here to…", "Tap the gallery below",
 * "Sign up for…", "Subscribe to…").
 */
const PAGE_PROMPT =
  /\b(?:(?:scroll|swipe)\s+(?:down|up|left|right|through)|(?:click|tap)\s+(?:here|on|the|below|above|to)|sign\s+up\s+(?:for|to|here)|subscribe\s+(?:to|here|now))\b/i;
/** A support-line notice appended to a story ("For confidential support call…", "…contact the helpline on…"). */
const HELPLINE =
  /\bfor\s+(?:\w+\s+){0,2}(?:support|help|advice)\b[^.]{0,40}\b(?:call|contact|visit|ring|text)\b|\bhelpline\b/i;

/** Page furniture: bylines, time stamps, prompts and "Label: caption" photo captions. */
function isFurniture(text: string): boolean {
  if (
    /^(by|published|updated|last updated|posted|click|follow|pictured|photo|image|picture|video|watch|read more|see also|related)\b\s*[:.|]/i.test(
      text,
    )
  )
    return true;
  if (/^By\s+[A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){0,3}\s*(\.|$|,|\|)/.test(text)) return true;
  if (PAGE_PROMPT.test(text) || HELPLINE.test(text)) return true;
  // "Strictly business: Julia covers ..." — a 1–4 word capitalised label and a colon, not "He said: ...".
  const m = /^([A-Z][\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,3}):\s+\S/u.exec(text);
  return m !== null && !SPEECH.test(m[1] as string);
}

/**
 * A full stop inside the sentence followed by a capitalised word ("...for £350m. Britannia will..."):
 * the splitter missed a boundary. Abbreviations ("Mr.", "St."), initials and dotted acronyms
 * ("U.S.") are not boundaries.
 */
function hasInternalBoundary(text: string): boolean {
  if (!text.includes('. ')) return false;
  for (const m of text.matchAll(/(\S+)\. ["“‘']?\p{Lu}\p{Ll}/gu)) {
    const word = (m[1] as string).replace(/^[("“‘']+/u, '');
    if (word.includes('.') || /^\p{L}$/u.test(word)) continue;
    if (ABBREVIATIONS.has(word.toLowerCase())) continue;
    if (/[\p{Ll}\d%)]$/u.test(word)) return true;
  }
  return false;
}

/** Flags that say whether a sentence stands on its own (see the module comment). */
export function readability(sentence: Sentence): Readability {
  const tokens = sentence.tokens;
  let words = 0;
  let quoted = 0;
  let inside = false;
  let firstWord = -1;
  let runOn = false;
  let furnitureCue = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (isWord(t)) {
      words++;
      if (inside) quoted++;
      if (firstWord < 0) firstWord = k;
      // "...of the club He has impressed...": a sentence opener glued between lowercase words.
      if (!runOn && k > 0 && k + 1 < tokens.length && SENTENCE_OPENERS.has(t.value)) {
        const prev = tokens[k - 1] as Token;
        const next = tokens[k + 1] as Token;
        const last = prev.value.charAt(prev.value.length - 1);
        runOn =
          prev.end < t.start &&
          isWord(next) &&
          startsLower(next.value) &&
          (/[\p{Ll}\d%)]/u.test(last) || CLOSING_QUOTES.has(prev.value) || prev.value === ',');
      }
    } else if (t.value === '"') {
      inside = !inside;
    } else if (t.value === "'") {
      // A straight apostrophe opens when glued to the next token only ('Hello) and closes when glued
      // to the previous one (word'); "Mercedes' brands" outside a quotation opens nothing.
      const prevGlued = k > 0 && (tokens[k - 1] as Token).end === t.start;
      const nextGlued = k + 1 < tokens.length && (tokens[k + 1] as Token).start === t.end;
      if (!inside && nextGlued && !prevGlued) inside = true;
      else if (inside && prevGlued) inside = false;
    } else if (OPENING_QUOTES.has(t.value)) {
      inside = true;
    } else if (CLOSING_QUOTES.has(t.value)) {
      inside = false;
    }
    if (!furnitureCue && FURNITURE_CUES.has(t.lower)) furnitureCue = true;
  }
  const text = sentence.text;
  if (!runOn && text.indexOf('. ') >= 0) runOn = hasInternalBoundary(text);
  const first = firstWord >= 0 ? (tokens[firstWord] as Token).lower : '';
  const next = firstWord >= 0 ? (tokens[firstWord + 1]?.lower ?? '') : '';
  return {
    pronounOpener: PRONOUNS.has(first) || (DEMONSTRATIVES.has(first) && PRONOMINAL_NEXT.has(next)),
    connectiveOpener: CONNECTIVES.has(first),
    quotation: words > 0 && quoted / words >= QUOTED_SHARE,
    fragment: words < MIN_WORDS,
    overlong: words > MAX_WORDS,
    furniture: furnitureCue && isFurniture(text),
    runOn,
    words,
  };
}

export interface StandalonePenalties {
  readonly pronounOpener: number;
  readonly connectiveOpener: number;
  readonly quotation: number;
  readonly fragment: number;
  readonly overlong: number;
  readonly furniture: number;
  readonly runOn: number;
}

/**
 * Multipliers applied to a sentence's importance for each flag (1 = no penalty). The two opener
 * penalties were set on the extractive-reference development set alone (grid pronoun 0.3–0.8 ×
 * connective 0.5–1.0 on ROUGE), taking the strongest demotion that does not lose ROUGE there, and
 * checked on the abstractive-reference set (it gains slightly there too). They stay below 1: ROUGE
 * does not see a dangling "He" or "But", a reader does (Zhang, Wan & Bansal, "Extractive is not
 * faithful", ACL 2023, find these the commonest faults of extracts).
 */
export const DEFAULT_PENALTIES: StandalonePenalties = {
  pronounOpener: 0.7,
  connectiveOpener: 0.9,
  quotation: 0.5,
  fragment: 0.2,
  overlong: 0.3,
  furniture: 0.1,
  runOn: 0.3,
};

/** The product of the penalties of the flags a sentence raises, in (0, 1]. */
export function standaloneFactor(r: Readability, p: StandalonePenalties = DEFAULT_PENALTIES): number {
  let f = 1;
  if (r.pronounOpener) f *= p.pronounOpener;
  if (r.connectiveOpener) f *= p.connectiveOpener;
  if (r.quotation) f *= p.quotation;
  if (r.fragment) f *= p.fragment;
  if (r.overlong) f *= p.overlong;
  if (r.furniture) f *= p.furniture;
  if (r.runOn) f *= p.runOn;
  return f;
}

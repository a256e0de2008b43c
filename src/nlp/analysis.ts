import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The sentence and token layer over wink-nlp (wink-eng-lite-web-model).
 * Only sentence-boundary detection runs in the pipe: POS/NER cost ~2x and the
 * summarizer, quote finder and answerer only need sentences, tokens and token types.
 * Paragraphs (blocks separated by a blank line) are split first, so no sentence
 * ever crosses a paragraph break.
 */

export type TokenKind =
  | 'word'
  | 'number'
  | 'punctuation'
  | 'symbol'
  | 'currency'
  | 'ordinal'
  | 'url'
  | 'email'
  | 'mention'
  | 'hashtag'
  | 'emoji'
  | 'emoticon'
  | 'time'
  | 'quoted_phrase'
  | 'other';

export interface Token {
  /** Exactly `body.slice(start, end)`. */
  readonly value: string;
  readonly lower: string;
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
}

export interface Sentence {
  /** Exactly `body.slice(start, end)`: no leading or trailing whitespace. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** 0-based index of the paragraph the sentence is in. */
  readonly paragraph: number;
  /** 0-based index of the sentence in the whole text. */
  readonly index: number;
  /** Tokens without whitespace tokens. */
  readonly tokens: readonly Token[];
}

export interface Paragraph {
  readonly start: number;
  readonly end: number;
}

export interface AnalyzedText {
  readonly body: string;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
}

const nlp = winkNLP(model, ['sbd']);
const its = nlp.its;

const KINDS: ReadonlySet<string> = new Set<TokenKind>([
  'word',
  'number',
  'punctuation',
  'symbol',
  'currency',
  'ordinal',
  'url',
  'email',
  'mention',
  'hashtag',
  'emoji',
  'emoticon',
  'time',
  'quoted_phrase',
]);

/** Blocks of text separated by one or more blank lines, trimmed; empty blocks dropped. */
export function paragraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n[ \t\r\f\v]*\n\s*/g;
  let from = 0;
  const push = (a: number, b: number): void => {
    while (a < b && /\s/.test(body[a] as string)) a++;
    while (b > a && /\s/.test(body[b - 1] as string)) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, body.length);
  return out;
}

/**
 * Input bounds: wink-nlp's token patterns (abbreviation, e-mail) and the Porter2 stemmer's
 * suffix patterns are superlinear in the length of one whitespace-free run, so one
 * 200,000-character "word" stalls them for minutes. wink only ever sees a bounded copy:
 * a run longer than MAX_RUN gets a space inserted every MAX_RUN characters, and a run of one
 * repeated non-letter character (`&&&&…`, `!!!!…`) keeps its first MAX_REPEAT characters, the
 * rest blanked. Tokens are mapped back to the original offsets, so every token and sentence
 * stays an exact substring of the body; the inserted spaces are never inside a token.
 */
export const MAX_RUN = 200;
const MAX_REPEAT = 8;

interface Bounded {
  readonly text: string;
  /** Sorted positions in `text` of the inserted spaces. */
  readonly inserted: readonly number[];
}

export function boundRuns(text: string): Bounded {
  const repeat = new RegExp(`([^\\p{L}\\p{N}\\s])\\1{${MAX_REPEAT},}`, 'gu');
  let blanked = text;
  if (repeat.test(text)) {
    repeat.lastIndex = 0;
    blanked = text.replace(repeat, (m, c: string) => {
      const keep = c.length * MAX_REPEAT;
      return m.slice(0, keep) + ' '.repeat(m.length - keep);
    });
  }
  const inserted: number[] = [];
  const long = new RegExp(`\\S{${MAX_RUN + 1},}`, 'g');
  if (!long.test(blanked)) return { text: blanked, inserted };
  long.lastIndex = 0;
  let out = '';
  let from = 0;
  for (let m = long.exec(blanked); m !== null; m = long.exec(blanked)) {
    out += blanked.slice(from, m.index);
    for (let i = 0; i < m[0].length; i += MAX_RUN) {
      if (i > 0) {
        inserted.push(out.length);
        out += ' ';
      }
      // Never cut a surrogate pair: a lone half would not be an exact character of the body.
      let end = Math.min(i + MAX_RUN, m[0].length);
      const code = m[0].charCodeAt(end - 1);
      if (end < m[0].length && code >= 0xd800 && code <= 0xdbff) end++;
      out += m[0].slice(i, end);
      if (end !== Math.min(i + MAX_RUN, m[0].length)) i++;
    }
    from = m.index + m[0].length;
  }
  out += blanked.slice(from);
  return { text: out, inserted };
}

/** Split one paragraph into sentences with token offsets into `body`. */
function sentencesOf(body: string, para: Paragraph, paragraphIndex: number, firstIndex: number): Sentence[] {
  const original = body.slice(para.start, para.end);
  const { text, inserted } = boundRuns(original);
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out() as string[];
  const types = doc.tokens().out(its.type) as string[];
  // Token start offsets in `text`: wink keeps every character, so an indexOf from a
  // moving cursor recovers them exactly; a token not found (never seen) is skipped.
  // Offsets are found in the bounded copy, then shifted back over the inserted spaces; a
  // token whose text is not exactly the original's at that place is dropped.
  const starts: number[] = new Array(values.length);
  let cursor = 0;
  let shift = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string;
    const at = text.indexOf(v, cursor);
    if (at < 0) {
      starts[i] = -1;
      continue;
    }
    cursor = at + v.length;
    while (shift < inserted.length && (inserted[shift] as number) < at) shift++;
    const orig = at - shift;
    starts[i] = original.startsWith(v, orig) ? orig : -1;
  }
  const out: Sentence[] = [];
  doc.sentences().each((s: ItemSentence) => {
    const span = s.out(its.span) as unknown as [number, number];
    const tokens: Token[] = [];
    for (let i = span[0]; i <= span[1]; i++) {
      const kind = types[i] as string;
      const at = starts[i] as number;
      const value = values[i] as string;
      // wink can emit an empty token (e.g. inside `minister..with`); it carries no text.
      if (kind === 'tabCRLF' || at < 0 || value === '') continue;
      tokens.push({
        value,
        lower: value.toLowerCase(),
        kind: (KINDS.has(kind) ? kind : 'other') as TokenKind,
        start: para.start + at,
        end: para.start + at + value.length,
      });
    }
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (!first || !last) return;
    out.push({
      text: body.slice(first.start, last.end),
      start: first.start,
      end: last.end,
      paragraph: paragraphIndex,
      index: firstIndex + out.length,
      tokens,
    });
  });
  return out;
}

/**
 * wink reads a unit letter after an amount as an abbreviation (`£350m.`, `20p.`), so the
 * sentence boundary after it is missed. Split after such a token when the amount is glued
 * to it and the next token starts with a capital letter.
 */
function isUnitStop(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return (
    prev !== undefined &&
    next !== undefined &&
    /^[a-z]{1,3}\.$/i.test(t.value) &&
    prev.kind === 'number' &&
    prev.end === t.start &&
    next.start > t.end &&
    /^\p{Lu}/u.test(next.value)
  );
}

function splitUnitStops(body: string, s: Sentence): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  const push = (to: number): void => {
    const tokens = s.tokens.slice(from, to);
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (first && last)
      out.push({ ...s, text: body.slice(first.start, last.end), start: first.start, end: last.end, tokens });
  };
  for (let i = 1; i < s.tokens.length - 1; i++) {
    if (isUnitStop(s.tokens, i)) {
      push(i + 1);
      from = i + 1;
    }
  }
  if (from === 0) return [s];
  push(s.tokens.length);
  return out;
}

/** Sentences and tokens of a plain-text body; never throws on any string. */
export function analyze(body: string): AnalyzedText {
  const paras = paragraphs(body);
  const sentences: Sentence[] = [];
  paras.forEach((p, i) => {
    for (const raw of sentencesOf(body, p, i, sentences.length)) {
      // Indices are right as built unless a unit stop split an earlier sentence; copy only then.
      for (const s of splitUnitStops(body, raw))
        sentences.push(s.index === sentences.length ? s : { ...s, index: sentences.length });
    }
  });
  return { body, paragraphs: paras, sentences };
}

/** Word-like tokens (words, numbers, money, ...) of any text, lowercased; for queries and titles. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const s of analyze(text).sentences) for (const t of s.tokens) out.push(t);
  return out;
}

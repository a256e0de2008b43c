import type { Quote } from '../domain/types.ts';
import type { AnalyzedText, Token } from '../nlp/analysis.ts';
import { bodyAntecedent, fullerMention } from './antecedents.ts';
import { cueOf, cueOfSentenceBefore, transcriptCue, windowBefore } from './attribute.ts';
import { clauseSubject, sentenceStart, sentenceSubject, speakerEarlierInSentence, type Cue } from './cues.ts';
import { buildContext, type QuoteContext } from './context.ts';
import {
  isAttributeValue,
  isMisPaired,
  isParenthetical,
  isTitleCase,
  isTranscriptLine,
  isWorkTitle,
  wordCount,
} from './filter.ts';
import { ROLE_WORDS } from './lexicon.ts';
import { quoteSpans } from './marks.ts';
import { scoreQuote } from './rank.ts';
import { Names } from './speakers.ts';

/**
 * Every direct quotation of an article, attributed to its speaker, in text order.
 * Quotations come from the marks (marks.ts); a speaker comes from the quotation's
 * own sentence (attribute.ts), else from the quotation it continues (interrupted
 * or multi-paragraph), else from the sentence before a quotation that stands
 * alone. Short quoted phrases with no speech verb around them are scare quotes or
 * titles and are left out. Never throws.
 */
export function findQuotes(analysis: AnalyzedText): Quote[] {
  try {
    return findQuotesStrict(analysis);
  } catch {
    return [];
  }
}

/** `findQuotes` without the safety net: lets an internal error through (for tests). */
export function findQuotesStrict(analysis: AnalyzedText): Quote[] {
  return find(analysis);
}

const GENDERED = new Set(['he', 'she']);

/** Up to this many words, a quotation needs an attribution in its own sentence. */
const SHORT = 3;

type Source = 'direct' | 'inherited' | 'weak' | 'none';

interface Draft {
  readonly q: number;
  speaker: string | null;
  source: Source;
  /** An attribution (a speech verb) stands in the quotation's own sentence, or it continues an attributed one. */
  attributed: boolean;
}

function find(analysis: AnalyzedText): Quote[] {
  const spans = quoteSpans(analysis.body);
  if (spans.length === 0) return [];
  const ctx = buildContext(analysis, spans);
  const { quotes, body } = ctx;
  const names = new Names(ctx);

  const cues: (Cue | null)[] = quotes.map((_, q) => transcriptCue(ctx, q) ?? cueOf(ctx, q));
  for (const c of cues) if (c?.kind === 'name') names.markSpeaker(c.start, c.end);
  const speakerOf = (c: Cue | null): string | null => {
    if (!c) return null;
    if (c.kind === 'name') {
      names.markSpeaker(c.start, c.end);
      return names.fullName(c.start, c.end);
    }
    if (c.kind === 'pronoun') {
      const early = speakerEarlierInSentence(ctx, c.tok);
      if (early && (early.kind === 'name' ? names.fits(early.start, early.end, c.lower) : !GENDERED.has(c.lower)))
        return speakerOf(early);
      if (GENDERED.has(c.lower)) return names.resolvePronoun(c.tok, c.lower);
      return speakerOf(sentenceSubject(ctx, c.tok) ?? bodyAntecedent(ctx, c.tok, c.lower));
    }
    if (c.kind === 'np') {
      // `the mayor said`: the person introduced as "Mayor …", if any.
      const head = ctx.toks[c.end - 1] as Token;
      const det = (ctx.toks[c.start] as Token).lower;
      const role =
        c.end - c.start <= 3 && det === 'the' && ROLE_WORDS.has(head.lower)
          ? names.resolveRole(c.start, head.lower)
          : null;
      return (
        role ??
        fullerMention(ctx, c.start, c.end) ??
        body.slice((ctx.toks[c.start] as Token).start, head.end).replace(/\s+/g, ' ')
      );
    }
    return null;
  };

  const drafts: Draft[] = [];
  for (let q = 0; q < quotes.length; q++) {
    const cue = cues[q] ?? null;
    const d: Draft = { q, speaker: speakerOf(cue), source: cue ? 'direct' : 'none', attributed: cue !== null };
    const prev = drafts[q - 1];
    if (cue?.kind === 'prev' && prev) take(d, prev, true);
    else if (!cue || cue.kind === 'prev') inherit(ctx, drafts, d, speakerOf);
    drafts.push(d);
  }
  backfill(ctx, drafts);

  const out: Quote[] = [];
  for (const d of drafts) {
    const span = quotes[d.q];
    if (!span || !keep(ctx, d)) continue;
    const text = body.slice(span.start, span.end);
    const speaker = d.speaker === null || d.speaker.trim() === '' ? null : d.speaker;
    out.push({
      text,
      speaker,
      start: span.start,
      end: span.end,
      score: scoreQuote(text, speaker, span.start, body.length),
    });
  }
  return out;
}

/** Does quotation `q` continue quotation `p`, left open at the end of the line before? */
function continues(ctx: QuoteContext, p: number, q: number): boolean {
  const a = ctx.quotes[p];
  const b = ctx.quotes[q];
  if (!a?.runsOn || !b) return false;
  for (let i = a.close; i < b.open; i++) {
    const c = ctx.body.charCodeAt(i);
    if (c !== 0x0a && c !== 0x20 && c !== 0x0d && c !== 0x09) return false;
  }
  return true;
}

/** Speaker of a quotation with no cue of its own, from what it continues. */
function inherit(
  ctx: QuoteContext,
  drafts: readonly Draft[],
  d: Draft,
  speakerOf: (c: Cue | null) => string | null,
): void {
  const { sent, para, openTok, afterTok } = ctx;
  const q = d.q;
  const o = openTok[q] as number;
  const prev = drafts[q - 1];
  const [lo, hi] = windowBefore(ctx, q);
  const startsSentence = hi === lo;
  if (prev) {
    const pLast = (afterTok[prev.q] as number) - 1;
    if (continues(ctx, prev.q, q)) {
      take(d, prev, prev.attributed);
      return;
    }
    // Another quoted phrase of the same sentence: `called him a “…” and “…”`.
    if (sent[pLast] === sent[o] && para[pLast] === para[o]) {
      take(d, prev, prev.attributed);
      return;
    }
    // `“…,” he said. “…”`: the next sentence of an interrupted quotation.
    if (
      startsSentence &&
      para[pLast] === para[o] &&
      prev.speaker !== null &&
      (sent[pLast] as number) >= (sent[o] as number) - 1
    ) {
      take(d, prev, true);
      return;
    }
  }
  if (!startsSentence) {
    // A quoted phrase with no speech verb: the subject of its clause, weakly.
    const subj = clauseSubject(ctx, lo, hi);
    if (subj) {
      d.speaker = speakerOf(subj);
      d.source = 'weak';
    }
    return;
  }
  // A quotation standing alone: the speaker of the sentence before it.
  const cue = cueOfSentenceBefore(ctx, o);
  if (cue) {
    d.speaker = speakerOf(cue);
    d.source = 'inherited';
    d.attributed = true;
    return;
  }
  if (prev && prev.speaker !== null && (para[o] as number) - (para[(afterTok[prev.q] as number) - 1] as number) <= 1) {
    take(d, prev, para[(afterTok[prev.q] as number) - 1] === para[o]);
    return;
  }
  // No speech verb before it: the named subject of the sentence before, weakly.
  const before =
    o > 0 && (para[o] as number) - (para[o - 1] as number) <= 1
      ? clauseSubject(ctx, sentenceStart(ctx, o - 1), o)
      : null;
  if (before?.kind === 'name') {
    d.speaker = speakerOf(before);
    d.source = 'weak';
  }
}

function take(d: Draft, from: Draft, attributed: boolean): void {
  d.speaker = from.speaker;
  d.source = 'inherited';
  d.attributed = attributed;
}

/** A multi-paragraph quotation shares the speaker named in any of its parts. */
function backfill(ctx: QuoteContext, drafts: Draft[]): void {
  for (let i = drafts.length - 1; i > 0; i--) {
    const d = drafts[i] as Draft;
    const prev = drafts[i - 1] as Draft;
    if (!continues(ctx, prev.q, d.q)) continue;
    if (prev.source !== 'direct' && d.speaker !== null && (prev.speaker === null || d.source === 'direct')) {
      prev.speaker = d.speaker;
      prev.source = 'inherited';
      prev.attributed = prev.attributed || d.attributed;
    }
  }
}

/** Scare quotes, titles, transcript lines and markup are not quotations. */
function keep(ctx: QuoteContext, d: Draft): boolean {
  const span = ctx.quotes[d.q];
  if (!span) return false;
  const text = ctx.body.slice(span.start, span.end);
  if (isAttributeValue(ctx.body, span.open) || isTranscriptLine(text) || isParenthetical(text)) return false;
  if (isMisPaired(ctx.body, span.open, span.start, span.close, span.closeEnd)) return false;
  const words = wordCount(text);
  if (words <= SHORT && !d.attributed) return false;
  if (words > 8) return true;
  if (isWorkTitle(ctx.body, span.open, span.start, span.end, span.closeEnd)) return false;
  return d.attributed || words > 6 || !isTitleCase(text);
}

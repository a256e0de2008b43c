import type { AnswerSource, Attribution, Turn } from './types.ts';

/**
 * Follow-ups read against the thread before any retrieval:
 * - `Who said that?` → the speaker, by the quote finder's attribution, of the quote in the
 *   previous answer's sentence;
 * - `Who is he?` → `Who is <that speaker>?`;
 * - `What did he say about X?` → the pronoun replaced by the person the thread is about
 *   (that speaker, else the last name the thread's questions used);
 * - `And Japan?` / `What about China?` → the previous question with the new focus in place
 *   of its name (or added to it when it names none).
 * Anything else is asked as it is. Inputs are bounded before any pattern sees them.
 */

export type FollowUp =
  | { readonly kind: 'speaker'; readonly speaker: string; readonly source: AnswerSource }
  | { readonly kind: 'rewrite'; readonly question: string };

const WHO_SAID = /^(and )?(so )?who (said|says|told|wrote|claimed|stated|added|meant) (that|this|it|so|those words)\b/i;
const WHO_IS = /^(and )?who('s| is| was) (he|she|him|her|that|this person|that person)\s*\??$/i;
const SAY_PRONOUN =
  /\b(did|does|do|has|have|will|would) (he|she|they) (say|said|think|tell|claim|argue|add|mean|want)\b/i;
const FOCUS = /^(and|but|what about|how about|and what about|what of)\s+(.{1,80}?)\s*\??$/i;
const PRONOUN_SPEAKER = /^(he|she|they|it|we|i|you|this|that|who)$/i;
/** A run of capitalised words not opening the text: a name in a question. */
const NAME_RUN = /(?<=\S\s+)(?:\p{Lu}[\p{L}.'’-]*)(?:\s+\p{Lu}[\p{L}.'’-]*)*/gu;
const OPENERS = new Set([
  'Who',
  'What',
  'When',
  'Where',
  'Why',
  'How',
  'Which',
  'Did',
  'Does',
  'Do',
  'Is',
  'Are',
  'Was',
  'Were',
  'Has',
  'Have',
  'Can',
  'Will',
  'I',
]);

/** The speaker of a quote overlapping the previous answer's first source. */
function previousSpeaker(
  history: readonly Turn[],
  attributions?: (articleId: string) => readonly Attribution[],
): { speaker: string; source: AnswerSource } | undefined {
  const src = history[history.length - 1]?.answer.sources[0];
  if (!src || !attributions) return undefined;
  let best: { speaker: string; overlap: number } | undefined;
  for (const a of attributions(src.articleId)) {
    if (!a.speaker || PRONOUN_SPEAKER.test(a.speaker.trim())) continue;
    const overlap = Math.min(a.end, src.end) - Math.max(a.start, src.start);
    if (overlap > 0 && (!best || overlap > best.overlap)) best = { speaker: a.speaker, overlap };
  }
  return best && { speaker: best.speaker, source: src };
}

function names(question: string): { text: string; index: number }[] {
  return [...question.matchAll(NAME_RUN)]
    .map((m) => ({ text: m[0], index: m.index }))
    .filter((n) => !OPENERS.has(n.text));
}

/** The last name the thread's questions used, newest first. */
function threadPerson(history: readonly Turn[]): string | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const n = names((history[i] as Turn).question.slice(0, 300));
    if (n.length) return (n[n.length - 1] as { text: string }).text;
  }
  return undefined;
}

export function resolveFollowUp(
  question: string,
  history: readonly Turn[],
  attributions?: (articleId: string) => readonly Attribution[],
): FollowUp | undefined {
  if (history.length === 0 || question.length > 300) return undefined;
  const q = question.trim();
  if (WHO_SAID.test(q)) {
    const s = previousSpeaker(history, attributions);
    return s && { kind: 'speaker', ...s };
  }
  if (WHO_IS.test(q)) {
    const s = previousSpeaker(history, attributions);
    return s && { kind: 'rewrite', question: `Who is ${s.speaker}?` };
  }
  const say = SAY_PRONOUN.exec(q);
  if (say) {
    const person = previousSpeaker(history, attributions)?.speaker ?? threadPerson(history);
    if (person)
      return {
        kind: 'rewrite',
        question: q.replace(SAY_PRONOUN, (_m, aux: string, _p: string, verb: string) => `${aux} ${person} ${verb}`),
      };
    return undefined;
  }
  const focus = FOCUS.exec(q);
  const prev = history[history.length - 1]?.question.trim().slice(0, 300);
  if (focus && prev) {
    const topic = (focus[2] as string).trim();
    const own = names(prev);
    const base = prev.replace(/\s*\?+\s*$/, '');
    if (own.length && /^\p{Lu}/u.test(topic)) {
      const n = own[0] as { text: string; index: number };
      return { kind: 'rewrite', question: `${base.slice(0, n.index)}${topic}${base.slice(n.index + n.text.length)}?` };
    }
    return {
      kind: 'rewrite',
      question: `${base} ${/^(in|for|at|on|from|about|with|to|by) /i.test(topic) ? '' : 'about '}${topic}?`,
    };
  }
  return undefined;
}

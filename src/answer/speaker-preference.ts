import type { ParsedQuestion } from './query.ts';
import type { Attribution } from './types.ts';

/**
 * A question naming a person and asking what was said (`What did Trump say about X?`)
 * prefers that person's statements: among the best few candidates, the first one the
 * person is credited with (by the quote finder's attribution when given, else by the
 * sentence naming them just before a speech verb) moves to the front, provided it covers the
 * rest of the question nearly as well (`coverage`, 0..1) as the first one.
 */

/** Candidates looked at: a statement ranked far lower is not what was asked. */
const WINDOW = 5;
/** Coverage the moved statement may lack against the first candidate. */
const SLACK = 0.1;
const SAY_QUESTION =
  /\b(say|said|says|think|thinks|tell|told|claim|claimed|argue|argued|warn|warned|want|wants|promise|promised)\b/i;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Placed {
  readonly articleId: string;
  readonly sentence: string;
  readonly start: number;
  readonly end: number;
}

export function preferSpeaker<T>(
  q: ParsedQuestion,
  ranked: readonly T[],
  place: (r: T) => Placed,
  coverage: (r: T) => number,
  attributions?: (articleId: string) => readonly Attribution[],
): readonly T[] {
  if (!SAY_QUESTION.test(q.text.slice(0, 300))) return ranked;
  const names = q.concepts
    .filter((c) => c.own && c.kind === 'name')
    .map((c) => c.text.toLowerCase())
    .filter((n) => n.length >= 2);
  if (!names.length) return ranked;
  const verb = new RegExp(
    `\\b(${names.map(escapeRegExp).join('|')})\\b(?:,[^,]{1,60},)?\\s+(?:(?:has|had|also|then|later|again)\\s+)?(?:said|says|told|tells|added|argued|warned|wants|wanted|claimed|promised)\\b`,
    'i',
  );
  for (let i = 1; i < Math.min(WINDOW, ranked.length); i++) {
    if (coverage(ranked[i] as T) < coverage(ranked[0] as T) - SLACK) continue;
    const p = place(ranked[i] as T);
    const quoted = attributions?.(p.articleId).some(
      (a) =>
        a.speaker !== null &&
        a.start < p.end &&
        p.start < a.end &&
        names.some((n) => (a.speaker as string).toLowerCase().includes(n)),
    );
    if (quoted || verb.test(p.sentence)) {
      const first = place(ranked[0] as T);
      const firstOk =
        attributions?.(first.articleId).some(
          (a) =>
            a.speaker !== null &&
            a.start < first.end &&
            first.start < a.end &&
            names.some((n) => (a.speaker as string).toLowerCase().includes(n)),
        ) || verb.test(first.sentence);
      if (firstOk) return ranked;
      return [ranked[i] as T, ...ranked.slice(0, i), ...ranked.slice(i + 1)];
    }
  }
  return ranked;
}

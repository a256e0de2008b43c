import type { Token } from '../nlp/analysis.ts';

/**
 * Who someone is: the names a sentence describes by a role (`Toshimitsu Motegi, Japan's
 * economic revitalization minister,` / `Trade Representative Robert Lighthizer` / `Jane
 * Doe is the chief executive of Acme`), and the questions that ask for it (`Who is
 * Motegi?`, `What is Motegi's job?`).
 */

/** Nouns that say what job or position someone holds. */
const ROLE_NOUNS = new Set([
  'minister',
  'president',
  'premier',
  'chancellor',
  'secretary',
  'representative',
  'governor',
  'chairman',
  'chairwoman',
  'chair',
  'chairperson',
  'director',
  'executive',
  'chief',
  'ceo',
  'cfo',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'leader',
  'founder',
  'cofounder',
  'head',
  'mayor',
  'senator',
  'congressman',
  'congresswoman',
  'lawmaker',
  'mp',
  'ambassador',
  'envoy',
  'negotiator',
  'official',
  'commissioner',
  'adviser',
  'advisor',
  'economist',
  'analyst',
  'professor',
  'manager',
  'boss',
  'owner',
  'editor',
  'deputy',
  'treasurer',
  'officer',
  'king',
  'queen',
  'judge',
  'lawyer',
  'attorney',
  'diplomat',
  'strategist',
  'candidate',
  'coach',
  'captain',
]);
/** What may follow the role noun heading a description: its end, or a preposition (`head of`, `spokesman for`). */
const AFTER_ROLE = new Set(['of', 'for', 'at', 'to', 'in', 'on', 'with', 'from', 'and', '&']);
const COPULAS = new Set(['is', 'was', 'becomes', 'became', 'remains', 'remained']);
/** A description after a copula opens like a noun phrase (`is the minister`, not `is expected to meet the president`). */
const NP_OPENERS = new Set(['a', 'an', 'the', 'former', 'now', 'also', 'currently', 'still']);
const SEGMENT_END = new Set([',', '.', ';', ':', '(', ')', '—', '–', '!', '?']);
/** Longest description looked at. */
const MAX_SEGMENT = 10;

function isRole(t: Token | undefined): boolean {
  if (t?.kind !== 'word') return false;
  return t.lower.split('-').some((p) => ROLE_NOUNS.has(p));
}

function isCap(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && /^\p{Lu}/u.test(t.value) && t.value !== 'I';
}

/**
 * Does the segment of tokens from `from` (up to the next comma or the sentence's end) hold a
 * role noun heading a phrase: followed by the segment's end, a preposition or another role noun?
 */
function describesRole(tokens: readonly Token[], from: number): boolean {
  for (let i = from; i < tokens.length && i < from + MAX_SEGMENT; i++) {
    const t = tokens[i] as Token;
    if (SEGMENT_END.has(t.value)) return false;
    if (!isRole(t)) continue;
    const next = tokens[i + 1];
    if (next === undefined || SEGMENT_END.has(next.value) || AFTER_ROLE.has(next.lower) || isRole(next)) return true;
  }
  return false;
}

/** Is the name run [from, to) described by what follows it: an appositive, or a copula and a noun phrase? */
function roleAfter(tokens: readonly Token[], to: number): boolean {
  const next = tokens[to];
  if (next === undefined) return false;
  if (next.value === ',') {
    let k = to + 1;
    if (tokens[k]?.lower === 'who' && COPULAS.has(tokens[k + 1]?.lower ?? '')) k += 2;
    return describesRole(tokens, k);
  }
  if (COPULAS.has(next.lower)) {
    const after = tokens[to + 1];
    return after !== undefined && (NP_OPENERS.has(after.lower) || isCap(after)) && describesRole(tokens, to + 1);
  }
  return false;
}

/**
 * Token indices of the names a sentence describes by a role: a capitalised run preceded by a
 * role noun (`minister Toshimitsu Motegi`, `minister, Toshimitsu Motegi`) or ending in a title
 * and then the name (`U.S. Trade Representative Robert Lighthizer`: the tokens after the
 * title), or followed by an appositive or `is` + a noun phrase headed by a role noun.
 */
export function describedNames(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  let i = 0;
  while (i < tokens.length) {
    if (!isCap(tokens[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < tokens.length && isCap(tokens[j])) j++;
    // the name: after the last title of the run (`Prime Minister Shinzo Abe`)
    let start = i;
    for (let k = i; k < j; k++) if (isRole(tokens[k])) start = k + 1;
    const before = tokens[i - 1]?.value === ',' ? tokens[i - 2] : tokens[i - 1];
    const described =
      (start > i && start < j) || (start === i && isRole(before)) || (start < j && roleAfter(tokens, j));
    if (described) for (let k = start; k < j; k++) out.add(k);
    i = j;
  }
  return out;
}

const NAME_WORD = String.raw`\p{Lu}[\p{L}.'-]*`;
const NAME = String.raw`(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?${NAME_WORD}(?:\s+${NAME_WORD}){0,3}`;
const IDENTITY = [
  new RegExp(String.raw`^who(?:'s|\s+is|\s+was|\s+are|\s+were)\s+${NAME}\s*[?.!]*$`, 'u'),
  /^what(?:'s|\s+is|\s+was)\s+.{1,60}?'s\s+(?:job|role|position|title|post|occupation|profession)\b/iu,
  new RegExp(
    String.raw`^what\s+(?:job|role|position|post|title)\s+(?:does|did|do)\s+${NAME}\s+(?:have|hold|play)\b`,
    'u',
  ),
  new RegExp(String.raw`^what\s+(?:does|did)\s+${NAME}\s+do(?:\s+for\s+a\s+living)?\s*[?.!]*$`, 'u'),
];

/** A question asking who someone is or what their job is (`Who is Motegi?`, `Who's Jane Doe?`, `What is Motegi's role?`). */
export function isIdentityQuestion(question: string): boolean {
  const q = question.trim().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
  const lead = q.charAt(0).toLowerCase() + q.slice(1);
  return IDENTITY.some((re) => re.test(lead));
}

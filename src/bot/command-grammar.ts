/**
 * The `/trade-news` grammar, shared by every adapter:
 *   (empty)            → the latest digest
 *   search <terms>     → matching articles, best first
 *   help               → help text
 *   <question>         → an answer
 * Anything that is not one of these gets help with a short reason — never an exception.
 */
export type Command =
  | { readonly kind: 'latest' }
  | { readonly kind: 'search'; readonly terms: string }
  | { readonly kind: 'ask'; readonly question: string }
  | { readonly kind: 'help'; readonly problem?: string };

export const COMMAND_NAME = '/trade-news';

export const HELP_TEXT = [
  `${COMMAND_NAME} — the trade-news digest`,
  `  ${COMMAND_NAME}                  the latest digest`,
  `  ${COMMAND_NAME} search <terms>   find articles, best first (e.g. search tariffs)`,
  `  ${COMMAND_NAME} <question>       ask about the articles (e.g. What did Abe say?)`,
  `  ${COMMAND_NAME} help             this help`,
  'Reply in a digest’s thread to ask follow-up questions — no mention needed.',
].join('\n');

const MAX_INPUT = 500;

/**
 * The length cap every chat input obeys (commands, mentions, thread replies alike), checked
 * before any parsing or analysis: the problem to show, or null when the text is short enough.
 */
export function tooLong(text: string): string | null {
  const length = text.replace(/\s+/g, ' ').trim().length;
  return length > MAX_INPUT ? `That is too long (${length} characters; at most ${MAX_INPUT}).` : null;
}

export function parseCommand(raw: string): Command {
  const text = raw.replace(/\s+/g, ' ').trim().replace(new RegExp(`^${COMMAND_NAME}\\b\\s*`, 'i'), '');
  if (text === '') return { kind: 'latest' };
  const long = tooLong(text);
  if (long !== null) return { kind: 'help', problem: long };
  const [head = '', ...rest] = text.split(' ');
  const word = head.toLowerCase();
  if (word === 'help' || word === '-h' || word === '--help' || word === '?') return { kind: 'help' };
  if (word === 'latest' || word === 'digest') {
    return rest.length === 0 ? { kind: 'latest' } : { kind: 'ask', question: text };
  }
  if (word === 'search' || word === 'find') {
    const terms = rest.join(' ').trim();
    if (!/[\p{L}\p{N}]/u.test(terms)) return { kind: 'help', problem: 'Search needs at least one word, e.g. `search tariffs`.' };
    return { kind: 'search', terms };
  }
  const letters = (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
  if (letters < 2) return { kind: 'help', problem: 'I did not understand that.' };
  return { kind: 'ask', question: text };
}

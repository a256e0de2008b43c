import { nearestName } from '../nlp/near-miss.ts';
import lemmatize from 'wink-lemmatizer';
import { isLemma } from '../answer/wordnet.ts';

/**
 * The `/trade-news` grammar, shared by every adapter:
 *   (empty)            → the latest digest
 *   search <terms>     → matching articles, best first
 *   post               → post the digest into this channel now, with its thread
 *   help               → help text
 *   <question>         → an answer
 * Anything that is not one of these gets help with a short reason — never an exception;
 * a mistyped subcommand (`serch tariffs`) gets "did you mean", not an answer.
 */
export type Command =
  | { readonly kind: 'latest' }
  | { readonly kind: 'search'; readonly terms: string }
  | { readonly kind: 'post' }
  | { readonly kind: 'ask'; readonly question: string }
  | { readonly kind: 'help'; readonly problem?: string }
  /** Not a question nor a command (e.g. `exit` in a chat): a one-line hint, no answer. */
  | { readonly kind: 'hint'; readonly text: string };

export const COMMAND_NAME = '/trade-news';

export const HELP_TEXT = [
  `${COMMAND_NAME} — the trade-news digest`,
  `  ${COMMAND_NAME}                  the latest digest (only you see it)`,
  `  ${COMMAND_NAME} post             post the digest in this channel now, with a thread for questions`,
  `  ${COMMAND_NAME} search <terms>   find articles, best first (e.g. search tariffs)`,
  `  ${COMMAND_NAME} <question>       ask about the articles (e.g. What did Abe say?)`,
  `  ${COMMAND_NAME} help             this help`,
  'Reply in a digest’s thread to ask follow-up questions — no mention needed.',
].join('\n');

/** The console's help: no prefix needed, and the thread is the terminal session itself. */
export const CONSOLE_HELP_TEXT = [
  'Trade-news digest — type a command or a question:',
  '  <question>        ask about the digest above (e.g. What did Abe say?); follow-ups use what came before',
  '  search <terms>    find articles, best first (e.g. search tariffs)',
  '  latest            show the digest again',
  '  post              post a fresh digest; your questions then follow it',
  '  help              this help',
  '  exit, quit        end the session (or Ctrl-D); Ctrl-L clears the screen',
  `Commands also work with the ${COMMAND_NAME} prefix, as in Slack and Discord.`,
].join('\n');

/** Help for a platform: the console's own wording, the chat wording everywhere else. */
export function helpText(platform: string): string {
  return platform === 'console' ? CONSOLE_HELP_TEXT : HELP_TEXT;
}

/** Words that end a terminal session; in a chat they get `LEAVE_HINT`. */
export const LEAVE_WORDS: ReadonlySet<string> = new Set(['exit', 'quit', 'bye', ':q', 'logout']);
export const LEAVE_HINT =
  'Nothing to end here — I answer whenever you write. Ask a question about the articles, or try `/trade-news help`.';

const SUBCOMMAND_WORDS = ['search', 'latest', 'digest', 'help', 'post', 'find'];

/** `serch` → `search`: a word near a subcommand that is not itself an English word. */
function mistypedSubcommand(word: string): string | undefined {
  if (word.length < 3 || word.length > 12 || !/^[a-z]+$/.test(word)) return undefined;
  const near = nearestName(word, SUBCOMMAND_WORDS);
  const english = isLemma(word) || isLemma(lemmatize.noun(word)) || isLemma(lemmatize.verb(word));
  if (near === undefined || english) return undefined;
  return near === 'find' ? 'search' : near === 'digest' ? 'latest' : near;
}

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
  const text = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(new RegExp(`^${COMMAND_NAME}\\b\\s*`, 'i'), '');
  if (text === '') return { kind: 'latest' };
  const long = tooLong(text);
  if (long !== null) return { kind: 'help', problem: long };
  const [head = '', ...rest] = text.split(' ');
  const word = head.toLowerCase();
  if (word === 'help' || word === '-h' || word === '--help' || word === '?') return { kind: 'help' };
  if (rest.length === 0 && LEAVE_WORDS.has(word)) return { kind: 'hint', text: LEAVE_HINT };
  if (word === 'post')
    return rest.length === 0
      ? { kind: 'post' }
      : { kind: 'help', problem: '`post` takes nothing after it: `/trade-news post`.' };
  if (word === 'latest' || word === 'digest') {
    return rest.length === 0 ? { kind: 'latest' } : { kind: 'ask', question: text };
  }
  if (word === 'search' || word === 'find') {
    const terms = rest.join(' ').trim();
    if (!/[\p{L}\p{N}]/u.test(terms))
      return { kind: 'help', problem: 'Search needs at least one word, e.g. `search tariffs`.' };
    return { kind: 'search', terms };
  }
  const typo = !text.includes('?') && rest.length <= 6 ? mistypedSubcommand(word) : undefined;
  if (typo !== undefined) {
    const suggestion = [COMMAND_NAME, typo, ...(typo === 'search' ? rest : [])].join(' ');
    return { kind: 'help', problem: `Unknown command \`${head}\` — did you mean \`${suggestion}\`?` };
  }
  const letters = (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
  if (letters < 2) return { kind: 'help', problem: 'I did not understand that.' };
  return { kind: 'ask', question: text };
}

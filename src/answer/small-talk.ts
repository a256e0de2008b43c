/**
 * Messages in a thread that are not questions about the articles: greetings, thanks,
 * farewells and console words (`exit`, `quit`, `clear`), and single stray words. They get a
 * one-line hint instead of an answer from the articles, since any sentence retrieved for
 * them would be a confident non sequitur. Input is bounded before any pattern sees it.
 */

export type SmallTalk = 'greeting' | 'thanks' | 'farewell' | 'command' | 'stray';

const GREETING =
  /^(hi|hello|hey|hiya|howdy|yo|good (morning|afternoon|evening|day)|greetings)( there| all| everyone| bot)?$/;
const THANKS =
  /^(thanks?( you)?( very much| a lot| so much)?|thank you|thx|ty|cheers|many thanks|great|cool|nice|ok|okay|got it|perfect|awesome)( thanks?| thank you)?$/;
const FAREWELL = /^(bye|goodbye|good bye|see you|see ya|later|good night|farewell)$/;
const COMMAND = /^\/?(exit|quit|clear|reset|stop|cancel|help|q)$/;
/** Words that can open a one-word question (`Why?`, `When?`), answered from the thread. */
const QUESTION_WORDS = new Set([
  'who',
  'what',
  'when',
  'where',
  'why',
  'how',
  'which',
  'whose',
  'whom',
  'really',
  'source',
  'sources',
]);

/** What kind of non-question the text is, or null when it should be answered. */
export function smallTalk(text: string): SmallTalk | null {
  const t = text
    .slice(0, 200)
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}' /]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (t.length === 0) return 'stray';
  if (COMMAND.test(t)) return 'command';
  if (GREETING.test(t)) return 'greeting';
  if (THANKS.test(t)) return 'thanks';
  if (FAREWELL.test(t)) return 'farewell';
  const words = t.split(' ');
  if (words.length === 1 && !text.includes('?') && !QUESTION_WORDS.has(t)) return 'stray';
  return null;
}

/** The one-line hint for a non-question. */
export function smallTalkHint(kind: SmallTalk): string {
  switch (kind) {
    case 'greeting':
      return 'Hello! Ask me a question about the articles, for example "What did they agree on?"';
    case 'thanks':
      return "You're welcome. Ask another question about the articles any time.";
    case 'farewell':
      return 'Bye! Ask a question about the articles whenever you like.';
    case 'command':
      return 'That is not a question about the articles: ask one in a full sentence, or use the help command for what I can do.';
    case 'stray':
      return 'Ask me a question about the articles in a few words, for example "What did they agree on?"';
  }
}

/**
 * The word lists behind the answer types: which words make a sentence hold money, a date, a
 * place, a reason, speech, ... and the bit flags they set. General English vocabulary, not drawn
 * from any one article or question set.
 */
/** A set of words written as one whitespace-separated list (compact to read and to diff). */
function wordSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter((w) => w.length > 0));
}

export const F_NUMBER = 1;
export const F_MONEY = 2;
export const F_PERCENT = 4;
export const F_DATE = 8;
export const F_NAME = 16;
export const F_PLACE = 32;
export const F_REASON = 64;
export const F_SAY = 128;
export const F_DURATION = 256;
export const F_QUOTE = 512;
/** Opens with a pronoun or `the move`-like phrase: continues the sentence before. */
export const F_ANAPHOR = 1024;
/** The currency named (symbol or word): a question naming a currency wants an amount in it. */
export const F_USD = 2048;
export const F_GBP = 4096;
export const F_EUR = 8192;
export const F_JPY = 16384;
/** Names people or bodies by a common noun (`trade unions`, `analysts`). */
export const F_AGENT = 32768;
export const CURRENCY: Readonly<Record<string, number>> = {
  $: F_USD,
  dollar: F_USD,
  dollars: F_USD,
  '£': F_GBP,
  pound: F_GBP,
  pounds: F_GBP,
  sterling: F_GBP,
  '€': F_EUR,
  euro: F_EUR,
  euros: F_EUR,
  '¥': F_JPY,
  yen: F_JPY,
};

/** Currency flags of the currencies a text names. */
export function currencyFlags(words: readonly string[]): number {
  let f = 0;
  for (const w of words) f |= CURRENCY[w] ?? 0;
  return f;
}

export const ANAPHORS = wordSet(`
  this that these those it its he his she her they their such
`);
export const ANAPHOR_NOUNS = wordSet(`
  move decision step change changes plan plans deal figure figures fee firm company group report
`);
export const OPENERS = new Set(['but', 'and', 'however', 'so', 'yet', 'still', ',', '"', '“', "'", '‘']);

export const MONEY_WORDS = wordSet(`
  dollar dollars pound pounds euro euros yen cents pence p francs rupees yuan lira sterling
`);
export const SCALE = wordSet(`
  bn billion billions m mn million millions trillion trillions k thousand thousands hundred hundreds
  dozen dozens
`);
export const NUMBER_WORDS = wordSet(`
  one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
  sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion dozen
  dozens half quarter third twice double triple first second fourth fifth majority minority most
`);
export const PERCENT_WORDS = new Set(['percent', 'percentage', 'per', 'proportion', 'fraction']);
export const DATE_WORDS = wordSet(`
  monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow tonight weekend
  decade century spring summer autumn winter ago midnight christmas easter soon shortly
`);
export const DURATION_WORDS = wordSet(`
  seconds minutes hours days weeks months years decades day week month year decade long several few
`);
export const PLACE_PREPS = new Set(['in', 'at', 'near', 'inside', 'outside', 'from', 'across', 'throughout']);
export const PLACE_NOUNS = wordSet(`
  city town village capital country region province street building warehouse headquarters centre
  center airport port district county factory abroad overseas nationwide locally
`);
/** Nouns for the people or bodies who do things: a `who` question can be answered by them (`trade unions`). */
export const AGENT_NOUNS = wordSet(`
  union unions supporters members donors voters investors shareholders workers employers companies
  firms businesses banks government ministers officials analysts economists campaigners activists
  critics protesters residents consumers customers businessman businesswoman millionaire police
  prosecutors judge regulators lawyers executives managers founder owner owners spokesman spokeswoman
  chairman minister
`);
export const REASON_WORDS = wordSet(`
  because due blame blamed blames blaming cause caused causes causing owing thanks result resulted
  reflect reflects reflected amid after since so reason reasons led lead leads helped driven fuelled
  fueled hit hurt boosted attributed why therefore hence means meant order aim aimed way only fear
  fears concern concerns claims following response pressure factor factors prompted triggered sparked
  behind explained explains
`);
export const SAY_WORDS = wordSet(`
  said says say told tell added argued argues warned warns stated claimed claims insisted believes
  believe thinks suggested suggests announced urged called objected complained criticised criticized
  accused according admitted explained described pointed noted asked predicted forecast
`);

import { describe, expect, it } from 'vitest';
import { displayQuote, quoteCore, startsMidSentence } from '../../../src/digest/quote-display.ts';

/** Undo the display's mark substitutions, so the shown words can be compared with the article text. */
const plain = (shown: string): string =>
  shown
    .slice(1, -1)
    .replace(/^…/, '')
    .replace(/[‘’]/g, (c) => (c === '’' ? "'" : "'"));

describe('displayQuote', () => {
  it('wraps every quote in typographic marks and drops the comma that joined it to its attribution', () => {
    expect(displayQuote('I think it will be something very exciting,')).toBe(
      '“I think it will be something very exciting”',
    );
    expect(displayQuote('We will keep talking; ')).toBe('“We will keep talking”');
  });

  it('drops a closing full stop but keeps ?, !, an ellipsis and abbreviations', () => {
    expect(displayQuote('We will not back down.')).toBe('“We will not back down”');
    expect(displayQuote('Is this fair?')).toBe('“Is this fair?”');
    expect(displayQuote('We will see...')).toBe('“We will see...”');
    expect(displayQuote('The plant will stay in the U.S.')).toBe('“The plant will stay in the U.S.”');
  });

  it('marks a fragment that starts mid-sentence with an ellipsis, never a bare lowercase start', () => {
    expect(startsMidSentence('a very good outcome')).toBe(true);
    expect(startsMidSentence('We agreed')).toBe(false);
    expect(displayQuote('a very good outcome.')).toBe('“…a very good outcome”');
    expect(displayQuote('reciprocal')).toBe('“…reciprocal”');
    for (const q of ['a fair deal for farmers.', 'tariffs, frankly, are taxes,', '"maybe" next week']) {
      const shown = displayQuote(q);
      expect(shown.charAt(1), shown).toBe('…');
    }
  });

  it('turns inner quotation marks and apostrophes into their curly forms', () => {
    expect(displayQuote('Is this "fair"? It isn\'t.')).toBe('“Is this ‘fair’? It isn’t”');
    expect(displayQuote('They called it “a steal” at the time')).toBe('“They called it ‘a steal’ at the time”');
  });

  it('shows words that are still the article text, up to the mark substitutions', () => {
    const article =
      'The minister said the accord was "a fair deal for farmers, and for the ports." Talks resume in May.';
    const start = article.indexOf('a fair');
    const text = article.slice(start, article.indexOf('."') + 1);
    const shown = displayQuote(text);
    expect(shown).toBe('“…a fair deal for farmers, and for the ports”');
    expect(text.startsWith(quoteCore(text))).toBe(true);
    expect(article.includes(plain(shown))).toBe(true);
  });
});

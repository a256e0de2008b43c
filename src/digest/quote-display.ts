/**
 * A quote as shown to people: the exact article text, less the punctuation that only
 * joined it to its attribution (`“…exciting,” Trump said` shows `…exciting`).
 * The result is still a substring of the article.
 */
export function displayQuote(text: string): string {
  return text.replace(/[\s,;:–—-]+$/u, '');
}

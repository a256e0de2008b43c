import { decodeHTMLStrict } from 'entities';

/**
 * Decoding of the HTML character references that show up in Markdown text and HTML fragments:
 * all 2,231 named references of the HTML standard plus decimal and hex ones, through the
 * `entities` package (a linear state machine, so any input length is safe). Strict mode: a
 * reference counts only with its closing `;` ("AT&T", "&copy 2024" stay as written); an
 * invalid code point (0, a surrogate, past U+10FFFF) becomes U+FFFD.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return decodeHTMLStrict(text);
}

/**
 * HTML from a feed (an item's description or content) → plain text paragraphs, through the same
 * DOM walk as the articles folder's HTML reader (linkedom, block elements end paragraphs).
 * Markup too heavy for a DOM gets the linear rough extraction instead, so no input stalls it.
 */
import { parseHTML } from 'linkedom';
import { domText } from '../sources/html.ts';
import { htmlStats, roughHtmlText } from '../sources/html-scan.ts';
import { decodeEntities } from '../sources/entities.ts';
import { cleanLine, normalizeParagraphs } from '../sources/parsed.ts';

const MAX_DEPTH = 256;
const MAX_TAGS = 40_000;

type Root = Parameters<typeof domText>[0];

export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return normalizeParagraphs(html);
  if (!html.includes('<')) return normalizeParagraphs(decodeEntities(html));
  const stats = htmlStats(html);
  if (stats.depth > MAX_DEPTH || stats.tags > MAX_TAGS) return normalizeParagraphs(roughHtmlText(html));
  try {
    const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
    return normalizeParagraphs(domText(document.body as unknown as Root));
  } catch {
    return normalizeParagraphs(roughHtmlText(html));
  }
}

/** One line of text (a title): tags dropped, entities decoded, spaces collapsed. */
export function htmlToLine(html: string): string {
  return cleanLine(htmlToText(html).replace(/\n+/g, ' '));
}

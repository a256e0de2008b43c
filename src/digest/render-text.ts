import type { Digest, DigestItem } from '../domain/types.ts';
import { displayDate } from './date-display.ts';
import { displayQuote } from './quote-display.ts';
import { httpUrl, terminalText } from './sink-filters.ts';
import { storyItems } from './story-items.ts';

export type TextFormat = 'text' | 'markdown';

function byline(item: DigestItem): string {
  const a = item.article;
  return [a.source, displayDate(a.date)].filter((x): x is string => x !== null && x !== '').join(' · ');
}

function speakerOf(speaker: string | null): string {
  return speaker ?? 'unattributed';
}

/** Plain text for a terminal: every line passes the terminal filter (no escape sequences). */
function renderText(digest: Digest): string {
  return terminalText(plainLines(digest));
}

function plainLines(digest: Digest): string {
  const lines: string[] = [`News digest — ${digest.date}`, ''];
  if (digest.items.length === 0) lines.push('No articles.');
  for (const item of storyItems(digest.items)) {
    const by = byline(item);
    lines.push(`■ ${item.updated ? '[updated] ' : ''}${item.article.title}${by ? `  (${by})` : ''}`);
    const url = httpUrl(item.article.url);
    if (url) lines.push(`  ${url}`);
    for (const s of item.summary.sentences) lines.push(`  ${s}`);
    for (const q of item.quotes) lines.push(`  ${displayQuote(q.text)} — ${speakerOf(q.speaker)}`);
    if (item.sources) {
      lines.push(`  ${item.sources.length} sources:`);
      for (const src of item.sources)
        lines.push(`    ${src.name.replace(/\s+/g, ' ')}${src.url ? ` — ${src.url}` : ''}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * Markdown with literal text: inline markup characters are escaped everywhere, and block
 * markers (`#`, `>`, `-`, `+`, `1.`) only where they would start a block, so prose keeps
 * its dots and hyphens readable (`U.S.`, `2018-09-27`).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

function renderMarkdown(digest: Digest): string {
  const lines: string[] = [`# News digest — ${digest.date}`, ''];
  if (digest.items.length === 0) lines.push('_No articles._');
  for (const item of storyItems(digest.items)) {
    const title = escapeMarkdown(item.article.title);
    lines.push(`## ${item.updated ? '_(updated)_ ' : ''}${title}`);
    const by = byline(item);
    // Only an http(s) URL is linked (a `javascript:` or `data:` URL would be live once rendered).
    const url = httpUrl(item.article.url);
    if (by || url) {
      lines.push(
        `${by ? `_${escapeMarkdown(by)}_` : ''}${by && url ? ' · ' : ''}${url ? `<${url.replace(/[<>\s]/g, encodeURIComponent)}>` : ''}`,
      );
    }
    lines.push('');
    lines.push(escapeMarkdown(item.summary.sentences.join(' ')));
    if (item.quotes.length > 0) lines.push('');
    for (const q of item.quotes)
      lines.push(`> ${escapeMarkdown(displayQuote(q.text))} — ${escapeMarkdown(speakerOf(q.speaker))}`, '>');
    if (item.quotes.length > 0) lines.pop();
    if (item.sources) {
      const links = item.sources.map((src) =>
        src.url
          ? `[${escapeMarkdown(src.name.replace(/\s+/g, ' '))}](<${src.url.replace(/[<>\s]/g, encodeURIComponent)}>)`
          : escapeMarkdown(src.name),
      );
      lines.push('', `_${item.sources.length} sources:_ ${links.join(' · ')}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function renderDigest(digest: Digest, format: TextFormat): string {
  // Markdown is read in terminals and editors too: it passes the terminal filter as well.
  return format === 'markdown' ? terminalText(renderMarkdown(digest)) : renderText(digest);
}

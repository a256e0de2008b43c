import type { Digest, DigestItem } from '../domain/types.ts';
import { displayDate } from './date-display.ts';
import { displayQuote } from './quote-display.ts';

export type TextFormat = 'text' | 'markdown';

function byline(item: DigestItem): string {
  const a = item.article;
  return [a.source, displayDate(a.date)].filter((x): x is string => x !== null && x !== '').join(' · ');
}

function speakerOf(speaker: string | null): string {
  return speaker ?? 'unattributed';
}

/** Plain text for a terminal. */
function renderText(digest: Digest): string {
  const lines: string[] = [`News digest — ${digest.date}`, ''];
  if (digest.items.length === 0) lines.push('No articles.');
  for (const item of digest.items) {
    const by = byline(item);
    lines.push(`■ ${item.updated ? '[updated] ' : ''}${item.article.title}${by ? `  (${by})` : ''}`);
    if (item.article.url) lines.push(`  ${item.article.url}`);
    for (const s of item.summary.sentences) lines.push(`  ${s}`);
    for (const q of item.quotes) lines.push(`  ${displayQuote(q.text)} — ${speakerOf(q.speaker)}`);
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
  for (const item of digest.items) {
    const title = escapeMarkdown(item.article.title);
    lines.push(`## ${item.updated ? '_(updated)_ ' : ''}${title}`);
    const by = byline(item);
    if (by || item.article.url) {
      lines.push(`_${escapeMarkdown(by)}_${item.article.url ? ` · <${item.article.url.replace(/[<>\s]/g, '')}>` : ''}`);
    }
    lines.push('');
    lines.push(escapeMarkdown(item.summary.sentences.join(' ')));
    if (item.quotes.length > 0) lines.push('');
    for (const q of item.quotes) lines.push(`> ${escapeMarkdown(displayQuote(q.text))} — ${escapeMarkdown(speakerOf(q.speaker))}`, '>');
    if (item.quotes.length > 0) lines.pop();
    lines.push('');
  }
  return lines.join('\n');
}

export function renderDigest(digest: Digest, format: TextFormat): string {
  return format === 'markdown' ? renderMarkdown(digest) : renderText(digest);
}

import type { APIEmbed } from 'discord.js';
import type { BotReply, SearchHit } from '../../chat/replies.ts';
import { NOT_FOUND } from '../../answer/types.ts';
import { displayDate } from '../../digest/date-display.ts';
import { LIMITS, type OutboundMessage } from './limits.ts';
import { packMessages, renderDigest, safeUrl } from './render-embeds.ts';
import { clip, linkLabel, linkTarget, literal, splitText } from './text.ts';

/**
 * Any bot reply as Discord messages (thread replies and `/trade-news` answers alike):
 * a digest as embeds, search hits and answers as one embed, help and notices as text.
 */

const COLOR = 0x2f6f9f;

const DISCORD_HELP = [
  'On Discord: `/trade-news ask`, `/trade-news search`, `/trade-news latest`, `/trade-news help`.',
  'In a digest’s thread just write your question; elsewhere mention the bot.',
].join('\n');

/** Plain text messages of at most 2,000 characters each. */
function textMessages(text: string): OutboundMessage[] {
  return splitText(text, LIMITS.content).map((content) => ({ content, embeds: [] }));
}

/** A titled embed whose description continues in untitled embeds when it is long. */
function describedEmbeds(title: string, description: string, extra: Partial<APIEmbed> = {}): APIEmbed[] {
  const chunks = splitText(description, LIMITS.embed.description);
  return chunks.map((d, i) =>
    i === 0 ? { color: COLOR, title, description: d, ...extra } : { color: COLOR, description: d },
  );
}

function hitLine(h: SearchHit, i: number): string {
  const url = safeUrl(h.url);
  const head = url ? `**${i + 1}. [${linkLabel(h.title)}](${linkTarget(url)})**` : `**${i + 1}. ${literal(h.title)}**`;
  const day = displayDate(h.date);
  const date = day ? ` (${day})` : '';
  return `${head}${date}\n${clip(literal(h.line), 600)}`;
}

function renderSearch(terms: string, hits: readonly SearchHit[]): OutboundMessage[] {
  if (hits.length === 0) return textMessages(literal(`No articles match “${terms}”.`));
  const title = clip(literal(`Articles matching “${terms}”`), LIMITS.embed.title);
  return packMessages(describedEmbeds(title, hits.map(hitLine).join('\n\n')));
}

function renderAnswer(reply: Extract<BotReply, { kind: 'answer' }>): OutboundMessage[] {
  const { result, question } = reply;
  if (!result.answered || result.sources.length === 0) return textMessages(NOT_FOUND);
  const titles = [...new Set(result.sources.map((s) => s.title))].slice(0, 3);
  const sources = clip(titles.map((t) => `• ${literal(t)}`).join('\n'), LIMITS.embed.fieldValue);
  const title = clip(literal(question), LIMITS.embed.title);
  const embeds = describedEmbeds(title, literal(result.answer));
  const last = embeds[embeds.length - 1];
  if (last && sources) last.fields = [{ name: titles.length === 1 ? 'Source' : 'Sources', value: sources }];
  return packMessages(embeds);
}

function renderHelp(text: string, problem?: string): OutboundMessage[] {
  const block = `\`\`\`\n${text.replaceAll('```', "'''")}\n\`\`\``;
  const full = [problem === undefined ? null : literal(problem), block, DISCORD_HELP]
    .filter((p) => p !== null)
    .join('\n\n');
  return full.length <= LIMITS.content ? [{ content: full, embeds: [] }] : textMessages(literal(full));
}

export function renderReply(reply: BotReply): OutboundMessage[] {
  switch (reply.kind) {
    case 'digest':
      return renderDigest(reply.digest);
    case 'search':
      return renderSearch(reply.terms, reply.hits);
    case 'answer':
      return renderAnswer(reply);
    case 'help':
      return renderHelp(reply.text, reply.problem);
    case 'notice':
      return textMessages(literal(reply.text));
  }
}

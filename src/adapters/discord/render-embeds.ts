import type { APIEmbed, APIEmbedField } from 'discord.js';
import { displayDate } from '../../digest/date-display.ts';
import { displayQuote } from '../../digest/quote-display.ts';
import type { Digest, DigestItem, Quote, StorySource } from '../../domain/types.ts';
import { defang } from '../../bot/safety.ts';
import { LIMITS, embedSize, type OutboundMessage } from './limits.ts';
import { clip, literal, splitText } from './text.ts';
import { fitLinks, storyItems } from '../../digest/story-items.ts';

/**
 * A digest as Discord messages: a header line, then one embed per article (title linked
 * to the article, summary as description, key quotes as fields, source and date in the
 * footer). Text longer than a slot continues in the next field or embed, cut at a
 * sentence or word boundary; embeds are packed into as few messages as the limits allow.
 */

const COLOR = 0x2f6f9f;

/** The digest's title, also the name of its thread. */
export function digestTitle(digest: Pick<Digest, 'date'>): string {
  return `Trade news — ${digest.date}`;
}

/** http(s) URLs only, as Discord refuses a message whose embed URL it cannot parse. */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url || url.length > 2000) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** One field per quote, split into continuation fields when a quote is longer than a field value. */
function quoteFields(quotes: readonly Quote[]): APIEmbedField[] {
  return quotes.flatMap((q) => {
    const name = clip(literal(q.speaker ?? 'Quote'), LIMITS.embed.fieldName - 8);
    return splitText(literal(displayQuote(q.text)), LIMITS.embed.fieldValue).map((value, i) => ({
      name: i === 0 ? name : `${name} (cont.)`,
      value,
      inline: false,
    }));
  });
}

/** Before the title of an article that is a new version of one an earlier digest showed. */
export const UPDATED_PREFIX = 'Updated · ';

/**
 * Where a digest carries its id, so `findPosted` can recognise it in the channel's recent
 * messages: the footer of the first embed of its first message ends with ` · digest <id>`
 * (the whole footer when the article has no source or date); a digest without articles has
 * no embed, so its header content ends with a subtext line `-# digest <id>`. Embed footers
 * and the bot's own content come back in every message fetch, Message Content intent or not.
 */
export function digestMark(digestId: string): string {
  return `digest ${digestId}`;
}

/** Whether a footer or content text carries the mark of `digestId` (see digestMark). */
export function carriesDigestMark(text: string | null | undefined, digestId: string): boolean {
  if (!text) return false;
  const mark = digestMark(digestId);
  return text === mark || text.endsWith(` · ${mark}`) || text.endsWith(`\n-# ${mark}`);
}

function footerOf(item: DigestItem, mark?: string): string {
  const { source, date } = item.article;
  const parts = [source, displayDate(date)].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  if (mark === undefined) return clip(defang(parts.join(' · ')), 256);
  const text = clip(defang(parts.join(' · ')), 256 - mark.length - 3);
  return text === '' ? mark : `${text} · ${mark}`;
}

/**
 * The embeds of one article: the first titled and linked, continuations carrying the rest.
 * `mark` (see digestMark) ends the first embed's footer.
 */
export function articleEmbeds(item: DigestItem, mark?: string): APIEmbed[] {
  const prefix = item.updated === true ? UPDATED_PREFIX : '';
  const title = prefix + (clip(literal(item.article.title), LIMITS.embed.title - prefix.length) || 'Untitled');
  const url = safeUrl(item.article.url);
  const footer = footerOf(item, mark);
  const first: APIEmbed = {
    color: COLOR,
    title,
    ...(url ? { url } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
  };
  const embeds: APIEmbed[] = [];
  let cur: APIEmbed = first;
  const next = (): void => {
    embeds.push(cur);
    cur = { color: COLOR };
  };
  // title ≤ 256 and footer ≤ 256 leave room for a full description in the first embed.
  splitText(literal(item.summary.sentences.join(' ')), LIMITS.embed.description).forEach((chunk, i) => {
    if (i > 0) next();
    cur.description = chunk;
  });
  const sources = item.sources
    ? [
        {
          name: `${item.sources.length} sources`,
          value: fitLinks(item.sources.map(sourceLink), LIMITS.embed.fieldValue - 20),
        },
      ]
    : [];
  for (const field of [...quoteFields(item.quotes), ...sources]) {
    const fields = cur.fields ?? [];
    if (
      fields.length >= LIMITS.embed.fields ||
      embedSize(cur) + field.name.length + field.value.length > LIMITS.embed.total
    ) {
      next();
    }
    cur.fields = [...(cur.fields ?? []), field];
  }
  embeds.push(cur);
  return embeds;
}

/** `[name](url)` with the name as literal text (brackets dropped so it cannot close the label), or the name alone. */
function sourceLink(src: StorySource): string {
  const url = safeUrl(src.url);
  const name =
    literal(
      clip(
        src.name
          .replace(/[[\]()]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
        100,
      ),
    ) || 'source';
  return url ? `[${name}](${url})` : name;
}

/** Embeds packed greedily into messages within 10 embeds and 6,000 characters each; `content` on the first. */
export function packMessages(embeds: readonly APIEmbed[], content?: string): OutboundMessage[] {
  const out: { content?: string; embeds: APIEmbed[] }[] = [];
  let cur: APIEmbed[] = [];
  let size = 0;
  const flush = (): void => {
    if (cur.length === 0) return;
    out.push({ embeds: cur });
    cur = [];
    size = 0;
  };
  for (const e of embeds) {
    const s = embedSize(e);
    if (cur.length >= LIMITS.embedsPerMessage || size + s > LIMITS.embed.total) flush();
    cur.push(e);
    size += s;
  }
  flush();
  const chunks = content === undefined ? [] : splitText(content, LIMITS.content);
  const [first, ...rest] = out;
  // Content fitting one message rides with the first embeds; longer content goes before them.
  if (chunks.length === 1 && first) return [{ content: chunks[0] as string, embeds: first.embeds }, ...rest];
  return [...chunks.map((c) => ({ content: c, embeds: [] })), ...out];
}

/** The whole digest as messages, in order; the first one starts the thread and carries `digestId` (see digestMark). */
export function renderDigest(digest: Digest, digestId?: string): OutboundMessage[] {
  const items = storyItems(digest.items);
  const n = items.length;
  const mark = digestId === undefined ? undefined : digestMark(digestId);
  const header =
    n === 0
      ? `**${digestTitle(digest)}** · no new articles.${mark === undefined ? '' : `\n-# ${mark}`}`
      : `**${digestTitle(digest)}** · ${n} article${n === 1 ? '' : 's'} · ask follow-up questions in the thread below.`;
  return packMessages(
    items.flatMap((item, i) => articleEmbeds(item, i === 0 ? mark : undefined)),
    header,
  );
}

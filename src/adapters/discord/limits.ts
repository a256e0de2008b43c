import type { APIEmbed } from 'discord.js';

/**
 * Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 * Renderers build within them; `assertWithinLimits` checks every payload once, at the edge,
 * before it is sent — a violation is a bug in the renderer, never something to send and see.
 */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embed: {
    title: 256,
    description: 4096,
    fields: 25,
    fieldName: 256,
    fieldValue: 1024,
    footerText: 2048,
    authorName: 256,
    /** Title, description, field names and values, footer text and author name together — summed over all embeds of a message. */
    total: 6000,
  },
  threadName: 100,
} as const;

/** What this adapter sends as a message (channel post, thread reply, interaction reply). */
export interface OutboundMessage {
  readonly content?: string;
  readonly embeds: readonly APIEmbed[];
}

/** Counted in UTF-16 code units: never fewer than Discord's count, so a payload that passes here passes there. */
const len = (s: string | undefined): number => s?.length ?? 0;

/** Characters an embed counts towards the 6,000 total. */
export function embedSize(e: APIEmbed): number {
  return (
    len(e.title) +
    len(e.description) +
    len(e.footer?.text) +
    len(e.author?.name) +
    (e.fields ?? []).reduce((n, f) => n + len(f.name) + len(f.value), 0)
  );
}

/** Every limit the payload breaks, empty when it is fine to send. */
export function limitProblems(m: OutboundMessage): string[] {
  const out: string[] = [];
  const over = (what: string, n: number, max: number): void => {
    if (n > max) out.push(`${what}: ${n} > ${max}`);
  };
  over('content', len(m.content), LIMITS.content);
  over('embeds', m.embeds.length, LIMITS.embedsPerMessage);
  if (len(m.content) === 0 && m.embeds.length === 0) out.push('empty message');
  m.embeds.forEach((e, i) => {
    const at = `embed ${i}`;
    over(`${at} title`, len(e.title), LIMITS.embed.title);
    over(`${at} description`, len(e.description), LIMITS.embed.description);
    over(`${at} footer`, len(e.footer?.text), LIMITS.embed.footerText);
    over(`${at} author`, len(e.author?.name), LIMITS.embed.authorName);
    over(`${at} fields`, e.fields?.length ?? 0, LIMITS.embed.fields);
    (e.fields ?? []).forEach((f, j) => {
      over(`${at} field ${j} name`, len(f.name), LIMITS.embed.fieldName);
      over(`${at} field ${j} value`, len(f.value), LIMITS.embed.fieldValue);
      if (f.name.trim() === '' || f.value.trim() === '') out.push(`${at} field ${j}: empty name or value`);
    });
    over(`${at} size`, embedSize(e), LIMITS.embed.total);
  });
  over(
    'embeds in all',
    m.embeds.reduce((n, e) => n + embedSize(e), 0),
    LIMITS.embed.total,
  );
  return out;
}

export class DiscordLimitError extends Error {
  readonly code = 'DISCORD_PAYLOAD_OVER_LIMIT';
  constructor(readonly problems: readonly string[]) {
    super(`Discord payload over its limits: ${problems.join('; ')}`);
    this.name = 'DiscordLimitError';
  }
}

export function assertWithinLimits(m: OutboundMessage): void {
  const problems = limitProblems(m);
  if (problems.length > 0) throw new DiscordLimitError(problems);
}

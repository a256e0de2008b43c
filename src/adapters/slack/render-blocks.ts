import { displayDate } from '../../digest/date-display.ts';
import type { BotReply, SearchHit } from '../../chat/replies.ts';
import { NOT_FOUND } from '../../answer/types.ts';
import { replyToText } from '../../bot/render-reply.ts';
import { SLACK_LIMITS, type SlackMessage } from './limits.ts';
import { escapeMrkdwn, mrkdwnLink, safeText, truncateWords } from './mrkdwn.ts';
import { context, mrkdwn, packMessages, sections, type BlockGroup } from './pack.ts';
import { renderDigestMessages } from './render-digest.ts';

/**
 * Any bot reply as Slack messages, each within Slack's limits (see limits.ts). The fallback
 * `text` is the neutral rendering (`replyToText`), made safe and cut at a word.
 */
export function renderReply(reply: BotReply): SlackMessage[] {
  switch (reply.kind) {
    case 'digest':
      return renderDigestMessages(reply.digest);
    case 'search':
      return renderSearch(reply.terms, reply.hits, fallbackOf(reply));
    case 'answer': {
      const { result } = reply;
      if (!result.answered || result.sources.length === 0)
        return simple([{ label: '', blocks: sections(safeText(NOT_FOUND)) }], fallbackOf(reply));
      const titles = [...new Set(result.sources.map((s) => s.title))];
      const blocks = [
        ...sections(safeText(result.answer)),
        context(
          `${titles.length === 1 ? 'Source' : 'Sources'}: ${titles.map((t) => `_${safeText(truncateWords(t, 200))}_`).join(' · ')}`,
        ),
      ];
      return simple([{ label: '', blocks }], fallbackOf(reply));
    }
    case 'help': {
      // The grammar is the bot's own text: escaped, not defanged (`<terms>` stays copyable).
      const blocks = [
        ...(reply.problem === undefined ? [] : sections(`*${safeText(reply.problem)}*`)),
        ...sections(`\`\`\`${escapeMrkdwn(reply.text)}\`\`\``),
      ];
      return simple([{ label: '', blocks }], fallbackOf(reply));
    }
    case 'notice':
      return simple([{ label: '', blocks: sections(safeText(reply.text)) }], fallbackOf(reply));
  }
}

function fallbackOf(reply: BotReply): string {
  const text =
    reply.kind === 'help'
      ? [...(reply.problem === undefined ? [] : [safeText(reply.problem), '']), escapeMrkdwn(reply.text)].join('\n')
      : safeText(replyToText(reply));
  return truncateWords(text, SLACK_LIMITS.fallbackText);
}

/** Groups packed into messages; the first carries the full fallback, the others say they continue it. */
function simple(groups: readonly BlockGroup[], fallback: string): SlackMessage[] {
  return packMessages(groups, {
    head: [],
    continuation: () => [],
    fallback: (_labels, part) => (part === 1 ? fallback : `(continued, part ${part})`),
  });
}

function renderSearch(terms: string, hits: readonly SearchHit[], fallback: string): SlackMessage[] {
  const title = `*Articles matching “${safeText(truncateWords(terms, 200))}”*`;
  if (hits.length === 0)
    return simple(
      [{ label: '', blocks: sections(`No articles match “${safeText(truncateWords(terms, 200))}”.`) }],
      fallback,
    );
  const groups: BlockGroup[] = hits.map((h, i) => {
    const head = `${i + 1}. *${mrkdwnLink(h.url, truncateWords(h.title, 300))}*${displayDate(h.date) ? ` (${safeText(displayDate(h.date) ?? '')})` : ''}`;
    return { label: safeText(h.title), blocks: sections(h.line.trim() === '' ? head : `${head}\n${safeText(h.line)}`) };
  });
  const [first, ...rest] = groups;
  const opening: BlockGroup[] = first
    ? [{ label: first.label, blocks: [{ type: 'section', text: mrkdwn(title) }, ...first.blocks] }]
    : [];
  return simple([...opening, ...rest], fallback);
}

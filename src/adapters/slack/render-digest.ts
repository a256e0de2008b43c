import type { Digest, DigestItem, Quote } from '../../domain/types.ts';
import { displayDate } from '../../digest/date-display.ts';
import { displayQuote } from '../../digest/quote-display.ts';
import { defang } from '../../bot/safety.ts';
import { SLACK_LIMITS, type Block, type SlackMessage } from './limits.ts';
import { mrkdwnLink, safeText, truncateWords } from './mrkdwn.ts';
import { context, mrkdwn, packMessages, sections, type BlockGroup } from './pack.ts';
import { splitText } from './split-text.ts';
import { fitLinks, storyItems } from '../../digest/story-items.ts';

/** Display limits of our own (Slack's are in limits.ts): a title line and a byline stay short. */
const TITLE_MAX = 300;
const BYLINE_MAX = 300;
const SPEAKER_MAX = 120;

export function digestTitle(digest: Digest): string {
  return `News digest — ${digest.date}`;
}

/**
 * A digest as Slack messages. The first is the thread parent: a header with the date and as
 * many articles as fit; the rest continue in its thread, one whole article at a time where
 * possible. Each article: linked title, source and date, the summary, key quotes with speaker.
 */
export function renderDigestMessages(digest: Digest): SlackMessage[] {
  const title = digestTitle(digest);
  const header: Block = {
    type: 'header',
    text: { type: 'plain_text', text: truncateWords(defang(title), SLACK_LIMITS.headerText), emoji: false },
  };
  const items = storyItems(digest.items);
  const count = items.length;
  const intro = context(
    count === 0 ? 'No articles.' : `${count} article${count === 1 ? '' : 's'} · reply in this thread to ask about them`,
  );
  const groups: BlockGroup[] = items.map((item) => ({
    label: `${item.updated === true ? 'Updated: ' : ''}${safeText(truncateWords(item.article.title, TITLE_MAX))}`,
    blocks: articleBlocks(item),
  }));
  return packMessages(groups, {
    head: [header, intro],
    continuation: (part) => [context(`*${safeText(title)}* · continued (part ${part})`)],
    fallback: (labels, part) =>
      part === 1
        ? `${safeText(title)}: ${count === 0 ? 'no articles' : labels.join(' · ')}${labels.length < count ? ' · more in the thread' : ''}`
        : `${safeText(title)}, continued: ${labels.join(' · ')}`,
  });
}

/** Before the title of an article that is a new version of one an earlier digest showed. */
export const UPDATED_MARK = '_Updated:_ ';

export function articleBlocks(item: DigestItem): Block[] {
  const a = item.article;
  // Title and byline share one section (one block per article less: 12 articles fit in a message's 50 blocks).
  const byline = [a.source, displayDate(a.date)].filter((x): x is string => x !== null && x.trim() !== '').join(' · ');
  const title = `${item.updated === true ? UPDATED_MARK : ''}*${mrkdwnLink(a.url, truncateWords(a.title, TITLE_MAX))}*`;
  const blocks: Block[] = [
    {
      type: 'section',
      text: mrkdwn(byline === '' ? title : `${title}\n${safeText(truncateWords(byline, BYLINE_MAX))}`),
    },
  ];
  const summary = item.summary.sentences.join(' ').trim();
  if (summary !== '') blocks.push(...sections(safeText(summary)));
  if (item.quotes.length > 0) blocks.push(...quoteSections(item.quotes));
  if (item.sources) {
    const links = item.sources.map((src) => mrkdwnLink(src.url, truncateWords(src.name, SPEAKER_MAX)));
    blocks.push(context(`${item.sources.length} sources: ${fitLinks(links, SLACK_LIMITS.contextText - 40)}`));
  }
  return blocks;
}

/** Quote lines (`> “…” — speaker`), as few sections as fit; a long quote continues over several lines. */
export function quoteSections(quotes: readonly Quote[]): Block[] {
  const lines: string[] = [];
  for (const q of quotes) {
    const speaker = safeText(truncateWords(q.speaker ?? 'unattributed', SPEAKER_MAX));
    const shown = safeText(displayQuote(q.text));
    const room = SLACK_LIMITS.sectionText - speaker.length - 16;
    const pieces = splitText(shown, room);
    pieces.forEach((piece, i) => lines.push(`> ${piece}${i === pieces.length - 1 ? ` — _${speaker}_` : ''}`));
  }
  const out: Block[] = [];
  let current = '';
  for (const line of lines) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length > SLACK_LIMITS.sectionText && current !== '') {
      out.push({ type: 'section', text: mrkdwn(current) });
      current = line;
    } else current = next;
  }
  if (current !== '') out.push({ type: 'section', text: mrkdwn(current) });
  return out;
}

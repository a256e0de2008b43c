import { SLACK_LIMITS, messageTextLength, type Block, type MrkdwnText, type SlackMessage } from './limits.ts';
import { splitText } from './split-text.ts';
import { truncateWords } from './mrkdwn.ts';

/** Blocks that belong together (one article, one search hit); kept in one message when they fit. */
export interface BlockGroup {
  /** Safe text naming the group, for the fallback `text` of the message it lands in. */
  readonly label: string;
  readonly blocks: readonly Block[];
}

export interface PackOptions {
  /** Blocks opening the first message (e.g. the digest header). */
  readonly head: readonly Block[];
  /** Blocks opening every further message (e.g. "continued"). */
  readonly continuation: (part: number) => readonly Block[];
  /** Fallback `text` of a message from the labels of the groups in it (safe text; truncated here). */
  readonly fallback: (labels: readonly string[], part: number) => string;
}

/** Shared text object: mrkdwn that Slack does not auto-link or auto-mention. */
export function mrkdwn(text: string): MrkdwnText {
  return { type: 'mrkdwn', text, verbatim: true };
}

/** One section per ≤ 3,000-character piece of `text` (already safe mrkdwn), split between words. */
export function sections(text: string, max: number = SLACK_LIMITS.sectionText): Block[] {
  return splitText(text, max).map((piece) => ({ type: 'section', text: mrkdwn(piece) }));
}

export function context(text: string): Block {
  return { type: 'context', elements: [mrkdwn(truncateWords(text, SLACK_LIMITS.contextText))] };
}

export const divider: Block = { type: 'divider' };

function fits(blocks: readonly Block[]): boolean {
  return blocks.length <= SLACK_LIMITS.blocksPerMessage && messageTextLength(blocks) <= SLACK_LIMITS.messageBlockText;
}

/**
 * Packs groups into as few messages as the limits allow: a group moves whole to the next
 * message when it does not fit in the current one; a group too big for any message is
 * spread block by block. Blocks themselves are never cut (the builders keep each block
 * within its own limit). A divider between groups is dropped at message ends.
 */
export function packMessages(groups: readonly BlockGroup[], opts: PackOptions): SlackMessage[] {
  const parts: { blocks: Block[]; labels: string[] }[] = [];
  let current = { blocks: [...opts.head], labels: [] as string[] };
  const fresh = (): void => {
    parts.push(current);
    current = { blocks: [...opts.continuation(parts.length + 1)], labels: [] };
  };
  const onlyOpening = (): boolean => current.labels.length === 0;

  groups.forEach((group, i) => {
    const blocks = i > 0 && !onlyOpening() ? [divider, ...group.blocks] : [...group.blocks];
    if (fits([...current.blocks, ...blocks])) {
      current.blocks.push(...blocks);
      current.labels.push(group.label);
      return;
    }
    if (!onlyOpening()) {
      fresh();
      if (fits([...current.blocks, ...group.blocks])) {
        current.blocks.push(...group.blocks);
        current.labels.push(group.label);
        return;
      }
    }
    // Too big for one message: spread it.
    current.labels.push(group.label);
    for (const block of group.blocks) {
      if (!fits([...current.blocks, block])) {
        fresh();
        current.labels.push(group.label);
      }
      current.blocks.push(block);
    }
  });
  parts.push(current);

  return parts
    .map((p) => ({ ...p, blocks: trimDividers(p.blocks) }))
    .filter((p, i) => i === 0 || p.labels.length > 0)
    .map((p, i) => ({
      blocks: p.blocks,
      text: truncateWords(opts.fallback(p.labels, i + 1), SLACK_LIMITS.fallbackText),
    }));
}

function trimDividers(blocks: Block[]): Block[] {
  let end = blocks.length;
  while (end > 0 && blocks[end - 1]?.type === 'divider') end--;
  return blocks.slice(0, end);
}

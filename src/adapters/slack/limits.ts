import { SlackAdapterError } from './errors.ts';

/**
 * Slack's message limits, checked where payloads are built (`assertWithinLimits` runs
 * before every chat.postMessage / respond). Sources: Block Kit reference (blocks, header,
 * section), chat.postMessage docs (text), and the undocumented `msg_blocks_too_long`
 * error that Slack returns above roughly 12,000 characters of block text per message.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** `text` of a section block. */
  sectionText: 3000,
  /** `text` of a header block (plain_text). */
  headerText: 150,
  /** Elements of a context block. */
  contextElements: 10,
  /** Text of one context element. */
  contextText: 3000,
  /** All block text of one message together (`msg_blocks_too_long` above it). */
  messageBlockText: 12_000,
  /** The top-level fallback `text` (Slack truncates at 40,000; notifications want far less). Our choice. */
  fallbackText: 3000,
  /** Messages one `response_url` accepts (Slack: up to 5 within 30 minutes). */
  responsesPerCommand: 5,
} as const;

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

/** `verbatim: true`: Slack does not auto-link URLs, channel names or mentions in this text. */
export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  verbatim?: boolean;
}

export type Block =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: MrkdwnText }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'divider' };

/** One message as sent: the fallback `text` (notifications, screen readers) and its blocks. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: Block[];
}

/** Characters of text a block contributes to the message's block-text total. */
export function blockTextLength(block: Block): number {
  switch (block.type) {
    case 'header':
    case 'section':
      return block.text.text.length;
    case 'context':
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case 'divider':
      return 0;
  }
}

export function messageTextLength(blocks: readonly Block[]): number {
  return blocks.reduce((n, b) => n + blockTextLength(b), 0);
}

/** Every limit `message` breaks, as readable problems (empty when it is fine). */
export function limitProblems(message: SlackMessage): string[] {
  const L = SLACK_LIMITS;
  const problems: string[] = [];
  if (message.blocks.length > L.blocksPerMessage)
    problems.push(`${message.blocks.length} blocks (max ${L.blocksPerMessage})`);
  const total = messageTextLength(message.blocks);
  if (total > L.messageBlockText) problems.push(`${total} characters of block text (max ${L.messageBlockText})`);
  if (message.text.length > L.fallbackText)
    problems.push(`fallback text of ${message.text.length} characters (max ${L.fallbackText})`);
  if (message.text.trim() === '') problems.push('empty fallback text');
  message.blocks.forEach((b, i) => {
    if (b.type === 'header' && b.text.text.length > L.headerText)
      problems.push(`header block ${i}: ${b.text.text.length} characters (max ${L.headerText})`);
    if (b.type === 'section' && b.text.text.length > L.sectionText)
      problems.push(`section block ${i}: ${b.text.text.length} characters (max ${L.sectionText})`);
    if (b.type === 'section' && b.text.text.trim() === '') problems.push(`section block ${i}: empty text`);
    if (b.type === 'context') {
      if (b.elements.length > L.contextElements)
        problems.push(`context block ${i}: ${b.elements.length} elements (max ${L.contextElements})`);
      for (const e of b.elements)
        if (e.text.length > L.contextText)
          problems.push(`context block ${i}: element of ${e.text.length} characters (max ${L.contextText})`);
    }
  });
  return problems;
}

/** Throws a coded error rather than letting Slack reject (or silently truncate) the payload. */
export function assertWithinLimits(message: SlackMessage): void {
  const problems = limitProblems(message);
  if (problems.length > 0) {
    throw new SlackAdapterError('SLACK_PAYLOAD_LIMIT', `Slack message over the limits: ${problems.join('; ')}`);
  }
}

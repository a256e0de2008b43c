import type { App, RespondFn } from '@slack/bolt';
import type { ChatHandlers, IncomingMessage } from '../../chat/chat-adapter.ts';
import type { ThreadRef } from '../../domain/thread-ref.ts';
import type { BotReply } from '../../chat/replies.ts';
import { COMMAND_NAME } from '../../bot/command-grammar.ts';
import type { Logger } from '../../log/logger.ts';
import { SLACK_LIMITS, assertWithinLimits, type SlackMessage } from './limits.ts';
import { renderReply } from './render-blocks.ts';
import { commandFrom, mentionFrom, threadMessageFrom } from './inbound.ts';
import { Turns } from './turns.ts';

/** What happened to one incoming command or message (for logs, metrics and tests). */
export interface HandledEvent {
  readonly kind: 'command' | 'message' | 'mention';
  readonly outcome: 'answered' | 'ignored' | 'failed';
}

export interface ListenerDeps {
  readonly handlers: ChatHandlers;
  readonly log: Logger;
  readonly commandResponse: 'ephemeral' | 'in_channel';
  /** Posts a reply in a thread (the adapter's `reply`). */
  readonly replyInThread: (thread: ThreadRef, reply: BotReply) => Promise<void>;
  /** Registers work that `stop()` waits for. */
  readonly track: (work: Promise<void>) => Promise<void>;
  readonly onHandled?: ((event: HandledEvent) => void) | undefined;
}

const SORRY = 'Sorry — something went wrong while answering. Please try again in a moment.';

/**
 * `/trade-news`: acknowledged before any work (Slack wants it within 3 s), answered through
 * the response_url. Thread replies and @mentions: answered in their thread. Events arrive
 * already acknowledged by Bolt; Slack's retries of the same event are answered once.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const seen = new RecentIds(1000);
  const report = (kind: HandledEvent['kind'], outcome: HandledEvent['outcome']): void =>
    deps.onHandled?.({ kind, outcome });
  // Answers take turns with the acks of requests still arriving (see turns.ts).
  const turns = new Turns();

  app.command(COMMAND_NAME, async ({ command, ack, respond }) => {
    await ack();
    await deps.track(
      turns
        .next()
        .then(() => answerCommand(command, respond, deps))
        .then((outcome) => report('command', outcome)),
    );
  });

  app.message(async ({ message, body, context }) => {
    if (!seen.add((body as { event_id?: string }).event_id)) return;
    const incoming = threadMessageFrom(message, context.botUserId);
    if (!incoming) return report('message', 'ignored');
    await deps.track(
      turns
        .next()
        .then(() => answerMessage(incoming, deps))
        .then((outcome) => report('message', outcome)),
    );
  });

  app.event('app_mention', async ({ event, body, context }) => {
    if (!seen.add((body as { event_id?: string }).event_id)) return;
    const incoming = mentionFrom(event, context.botUserId);
    if (!incoming) return report('mention', 'ignored');
    await deps.track(
      turns
        .next()
        .then(() => answerMessage(incoming, deps))
        .then((outcome) => report('mention', outcome)),
    );
  });

  app.error(async (error) => {
    deps.log.error({ code: error.code }, `Slack event handling failed: ${error.message}`);
  });
}

async function answerCommand(
  command: { channel_id?: unknown; user_id?: unknown; text?: unknown },
  respond: RespondFn,
  deps: ListenerDeps,
): Promise<HandledEvent['outcome']> {
  let outcome: HandledEvent['outcome'] = 'answered';
  let messages: SlackMessage[];
  try {
    messages = capResponses(renderReply(await deps.handlers.onCommand(commandFrom(command))));
    messages.forEach(assertWithinLimits);
  } catch (err) {
    deps.log.error({ err }, 'answering /trade-news failed');
    messages = renderReply({ kind: 'notice', text: SORRY });
    outcome = 'failed';
  }
  try {
    for (const m of messages) {
      await respond({ response_type: deps.commandResponse, replace_original: false, text: m.text, blocks: m.blocks });
    }
  } catch (err) {
    const status = (err as { statusCode?: unknown }).statusCode;
    deps.log.error(
      { code: 'SLACK_RESPOND_FAILED', status },
      `Slack response_url rejected the /trade-news answer: ${String(err)}`,
    );
    return 'failed';
  }
  return outcome;
}

async function answerMessage(incoming: IncomingMessage, deps: ListenerDeps): Promise<HandledEvent['outcome']> {
  try {
    const reply = await deps.handlers.onMessage(incoming);
    if (reply === null) return 'ignored';
    await deps.replyInThread(incoming.thread, reply);
    return 'answered';
  } catch (err) {
    deps.log.error({ err, channel: incoming.channel }, 'answering a Slack message failed');
    await deps.replyInThread(incoming.thread, { kind: 'notice', text: SORRY }).catch(() => undefined);
    return 'failed';
  }
}

/** A response_url takes at most 5 messages: the last one allowed says the rest did not fit. */
function capResponses(messages: SlackMessage[]): SlackMessage[] {
  const max = SLACK_LIMITS.responsesPerCommand;
  if (messages.length <= max) return messages;
  const more = messages.length - (max - 1);
  return [
    ...messages.slice(0, max - 1),
    ...renderReply({
      kind: 'notice',
      text: `(${more} more parts did not fit in a command reply — see the digest posted in the channel, or ask in its thread.)`,
    }),
  ];
}

/** Event ids seen lately, so Slack's redelivery of an event is not answered twice. */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly max: number) {}

  /** False when `id` was seen already; events without an id always pass. */
  add(id: string | undefined): boolean {
    if (id === undefined) return true;
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.max) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}

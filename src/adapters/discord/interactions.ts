import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { ChatHandlers, IncomingCommand } from '../../chat/chat-adapter.ts';
import type { BotReply } from '../../chat/replies.ts';
import type { ThreadRef } from '../../domain/thread-ref.ts';
import type { Logger } from '../../log/logger.ts';
import { COMMAND, OPTION, commandText, type Subcommand } from './commands.ts';
import { renderReply } from './render-replies.ts';
import { toPayload } from './send.ts';

export interface InteractionOptions {
  readonly platform: string;
  /** Answers only the caller sees. */
  readonly ephemeral: boolean;
  /**
   * How long an answer may take before the interaction is deferred. Discord wants the
   * callback within 3 s of the event; 1.5 s leaves room for rendering and the round trip.
   */
  readonly budgetMs: number;
}

const FAILED: BotReply = { kind: 'notice', text: 'Sorry — something went wrong answering that. Please try again.' };
const LATE = Symbol('late');

/** Where a command was typed: inside a thread, the thread and its parent channel. */
function whereOf(i: ChatInputCommandInteraction, platform: string): { channel: string; thread?: ThreadRef } {
  const ch = i.channel;
  if (ch?.isThread()) {
    const parent = ch.parentId ?? ch.id;
    return { channel: parent, thread: { platform, channel: parent, thread: ch.id } };
  }
  return { channel: i.channelId };
}

/** The chat-grammar command an interaction stands for. */
export function incomingCommand(i: ChatInputCommandInteraction, platform: string): IncomingCommand {
  const sub = i.options.getSubcommand(false);
  const option = sub === null ? undefined : OPTION[sub as Subcommand];
  const value = option === undefined ? null : i.options.getString(option, false);
  const where = whereOf(i, platform);
  return { platform, user: i.user.id, text: commandText(sub, value), ...where };
}

/**
 * Answer `/trade-news`: the handler runs at once; if it has not answered within the budget
 * the interaction is deferred (the 3-second callback), and the answer follows through
 * editReply/followUp. A failing handler still gets a short notice, never silence.
 */
export async function answerInteraction(
  i: ChatInputCommandInteraction,
  handlers: ChatHandlers,
  opts: InteractionOptions,
  log: Logger,
): Promise<void> {
  if (i.commandName !== COMMAND) return;
  const cmd = incomingCommand(i, opts.platform);
  const pending = handlers.onCommand(cmd).catch((err: unknown) => {
    log.error({ err, channel: cmd.channel, text: cmd.text }, 'discord: /trade-news handler failed');
    return FAILED;
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => (timer = setTimeout(() => resolve(LATE), opts.budgetMs)));
  const first = await Promise.race([pending, late]);
  clearTimeout(timer);
  const flags = opts.ephemeral ? MessageFlags.Ephemeral : undefined;
  let reply: BotReply;
  let deferred = false;
  if (first === LATE) {
    await i.deferReply(flags === undefined ? {} : { flags });
    deferred = true;
    reply = await pending;
  } else {
    reply = first;
  }
  const [head, ...rest] = renderReply(reply);
  if (head === undefined) return;
  if (deferred) await i.editReply(toPayload(head));
  else await i.reply({ ...toPayload(head), ...(flags === undefined ? {} : { flags }) });
  for (const m of rest) await i.followUp({ ...toPayload(m), ...(flags === undefined ? {} : { flags }) });
}

/** `answerInteraction` that never throws: a failure is logged and, when still possible, told to the user. */
export async function handleInteraction(
  i: ChatInputCommandInteraction,
  handlers: ChatHandlers,
  opts: InteractionOptions,
  log: Logger,
): Promise<void> {
  try {
    await answerInteraction(i, handlers, opts, log);
  } catch (err) {
    log.error({ err, interaction: i.id, channel: i.channelId }, 'discord: could not answer /trade-news');
    const [notice] = renderReply(FAILED);
    if (notice === undefined) return;
    try {
      if (i.deferred && !i.replied) await i.editReply(toPayload(notice));
      else if (!i.replied) await i.reply({ ...toPayload(notice), flags: MessageFlags.Ephemeral });
    } catch (again) {
      log.warn({ err: again, interaction: i.id }, 'discord: could not tell the user either (interaction expired?)');
    }
  }
}

import { apiHost, withConnectRetry } from './connect-retry.ts';
import {
  Events,
  ThreadAutoArchiveDuration,
  type Client,
  type ClientOptions,
  type Message,
  type SendableChannels,
} from 'discord.js';
import type { ChatAdapter, ChatHandlers, PostedDigest } from '../../chat/chat-adapter.ts';
import type { Digest } from '../../domain/types.ts';
import type { ThreadRef } from '../../domain/thread-ref.ts';
import type { BotReply } from '../../chat/replies.ts';
import type { DiscordConfig } from '../../config/discord-section.ts';
import type { Logger } from '../../log/logger.ts';
import { createClient } from './client.ts';
import {
  DiscordAdapterError,
  channelLabel,
  isPermissionError,
  isUnknownChannel,
  permissionError,
  type Step,
} from './errors.ts';
import { findPostedDigest } from './find-posted.ts';
import { handleInteraction } from './interactions.ts';
import { handleMessage } from './messages.ts';
import { registerCommands } from './register-commands.ts';
import { digestTitle, renderDigest } from './render-embeds.ts';
import { renderReply } from './render-replies.ts';
import { sendAll } from './send.ts';
import { LIMITS } from './limits.ts';
import { clip } from './text.ts';

export interface DiscordAdapterOptions {
  /** How long a `/trade-news` answer may take before the interaction is deferred (default 1,500 ms). */
  readonly answerBudgetMs?: number;
  /** Register `/trade-news` at start-up when it differs from what is registered (default true). */
  readonly registerCommands?: boolean;
  /** Extra discord.js client options (tests: timeouts); `intents` and `rest.api` come from the config. */
  readonly clientOptions?: Partial<ClientOptions>;
  /** Connecting when Discord is unreachable: attempts and the first delay, doubled each time up to 8 s (default 4, 1 s). */
  readonly connectRetry?: { readonly attempts: number; readonly firstDelayMs: number };
}

const PLATFORM = 'discord';

/**
 * Discord behind the chat seam, on a discord.js gateway client: `/trade-news` as an
 * application command (deferred when slow), digests as embeds with a thread under each,
 * and messages in those threads answered without a mention (Message Content intent).
 */
export class DiscordAdapter implements ChatAdapter {
  readonly platform = PLATFORM;
  private client: Client | undefined;

  constructor(
    private readonly config: DiscordConfig,
    private readonly log: Logger,
    private readonly opts: DiscordAdapterOptions = {},
  ) {}

  async start(handlers: ChatHandlers): Promise<void> {
    if (this.client) return;
    if (this.config.token === undefined) {
      throw new DiscordAdapterError(
        'DISCORD_LOGIN_FAILED',
        'DISCORD_TOKEN (discord.token) is not set: the Discord adapter cannot connect.',
      );
    }
    let client: Client;
    try {
      client = await this.connectWithRetry(handlers, this.config.messageContent);
      this.log.info(
        this.config.messageContent
          ? 'discord: Message Content intent on — messages in digest threads are answered without a mention'
          : 'discord: Message Content intent off (DISCORD_MESSAGE_CONTENT=false) — in digest threads the bot answers only mentions and /trade-news; see docs/discord.md',
      );
    } catch (err) {
      if (!(this.config.messageContent && err instanceof Error && /disallowed intents/i.test(err.message)))
        throw this.loginError(err);
      this.log.warn(
        'discord: Message Content intent is not enabled for this app (Developer Portal → Bot → Privileged Gateway Intents) — connected without it: in digest threads the bot answers only mentions and /trade-news; see docs/discord.md',
      );
      client = await this.connect(handlers, false).catch((again: unknown) => Promise.reject(this.loginError(again)));
    }
    this.client = client;
    this.checkApplication(client);
    if (this.opts.registerCommands !== false && this.config.applicationId !== undefined) {
      await registerCommands(
        client.rest,
        { applicationId: this.config.applicationId, guildId: this.config.guildId },
        this.log,
      ).catch((err: unknown) => {
        this.log.error(
          { err, guild: this.config.guildId },
          `discord: could not register /trade-news (${err instanceof Error ? err.message : String(err)}) — invite the bot with the applications.commands scope, or run npm run discord:register`,
        );
      });
    }
  }

  /** `connect`, again after a logged, doubling pause while Discord cannot be reached; other failures at once. */
  private connectWithRetry(handlers: ChatHandlers, messageContent: boolean): Promise<Client> {
    const retry = this.opts.connectRetry ?? { attempts: 4, firstDelayMs: 1000 };
    return withConnectRetry(() => this.connect(handlers, messageContent), {
      ...retry,
      host: apiHost(this.config.apiUrl),
      log: this.log,
    });
  }

  /** Log in and wait until the guilds have arrived, with the event handlers attached. */
  private async connect(handlers: ChatHandlers, messageContent: boolean): Promise<Client> {
    const client = createClient(this.config, this.log, messageContent, this.opts.clientOptions);
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    const interaction = {
      platform: PLATFORM,
      ephemeral: this.config.ephemeral,
      budgetMs: this.opts.answerBudgetMs ?? 1500,
    };
    client.on(Events.InteractionCreate, (i) => {
      if (i.isChatInputCommand()) void handleInteraction(i, handlers, interaction, this.log);
    });
    client.on(Events.MessageCreate, (m) => {
      const me = client.user?.id;
      if (me !== undefined) void handleMessage(m, me, handlers, PLATFORM, this.log);
    });
    try {
      await client.login(this.config.token);
      await ready;
    } catch (err) {
      await client.destroy().catch(() => undefined);
      throw err;
    }
    this.log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord: connected to the gateway');
    return client;
  }

  private loginError(err: unknown): DiscordAdapterError {
    if (err instanceof DiscordAdapterError) return err;
    const code = (err as { code?: unknown } | null)?.code;
    const message =
      code === 'TokenInvalid'
        ? 'Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the bot token from the Developer Portal → Bot → Reset Token.'
        : `Discord login failed: ${err instanceof Error ? err.message : String(err)}`;
    return new DiscordAdapterError('DISCORD_LOGIN_FAILED', message, undefined, { cause: err });
  }

  private checkApplication(client: Client): void {
    const actual = client.application?.id;
    if (actual && this.config.applicationId !== undefined && actual !== this.config.applicationId) {
      this.log.warn(
        { configured: this.config.applicationId, actual },
        'discord: DISCORD_APPLICATION_ID does not match the application of DISCORD_TOKEN — /trade-news is registered for the wrong app',
      );
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.destroy();
  }

  private started(): Client {
    if (!this.client)
      throw new DiscordAdapterError('DISCORD_NOT_STARTED', 'The Discord adapter is not started (call start() first).');
    return this.client;
  }

  /** A channel the bot can send in, or a coded error naming it. */
  private async sendable(id: string, step: Step, quiet = false): Promise<SendableChannels> {
    const client = this.started();
    let channel = client.channels.cache.get(id) ?? null;
    if (!channel) {
      try {
        channel = await client.channels.fetch(id);
      } catch (err) {
        if (isPermissionError(err)) throw this.logged(permissionError(client, null, id, step, err));
        if (isUnknownChannel(err)) {
          const unknown = new DiscordAdapterError(
            'DISCORD_UNKNOWN_CHANNEL',
            `Discord channel ${id} does not exist or the bot cannot see it.`,
            id,
          );
          throw quiet ? unknown : this.logged(unknown);
        }
        throw err;
      }
    }
    if (!channel?.isSendable()) {
      throw this.logged(
        new DiscordAdapterError(
          'DISCORD_NOT_SENDABLE',
          `Discord channel ${channelLabel(channel, id)} is not a text channel the bot can post in.`,
          id,
        ),
      );
    }
    return channel;
  }

  private logged(err: DiscordAdapterError): DiscordAdapterError {
    this.log.error({ channel: err.channel, code: err.code }, `discord: ${err.message}`);
    return err;
  }

  async postDigest(channelId: string, digest: Digest, opts?: { readonly digestId?: string }): Promise<PostedDigest> {
    const client = this.started();
    const channel = await this.sendable(channelId, 'post');
    let sent: Message[];
    try {
      // The digest id rides as the messages' nonces and as a mark in the first one (see digestMark).
      sent = await sendAll(
        channel,
        renderDigest(digest, opts?.digestId),
        opts?.digestId === undefined ? {} : { digestId: opts.digestId },
      );
    } catch (err) {
      if (isPermissionError(err)) throw this.logged(permissionError(client, channel, channelId, 'post', err));
      throw err;
    }
    const first = sent[0];
    if (!first)
      throw new DiscordAdapterError('DISCORD_NOT_SENDABLE', `Nothing was posted to channel ${channelId}.`, channelId);
    const thread = await this.startThread(first, channelId, digest, opts?.digestId);
    return { messageId: first.id, messageIds: sent.map((m) => m.id), thread };
  }

  /**
   * The digest's first message posted earlier with this digest id (its message id), from the
   * channel's recent messages; null when not found or unreadable (logged). See find-posted.ts.
   */
  async findPosted(channelId: string, digestId: string): Promise<{ readonly messageId: string } | null> {
    return findPostedDigest(this.started(), this.log, channelId, digestId);
  }

  /**
   * A thread on the digest's first message; if Discord refuses, the message itself stands for it.
   * A first message that already has one (a repeated nonce answered with the earlier message) keeps it.
   */
  private async startThread(first: Message, channelId: string, digest: Digest, digestId?: string): Promise<ThreadRef> {
    // A thread started on a message has the message's id; the cache knows it in this process, the flag after a restart.
    if (first.hasThread || first.thread !== null) return { platform: PLATFORM, channel: channelId, thread: first.id };
    try {
      const thread = await first.startThread({
        name: clip(digestTitle(digest), LIMITS.threadName),
        autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek,
        reason: digestId === undefined ? 'trade-news digest' : `trade-news digest ${digestId}`,
      });
      return { platform: PLATFORM, channel: channelId, thread: thread.id };
    } catch (err) {
      const why = isPermissionError(err)
        ? permissionError(this.started(), first.channel, channelId, 'thread', err).message
        : String(err);
      this.log.error(
        { channel: channelId, message: first.id },
        `discord: digest posted but no thread started — ${why}; follow-ups will be answered in a thread users start on message ${first.id}, or with a mention`,
      );
      return { platform: PLATFORM, channel: channelId, thread: first.id };
    }
  }

  async reply(thread: ThreadRef, reply: BotReply): Promise<void> {
    const messages = renderReply(reply);
    if (thread.thread !== thread.channel) {
      const inThread = await this.sendable(thread.thread, 'reply', true).catch((err: unknown) => {
        if (err instanceof DiscordAdapterError && err.code === 'DISCORD_UNKNOWN_CHANNEL') return null;
        throw err;
      });
      // A thread id that is no channel is a message (a digest whose thread could not be started).
      if (inThread) return void (await sendAll(inThread, messages));
      return void (await sendAll(await this.sendable(thread.channel, 'post'), messages, { replyTo: thread.thread }));
    }
    await sendAll(await this.sendable(thread.channel, 'post'), messages);
  }
}

/** The Discord adapter for the composition root: `await adapter.start(bot.handlers)`, then post digests. */
export function createDiscordAdapter(
  config: DiscordConfig,
  log: Logger,
  opts: DiscordAdapterOptions = {},
): DiscordAdapter {
  return new DiscordAdapter(config, log, opts);
}

import { PermissionFlagsBits } from 'discord.js';
import type { DiscordConfig } from '../../../../src/config/discord-section.ts';
import { FakeGateway } from './fake-gateway.ts';
import { FakeRest, snowflake, type RecordedRequest } from './fake-rest.ts';

/** What the bot may do in the fake guild (its @everyone role). */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.SendMessagesInThreads;

export interface FakeDiscordOptions {
  readonly disallowedIntents?: number;
  readonly heartbeatIntervalMs?: number;
}

type Json = Record<string, any>;

/**
 * A small Discord on loopback: one guild with text channels, a bot user and a human,
 * a REST API and a gateway that the real discord.js client talks to.
 */
export class FakeDiscord {
  readonly appId = snowflake();
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly bot = {
    id: this.appId,
    username: 'trade-news',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
  };
  readonly human = { id: snowflake(), username: 'ana', discriminator: '0', global_name: 'Ana', avatar: null };
  readonly rest = new FakeRest();
  readonly gateway: FakeGateway;
  /** Channels by id (text channels and threads), as the API returns them. */
  readonly channels = new Map<string, Json>();
  /** Registered commands by route (`global` or the guild id). */
  readonly commands = new Map<string, Json[]>();
  /** Messages by channel id, oldest first, as the API returns them (plus the create call's `nonce`). */
  readonly messages = new Map<string, Json[]>();

  constructor(opts: FakeDiscordOptions = {}) {
    this.addTextChannel(this.channelId, 'trade-news');
    this.gateway = new FakeGateway({
      ready: () => ({
        user: { ...this.bot, verified: true, mfa_enabled: false, flags: 0 },
        guilds: [{ id: this.guildId, unavailable: true }],
        application: { id: this.appId, flags: 0 },
        shard: [0, 1],
      }),
      guilds: () => [this.guildCreate()],
      ...(opts.disallowedIntents === undefined ? {} : { disallowedIntents: opts.disallowedIntents }),
      ...(opts.heartbeatIntervalMs === undefined ? {} : { heartbeatIntervalMs: opts.heartbeatIntervalMs }),
    });
    this.routes();
  }

  async start(): Promise<this> {
    await Promise.all([this.rest.listen(), this.gateway.listen()]);
    return this;
  }

  async close(): Promise<void> {
    await Promise.all([this.rest.close(), this.gateway.close()]);
  }

  config(over: Partial<DiscordConfig> = {}): DiscordConfig {
    return {
      token: 'fake-token',
      applicationId: this.appId,
      apiUrl: this.rest.url,
      messageContent: true,
      ephemeral: true,
      ...over,
    };
  }

  /** A text channel in the guild; `deny` removes permissions from everyone there (the bot included). */
  addTextChannel(id: string, name: string, deny = 0n): string {
    const overwrites = deny === 0n ? [] : [{ id: this.guildId, type: 0, allow: '0', deny: deny.toString() }];
    this.channels.set(id, {
      id,
      type: 0,
      guild_id: this.guildId,
      name,
      position: this.channels.size,
      permission_overwrites: overwrites,
      parent_id: null,
      nsfw: false,
      topic: null,
      rate_limit_per_user: 0,
      last_message_id: null,
    });
    return id;
  }

  private thread(id: string, parent: string, name: string): Json {
    const meta = {
      archived: false,
      auto_archive_duration: 10080,
      archive_timestamp: new Date().toISOString(),
      locked: false,
    };
    return {
      id,
      type: 11,
      guild_id: this.guildId,
      parent_id: parent,
      owner_id: this.bot.id,
      name,
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      thread_metadata: meta,
      total_message_sent: 0,
      flags: 0,
    };
  }

  /** A thread someone else started in `parent`, announced over the gateway. */
  addThread(parent = this.channelId): string {
    const t = this.thread(snowflake(), parent, 'other thread');
    this.channels.set(t.id, t);
    this.gateway.dispatch('THREAD_CREATE', { ...t, newly_created: true });
    return t.id;
  }

  private guildCreate(): Json {
    const everyone = {
      id: this.guildId,
      name: '@everyone',
      permissions: BOT_PERMISSIONS.toString(),
      position: 0,
      color: 0,
      hoist: false,
      managed: false,
      mentionable: false,
      flags: 0,
    };
    const member = {
      user: this.bot,
      roles: [],
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
    };
    return {
      id: this.guildId,
      name: 'Fake Guild',
      icon: null,
      owner_id: this.human.id,
      unavailable: false,
      member_count: 2,
      large: false,
      joined_at: new Date().toISOString(),
      roles: [everyone],
      members: [member],
      emojis: [],
      stickers: [],
      features: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      preferred_locale: 'en-US',
      channels: [...this.channels.values()].filter((c) => c.type === 0),
      threads: [],
    };
  }

  private message(channelId: string, body: Json, author: Json = this.bot): Json {
    return {
      id: snowflake(),
      channel_id: channelId,
      guild_id: this.guildId,
      author,
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      pinned: false,
      type: 0,
      flags: 0,
      components: [],
      ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
    };
  }

  /** Keeps a message in its channel's history. */
  store(message: Json): Json {
    this.messages.set(message.channel_id, [...(this.messages.get(message.channel_id) ?? []), message]);
    return message;
  }

  /** A message `author` (default: the human) wrote in `channelId` earlier, kept in its history only. */
  addMessage(channelId: string, body: Json, author: Json = this.human): string {
    return this.store(this.message(channelId, body, author)).id;
  }

  /**
   * POST /channels/:id/messages: a message with `enforce_nonce` whose nonce the bot already
   * used in this channel gets that message back (Discord's dedup), else a new one is kept.
   */
  private create(channelId: string, body: Json): Json {
    if (body.enforce_nonce === true && body.nonce !== undefined) {
      const earlier = (this.messages.get(channelId) ?? []).find(
        (m) => m.nonce === body.nonce && m.author.id === this.bot.id,
      );
      if (earlier) return earlier;
    }
    return this.store(this.message(channelId, body));
  }

  /** GET /channels/:id/messages: the newest `limit` (1–100, default 50) older than `before`, newest first, without nonces. */
  private history(channelId: string, query: URLSearchParams): Json[] {
    const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50) || 50));
    const before = query.get('before');
    return [...(this.messages.get(channelId) ?? [])]
      .filter((m) => before === null || BigInt(m.id) < BigInt(before))
      .reverse()
      .slice(0, limit)
      .map(({ nonce: _n, ...m }) => m);
  }

  private routes(): void {
    const r = this.rest;
    r.on('GET', /^\/gateway\/bot$/, () => ({
      status: 200,
      body: {
        url: this.gateway.url,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      },
    }));
    r.on('GET', /^\/users\/@me$/, () => ({ status: 200, body: this.bot }));
    const cmds = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/;
    r.on('GET', cmds, ({ params }) => ({ status: 200, body: this.commands.get(params[1] ?? 'global') ?? [] }));
    r.on('PUT', cmds, ({ params, json }) => {
      const list = (json as Json[]).map((c) => ({
        ...c,
        id: c.id ?? snowflake(),
        application_id: this.appId,
        version: snowflake(),
        type: c.type ?? 1,
        default_member_permissions: null,
        nsfw: false,
      }));
      this.commands.set(params[1] ?? 'global', list);
      return { status: 200, body: list };
    });
    r.on('GET', /^\/channels\/([^/]+)$/, ({ params }) => {
      const c = this.channels.get(params[0] ?? '');
      return c ? { status: 200, body: c } : { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    });
    r.on('POST', /^\/channels\/([^/]+)\/messages$/, ({ params, json }) => {
      const id = params[0] ?? '';
      if (!this.channels.has(id)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
      return { status: 200, body: this.create(id, json) };
    });
    r.on('GET', /^\/channels\/([^/]+)\/messages$/, ({ params, query }) => {
      const id = params[0] ?? '';
      if (!this.channels.has(id)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
      return { status: 200, body: this.history(id, query) };
    });
    r.on('POST', /^\/channels\/([^/]+)\/messages\/([^/]+)\/threads$/, ({ params, json }) => {
      const t = this.thread(params[1] ?? '', params[0] ?? '', json.name);
      this.channels.set(t.id, t);
      const start = (this.messages.get(params[0] ?? '') ?? []).find((m) => m.id === params[1]);
      if (start) Object.assign(start, { flags: start.flags | 32, thread: t }); // HAS_THREAD
      return { status: 201, body: t };
    });
    r.on('POST', /^\/interactions\/[^/]+\/[^/]+\/callback$/, () => ({ status: 204 }));
    r.on('PATCH', /^\/webhooks\/[^/]+\/[^/]+\/messages\/@original$/, ({ json }) => ({
      status: 200,
      body: this.message(this.channelId, json),
    }));
    r.on('POST', /^\/webhooks\/[^/]+\/[^/]+$/, ({ json }) => ({
      status: 200,
      body: this.message(this.channelId, json),
    }));
  }

  /** A user runs `/trade-news <sub> [option]` in `channelId` (a channel or thread); returns the interaction's token. */
  slashCommand(sub: string, option?: { name: string; value: string }, channelId = this.channelId): string {
    const token = `tok-${snowflake()}`;
    const channel = this.channels.get(channelId) ?? { id: channelId, type: 0, guild_id: this.guildId, name: 'unknown' };
    const member = {
      user: this.human,
      roles: [],
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      permissions: BOT_PERMISSIONS.toString(),
    };
    this.gateway.dispatch('INTERACTION_CREATE', {
      id: snowflake(),
      application_id: this.appId,
      type: 2,
      token,
      version: 1,
      data: {
        id: snowflake(),
        name: 'trade-news',
        type: 1,
        guild_id: this.guildId,
        options: [{ type: 1, name: sub, options: option ? [{ type: 3, ...option }] : [] }],
      },
      guild_id: this.guildId,
      channel,
      channel_id: channelId,
      member,
      app_permissions: BOT_PERMISSIONS.toString(),
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { 0: this.guildId },
      context: 0,
      attachment_size_limit: 8_388_608,
    });
    return token;
  }

  /** A user writes `content` in `channelId`; `mention` adds a mention of the bot. Returns the message id. */
  userMessage(channelId: string, content: string, opts: { mention?: boolean } = {}): string {
    const text = opts.mention ? `<@${this.bot.id}> ${content}` : content;
    const msg: Json = {
      ...this.message(channelId, { content: text }, this.human),
      mentions: opts.mention ? [this.bot] : [],
    };
    this.gateway.dispatch('MESSAGE_CREATE', {
      ...msg,
      member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
    });
    return msg.id;
  }

  /** Requests that send something users see: channel messages, threads, interaction callbacks and webhooks. */
  outbound(): RecordedRequest[] {
    return this.rest.requests.filter(
      (q) => q.method !== 'GET' && /\/messages|\/threads|\/callback|\/webhooks\//.test(q.path),
    );
  }

  /** Wait for the interaction answer: an immediate reply, or the edit after a deferral. */
  async interactionAnswer(
    token: string,
    timeoutMs = 6000,
  ): Promise<{ callback: RecordedRequest; answer: RecordedRequest }> {
    const callback = await this.rest.waitFor(
      (q) => q.method === 'POST' && q.path.includes(`/${token}/callback`),
      timeoutMs,
    );
    if (callback.json?.type === 4) return { callback, answer: callback };
    const answer = await this.rest.waitFor(
      (q) => q.method === 'PATCH' && q.path.includes(`/${token}/messages/@original`),
      timeoutMs,
    );
    return { callback, answer };
  }
}

/** What a user reads in a message body (content, embed titles, descriptions, fields, footers). */
export function visibleText(body: any): string {
  const data = body?.data ?? body ?? {};
  const embeds = (data.embeds ?? []) as Json[];
  const parts = [
    data.content ?? '',
    ...embeds.flatMap((e) => [
      e.title,
      e.description,
      ...(e.fields ?? []).flatMap((f: Json) => [f.name, f.value]),
      e.footer?.text,
    ]),
  ];
  return parts.filter((p) => typeof p === 'string' && p !== '').join('\n');
}

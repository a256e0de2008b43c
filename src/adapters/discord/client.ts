import { Client, Events, GatewayIntentBits, Options, RESTEvents, type ClientOptions } from 'discord.js';
import type { DiscordConfig } from '../../config/discord-section.ts';
import type { Logger } from '../../log/logger.ts';
import { NO_MENTIONS } from './send.ts';

/**
 * The discord.js client this adapter runs on: the intents it needs, small caches, mentions
 * off by default, REST pointed at `config.apiUrl` when set, and its warnings in our log.
 * Rate limits are waited out by @discordjs/rest; reconnects and resumes by @discordjs/ws.
 */
export function createClient(
  config: DiscordConfig,
  log: Logger,
  messageContent: boolean,
  extra: Partial<ClientOptions> = {},
): Client {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  if (messageContent) intents.push(GatewayIntentBits.MessageContent);
  const client = new Client({
    intents,
    allowedMentions: NO_MENTIONS,
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 25,
      ReactionManager: 0,
      PresenceManager: 0,
      GuildMemberManager: { maxSize: 50, keepOverLimit: (m) => m.id === m.client.user.id },
    }),
    sweepers: Options.DefaultSweeperSettings,
    ...extra,
    rest: { ...(config.apiUrl === undefined ? {} : { api: config.apiUrl }), ...extra.rest },
  });
  watch(client, log);
  return client;
}

function watch(client: Client, log: Logger): void {
  client.rest.on(RESTEvents.RateLimited, (info) => {
    log.warn(
      { route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global, scope: info.scope },
      `discord: rate limited on ${info.method.toUpperCase()} ${info.route} — waiting ${info.retryAfter} ms`,
    );
  });
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== 429) return;
    log.warn(
      { route: request.route, method: request.method, retryAfter: response.headers.get('retry-after') },
      `discord: 429 Too Many Requests on ${request.method} ${request.route} — discord.js retries it`,
    );
  });
  client.rest.on(RESTEvents.InvalidRequestWarning, (info) => {
    log.warn(
      { count: info.count, remainingTimeMs: info.remainingTime },
      'discord: many invalid requests (401/403/429) — check permissions',
    );
  });
  client.on(Events.ShardReconnecting, (shard) =>
    log.warn({ shard }, 'discord: gateway connection lost — reconnecting'),
  );
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'discord: gateway session resumed'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.error({ shard, code: event.code }, 'discord: gateway closed for good'),
  );
  client.on(Events.ShardError, (err, shard) => log.warn({ err, shard }, 'discord: gateway error'));
  client.on(Events.Error, (err) => log.error({ err }, 'discord: client error'));
  client.on(Events.Warn, (message) => log.warn(`discord: ${message}`));
}

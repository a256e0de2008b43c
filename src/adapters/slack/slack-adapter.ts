import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type webApi } from '@slack/bolt';
import { hostOf, networkReason, withAttemptLog } from './network.ts';
import type { Digest } from '../../domain/types.ts';
import type { ThreadRef } from '../../domain/thread-ref.ts';
import type { BotReply } from '../../chat/replies.ts';
import type { Logger } from '../../log/logger.ts';
import type { ChatAdapter, ChatHandlers, PostedDigest } from '../../chat/chat-adapter.ts';
import { boltLogger } from './bolt-logger.ts';
import { findPostedDigest } from './find-posted.ts';
import { SlackAdapterError, isAuthError, slackErrorCode } from './errors.ts';
import { PLATFORM } from './inbound.ts';
import { guardSlackServer } from './http-guard.ts';
import { registerListeners, type HandledEvent } from './listeners.ts';
import { renderReply } from './render-blocks.ts';
import { renderDigestMessages } from './render-digest.ts';
import { SlackPoster } from './slack-post.ts';
import { slackMode, type SlackConfig, type SlackMode } from './slack-config.ts';

export type { HandledEvent } from './listeners.ts';

export interface SlackAdapterOptions {
  /**
   * Retries of a failed Web API call (p-retry options). A 429 is always honoured: the client
   * waits for Retry-After, then retries within this budget. Default: 5 retries, 1 s → 30 s backoff.
   */
  readonly retryConfig?: webApi.RetryOptions;
  /** Timeout of one Web API request (default 30 s). */
  readonly requestTimeoutMs?: number;
  /** How long `stop()` waits for answers still being written (default 10 s). */
  readonly drainTimeoutMs?: number;
  /** Called after each incoming command or message was answered, ignored or failed. */
  readonly onHandled?: (event: HandledEvent) => void;
  /** Clock for the signature window of HTTP mode, ms since the epoch (default Date.now). */
  readonly now?: () => number;
}

/** 5 retries, 1 s doubling to at most 10 s: a failing call gives up after about half a minute. */
const DEFAULT_RETRY: webApi.RetryOptions = {
  retries: 5,
  factor: 2,
  minTimeout: 1000,
  maxTimeout: 10_000,
  randomize: true,
};

/**
 * The Slack adapter on Bolt: Socket Mode or HTTP (Events API + slash-command request URL at
 * `/slack/events`). Digests and thread replies go through chat.postMessage, `/trade-news`
 * answers through the command's response_url.
 */
export class SlackAdapter implements ChatAdapter {
  readonly platform = PLATFORM;
  readonly mode: SlackMode;
  private readonly app: App;
  private readonly poster: SlackPoster;
  private state: 'new' | 'starting' | 'running' | 'stopped' = 'new';
  private starting: Promise<void> | undefined;
  private server: Server | undefined;
  private readonly inflight = new Set<Promise<void>>();

  constructor(
    private readonly config: SlackConfig & { botToken: string },
    private readonly log: Logger,
    private readonly opts: SlackAdapterOptions = {},
  ) {
    this.mode = slackMode(config);
    const host = hostOf(config.apiUrl);
    const retry = opts.retryConfig ?? DEFAULT_RETRY;
    const clientOptions: webApi.WebClientOptions = {
      slackApiUrl: config.apiUrl,
      retryConfig: withAttemptLog(retry, (error) => {
        if (error.retriesLeft > 0)
          log.warn(
            { host, attempt: error.attemptNumber, retriesLeft: error.retriesLeft },
            `Slack API at ${host} failed (${networkReason(error)}); retrying`,
          );
      }),
      // Wait for Retry-After and retry instead of failing the call (the @slack/web-api default, made explicit).
      rejectRateLimitedCalls: false,
      timeout: opts.requestTimeoutMs ?? 30_000,
    };
    const common = {
      token: config.botToken,
      logger: boltLogger(log),
      clientOptions,
      convoStore: false as const,
      deferInitialization: true,
    };
    if (this.mode === 'socket') {
      if (config.appToken === undefined)
        throw new SlackAdapterError(
          'SLACK_CONFIG',
          'Socket Mode needs SLACK_APP_TOKEN (an xapp- app-level token with connections:write)',
        );
      this.app = new App({ ...common, socketMode: true, appToken: config.appToken });
    } else {
      if (config.signingSecret === undefined)
        throw new SlackAdapterError(
          'SLACK_CONFIG',
          'HTTP mode needs SLACK_SIGNING_SECRET (Basic Information → App Credentials)',
        );
      this.app = new App({
        ...common,
        signingSecret: config.signingSecret,
        port: config.port,
        processBeforeResponse: false,
      });
    }
    this.poster = new SlackPoster(this.app.client, log.child({ component: 'slack' }));
  }

  /** HTTP mode, once started: the port the request URL listens on. */
  get port(): number | undefined {
    const address = this.server?.address();
    return typeof address === 'object' && address !== null ? (address as AddressInfo).port : undefined;
  }

  start(handlers: ChatHandlers): Promise<void> {
    if (this.state !== 'new')
      return Promise.reject(
        new SlackAdapterError('SLACK_START_FAILED', `start() called twice (adapter is ${this.state})`),
      );
    this.state = 'starting';
    registerListeners(this.app, {
      handlers,
      log: this.log,
      commandResponse: this.config.commandResponse,
      replyInThread: (thread, reply) => this.reply(thread, reply),
      track: (work) => this.track(work),
      onHandled: this.opts.onHandled,
    });
    this.starting = this.connect();
    return this.starting;
  }

  private async connect(): Promise<void> {
    try {
      await this.app.init(); // auth.test: a bad bot token stops here
    } catch (err) {
      this.state = 'stopped';
      throw this.startError('SLACK_BOT_TOKEN', err);
    }
    try {
      if (this.mode === 'http') {
        this.server = (await this.app.start({
          port: this.config.port,
          host: this.config.host,
        } as unknown as number)) as Server;
        guardSlackServer(this.server, { endpoint: '/slack/events', now: this.opts.now ?? Date.now });
      } else await this.app.start();
    } catch (err) {
      this.state = 'stopped';
      throw this.startError('SLACK_APP_TOKEN', err);
    }
    this.state = 'running';
    this.log.info(
      {
        mode: this.mode,
        ...(this.mode === 'http' ? { host: this.config.host, port: this.port, path: '/slack/events' } : {}),
      },
      'Slack adapter connected',
    );
  }

  private startError(token: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN', err: unknown): SlackAdapterError {
    const code = slackErrorCode(err);
    if (isAuthError(err)) {
      const fix =
        token === 'SLACK_BOT_TOKEN'
          ? 'check the xoxb- Bot User OAuth Token (OAuth & Permissions) and that the app is installed in the workspace'
          : 'check the xapp- app-level token (Basic Information → App-Level Tokens, scope connections:write) and that Socket Mode is on';
      // Not logged here: the caller reports the error once (the start-up failure line).
      return new SlackAdapterError('SLACK_AUTH_FAILED', `Slack rejected ${token} (${code}): ${fix}`, code, {
        cause: err,
      });
    }
    if ((err as { code?: unknown }).code === 'EADDRINUSE') {
      return new SlackAdapterError(
        'SLACK_START_FAILED',
        `Could not start the Slack adapter (${this.mode} mode): port ${this.config.port} is in use, set SLACK_PORT`,
        code,
        { cause: err },
      );
    }
    const host = hostOf(this.config.apiUrl);
    const unreachable = code.startsWith('request_failed') || code.startsWith('http_5');
    const message = unreachable
      ? `Could not reach Slack at ${host} (slack.apiUrl / SLACK_API_URL) in ${this.mode} mode: ${networkReason(err)} — check the network, a proxy, or SLACK_API_URL`
      : `Could not start the Slack adapter (${this.mode} mode, ${host}): ${code}`;
    return new SlackAdapterError('SLACK_START_FAILED', message, code, { cause: err });
  }

  async stop(): Promise<void> {
    if (this.state === 'starting') await this.starting?.catch(() => undefined);
    const wasRunning = this.state === 'running';
    this.state = 'stopped';
    if (wasRunning) {
      try {
        await this.app.stop();
      } catch (err) {
        this.log.warn({ err }, 'stopping the Slack receiver failed');
      }
      this.server = undefined;
    }
    await this.drain();
  }

  async postDigest(channel: string, digest: Digest, opts?: { readonly digestId?: string }): Promise<PostedDigest> {
    const messages = renderDigestMessages(digest);
    const ids: string[] = [];
    let where = channel;
    for (const message of messages) {
      const parent = ids[0];
      try {
        const posted = await this.poster.post(
          {
            channel: where,
            ...(parent === undefined ? {} : { threadTs: parent }),
            ...(opts?.digestId === undefined ? {} : { digestId: opts.digestId }),
          },
          message,
        );
        if (parent === undefined) where = posted.channel; // a channel name resolves to its id
        ids.push(posted.ts);
      } catch (err) {
        if (ids.length > 0)
          this.log.error({ channel: where, posted: ids.length, of: messages.length }, 'digest only partly posted');
        throw err;
      }
    }
    const first = ids[0];
    if (first === undefined) throw new SlackAdapterError('SLACK_POST_FAILED', 'the digest rendered to no message');
    return { messageId: first, messageIds: ids, thread: { platform: PLATFORM, channel: where, thread: first } };
  }

  /**
   * The digest posted earlier with this id (its first message's ts), read back from the
   * channel's history by the metadata every digest message carries; null when not found or
   * when the history cannot be read (logged). See find-posted.ts.
   */
  findPosted(channel: string, digestId: string): Promise<{ readonly messageId: string } | null> {
    return findPostedDigest(this.app.client, this.log.child({ component: 'slack' }), channel, digestId);
  }

  async reply(thread: ThreadRef, reply: BotReply): Promise<void> {
    for (const message of renderReply(reply))
      await this.poster.post({ channel: thread.channel, threadTs: thread.thread }, message);
  }

  async replyEphemeral(thread: ThreadRef, user: string, reply: BotReply): Promise<void> {
    for (const message of renderReply(reply))
      await this.poster.postEphemeral({ channel: thread.channel, threadTs: thread.thread }, user, message);
  }

  private track(work: Promise<void>): Promise<void> {
    const done = work.catch((err: unknown) => this.log.error({ err }, 'Slack handler failed'));
    this.inflight.add(done);
    void done.finally(() => this.inflight.delete(done));
    return done;
  }

  private async drain(): Promise<void> {
    if (this.inflight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.opts.drainTimeoutMs ?? 10_000)));
    await Promise.race([Promise.allSettled([...this.inflight]).then(() => undefined), timeout]);
    clearTimeout(timer);
  }
}

/** The composition root's entry: a Slack adapter when `config.botToken` is set (see slackEnabled). */
export function createSlackAdapter(config: SlackConfig, log: Logger, opts: SlackAdapterOptions = {}): SlackAdapter {
  const { botToken } = config;
  if (botToken === undefined)
    throw new SlackAdapterError('SLACK_CONFIG', 'Slack needs SLACK_BOT_TOKEN (slack.botToken), an xoxb- bot token');
  return new SlackAdapter({ ...config, botToken }, log, opts);
}

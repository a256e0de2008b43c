import { createHmac } from 'node:crypto';
import type { ChatHandlers, IncomingCommand, IncomingMessage } from '../../../../src/chat/chat-adapter.ts';
import type { BotReply } from '../../../../src/chat/replies.ts';
import type { SlackConfig } from '../../../../src/adapters/slack/slack-config.ts';
import {
  createSlackAdapter,
  type HandledEvent,
  type SlackAdapter,
  type SlackAdapterOptions,
} from '../../../../src/adapters/slack/slack-adapter.ts';
import { silentLogger } from '../../../../src/log/logger.ts';
import { BOT_USER_ID, GOOD_APP_TOKEN, GOOD_BOT_TOKEN, type FakeSlack } from './fake-slack.ts';

export const SIGNING_SECRET = 'fake-signing-secret-0123456789abcdef';

/** Retries fast so tests stay short; a 429 still waits its full Retry-After. */
export const FAST_RETRY = { retries: 3, factor: 1, minTimeout: 10, maxTimeout: 50 };

export function slackConfig(fake: FakeSlack, mode: 'socket' | 'http', over: Partial<SlackConfig> = {}): SlackConfig {
  return {
    botToken: GOOD_BOT_TOKEN,
    ...(mode === 'socket' ? { appToken: GOOD_APP_TOKEN } : { signingSecret: SIGNING_SECRET }),
    mode,
    apiUrl: fake.apiUrl,
    port: 0,
    host: '127.0.0.1',
    commandResponse: 'ephemeral',
    ...over,
  };
}

/** An adapter wired to the fake, with a log of what happened to each incoming event. */
export function adapterFor(
  fake: FakeSlack,
  mode: 'socket' | 'http',
  over: Partial<SlackConfig> = {},
  opts: SlackAdapterOptions = {},
): { adapter: SlackAdapter; handled: HandledEvent[] } {
  const handled: HandledEvent[] = [];
  const adapter = createSlackAdapter(slackConfig(fake, mode, over), silentLogger(), {
    retryConfig: FAST_RETRY,
    onHandled: (e) => handled.push(e),
    ...opts,
  });
  return { adapter, handled };
}

/** Handlers that record what they get and answer with a notice; commands optionally slowly. */
export function recordingHandlers(
  commandDelayMs = 0,
): ChatHandlers & { commands: IncomingCommand[]; messages: IncomingMessage[] } {
  const commands: IncomingCommand[] = [];
  const messages: IncomingMessage[] = [];
  return {
    commands,
    messages,
    onCommand: (c) => {
      commands.push(c);
      return new Promise<BotReply>((r) =>
        setTimeout(() => r({ kind: 'notice', text: `you asked: ${c.text}` }), commandDelayMs),
      );
    },
    onMessage: (m) => {
      messages.push(m);
      return Promise.resolve<BotReply>({ kind: 'notice', text: `re: ${m.text}` });
    },
  };
}

/** Slack's v0 request signature: `v0=` + HMAC-SHA256(secret, `v0:<timestamp>:<body>`). */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** A slash-command payload as Slack sends it (a form body over HTTP, a JSON object over Socket Mode). */
export function commandPayload(
  fake: FakeSlack,
  text: string,
  id = 'cmd-1',
  channel = 'C0DIGEST',
): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0001',
    team_domain: 'fake',
    channel_id: channel,
    channel_name: 'trade-news',
    user_id: 'U0HUMAN',
    user_name: 'human',
    command: '/trade-news',
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: fake.responseUrl(id),
    trigger_id: 'trigger-1',
  };
}

export function commandBody(fake: FakeSlack, text: string, id = 'cmd-1', channel = 'C0DIGEST'): string {
  return new URLSearchParams(commandPayload(fake, text, id, channel)).toString();
}

/** A `message` event as Slack delivers it, in the events_api envelope payload. */
export function eventPayload(event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0001',
    api_app_id: 'A1',
    event: { event_ts: event['ts'], ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0001', user_id: BOT_USER_ID, is_bot: true }],
  };
}

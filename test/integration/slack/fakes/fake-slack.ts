import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One Web API call the fake received. `args` are the decoded form/JSON fields (blocks and metadata parsed). */
export interface RecordedCall {
  readonly method: string;
  readonly token: string | undefined;
  readonly args: Record<string, unknown>;
  readonly raw: string;
  readonly at: number;
}

/** One POST to a response_url. */
export interface RecordedResponse {
  readonly id: string;
  readonly body: Record<string, unknown>;
  readonly raw: string;
  readonly at: number;
}

/** A canned answer for the next call of a method (used once). */
export interface Scripted {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: Record<string, unknown>;
}

/** A channel message the fake holds, as conversations.history returns it (plus its channel). */
export interface StoredMessage {
  readonly channel: string;
  readonly ts: string;
  readonly text: string;
  readonly user?: string;
  readonly bot_id?: string;
  /** Set on a reply (the parent's ts), and on a parent once it has replies (its own ts). */
  thread_ts?: string;
  reply_count?: number;
  readonly metadata?: Record<string, unknown>;
  readonly blocks?: unknown;
}

export const BOT_USER_ID = 'UBOT0001';
export const BOT_ID = 'BBOT0001';
export const GOOD_BOT_TOKEN = 'xoxb-fake-good';
export const GOOD_APP_TOKEN = 'xapp-fake-good';

/**
 * A Slack stand-in on 127.0.0.1: the Web API at `/api/<method>` (auth.test, chat.postMessage,
 * chat.postEphemeral, apps.connections.open, conversations.history over the messages it
 * keeps), response_urls at `/respond/<id>`, and the Socket Mode WebSocket at `/link`.
 * It records every call and can script failures.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  readonly acks: { envelope_id: string; payload?: unknown }[] = [];
  /** Every message posted (chat.postMessage) or seeded, oldest first. */
  readonly messages: StoredMessage[] = [];
  private readonly scripts = new Map<string, Scripted[]>();
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | undefined;
  private ts = 0;
  private envelopes = 0;
  private port = 0;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/link')) return socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.socket = ws;
        ws.on('message', (data: Buffer) => {
          const msg = JSON.parse(data.toString('utf8')) as { envelope_id: string; payload?: unknown };
          this.acks.push(msg);
        });
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  /** The next call of `method` gets this answer instead of the normal one. */
  script(method: string, answer: Scripted): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), answer]);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** A message someone else wrote in `channel`, newer than everything so far; returns its ts. */
  seed(channel: string, text: string, extra: Partial<StoredMessage> = {}): string {
    const ts = this.nextTs();
    this.messages.push({ channel, ts, text, user: 'U0HUMAN', ...extra });
    return ts;
  }

  get connected(): boolean {
    return this.socket !== undefined && this.socket.readyState === this.socket.OPEN;
  }

  /** Sends a Socket Mode envelope; resolves with Slack's view of the ack (envelope_id + payload). */
  async sendEnvelope(
    type: 'slash_commands' | 'events_api',
    payload: Record<string, unknown>,
    timeoutMs = 3000,
  ): Promise<{ envelope_id: string; payload?: unknown }> {
    const ws = this.socket;
    if (!ws) throw new Error('no Socket Mode connection');
    this.envelopes += 1;
    const envelopeId = `env-${this.envelopes}`;
    ws.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type === 'slash_commands',
        retry_attempt: 0,
        retry_reason: '',
      }),
    );
    return waitFor(() => this.acks.find((a) => a.envelope_id === envelopeId), timeoutMs, `ack of ${envelopeId}`);
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/respond/')) {
      this.responses.push({
        id: url.pathname.slice('/respond/'.length),
        body: JSON.parse(raw) as Record<string, unknown>,
        raw,
        at: Date.now(),
      });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const args = parseArgs(raw, String(req.headers['content-type'] ?? ''));
    this.calls.push({ method, token, args, raw, at: Date.now() });
    const scripted = this.scripts.get(method)?.shift();
    if (scripted) {
      res
        .writeHead(scripted.status ?? 200, { 'content-type': 'application/json', ...scripted.headers })
        .end(JSON.stringify(scripted.body ?? { ok: false, error: 'scripted' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.answer(method, token, args)));
  }

  private answer(method: string, token: string | undefined, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return token === GOOD_BOT_TOKEN
          ? {
              ok: true,
              url: 'https://fake.slack.test/',
              team: 'Fake',
              user: 'trade-news',
              team_id: 'T0001',
              user_id: BOT_USER_ID,
              bot_id: BOT_ID,
            }
          : { ok: false, error: 'invalid_auth' };
      case 'apps.connections.open':
        return token === GOOD_APP_TOKEN
          ? { ok: true, url: `ws://127.0.0.1:${this.port}/link` }
          : { ok: false, error: 'invalid_auth' };
      case 'chat.postMessage': {
        if (token !== GOOD_BOT_TOKEN) return { ok: false, error: 'invalid_auth' };
        const ts = this.store(args);
        return { ok: true, channel: args['channel'], ts, message: { ts, text: args['text'] } };
      }
      case 'conversations.history':
        return token === GOOD_BOT_TOKEN ? this.history(args) : { ok: false, error: 'invalid_auth' };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${1_800_000_000 + this.ts}.000200` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private nextTs(): string {
    this.ts += 1;
    return `${1_800_000_000 + this.ts}.000100`;
  }

  /** Keeps a posted message; a reply marks its parent as a thread. */
  private store(args: Record<string, unknown>): string {
    const ts = this.nextTs();
    const threadTs = typeof args['thread_ts'] === 'string' ? args['thread_ts'] : undefined;
    const metadata = args['metadata'] as Record<string, unknown> | undefined;
    this.messages.push({
      channel: String(args['channel']),
      ts,
      text: String(args['text'] ?? ''),
      user: BOT_USER_ID,
      bot_id: BOT_ID,
      ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
      ...(metadata === undefined ? {} : { metadata }),
      ...(args['blocks'] === undefined ? {} : { blocks: args['blocks'] }),
    });
    const parent = this.messages.find((m) => m.ts === threadTs && m.channel === String(args['channel']));
    if (parent) {
      parent.thread_ts = parent.ts;
      parent.reply_count = (parent.reply_count ?? 0) + 1;
    }
    return ts;
  }

  /**
   * conversations.history: the channel's top-level messages newer than `oldest`, newest first,
   * `limit` per page (cursor-paged); metadata only with `include_all_metadata`.
   */
  private history(args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args['channel']);
    const limit = Math.min(Number(args['limit'] ?? 100) || 100, 999);
    const oldest = Number(args['oldest'] ?? 0);
    const offset = Number(/^off:(\d+)$/.exec(String(args['cursor'] ?? ''))?.[1] ?? 0);
    const withMetadata = args['include_all_metadata'] === true || args['include_all_metadata'] === 'true';
    const all = this.messages
      .filter(
        (m) => m.channel === channel && (m.thread_ts === undefined || m.thread_ts === m.ts) && Number(m.ts) > oldest,
      )
      .reverse();
    const page = all.slice(offset, offset + limit).map(({ channel: _c, metadata, ...m }) => ({
      type: 'message',
      ...m,
      ...(withMetadata && metadata ? { metadata } : {}),
    }));
    const hasMore = offset + limit < all.length;
    return {
      ok: true,
      messages: page,
      has_more: hasMore,
      pin_count: 0,
      response_metadata: { next_cursor: hasMore ? `off:${offset + limit}` : '' },
    };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Fields the WebClient sends JSON-encoded inside a form body. */
const JSON_FIELDS = new Set(['blocks', 'metadata', 'attachments']);

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  return out;
}

/** Polls `probe` until it returns something (or true); rejects after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | undefined | null | false,
  timeoutMs = 3000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

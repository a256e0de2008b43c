import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';

export interface GatewayOptions {
  /** The READY payload's `d` (user, guilds, application, …) — `session_id`/`resume_gateway_url` are filled in. */
  readonly ready: () => Record<string, unknown>;
  /** GUILD_CREATE payloads sent after READY. */
  readonly guilds: () => readonly Record<string, unknown>[];
  readonly heartbeatIntervalMs?: number;
  /** Intents this "application" may not use: an IDENTIFY asking for one is closed with 4014. */
  readonly disallowedIntents?: number;
}

/**
 * A Discord gateway (v10, JSON, no compression) on 127.0.0.1: HELLO, IDENTIFY → READY +
 * GUILD_CREATE, heartbeat → ACK, RESUME → RESUMED, and dispatches pushed by the test.
 */
export class FakeGateway {
  private wss: WebSocketServer | undefined;
  private readonly sockets = new Set<WebSocket>();
  private seq = 0;
  readonly identifies: { intents: number; token: string }[] = [];
  readonly resumes: { session_id: string; seq: number }[] = [];
  heartbeats = 0;
  url = '';

  constructor(private readonly opts: GatewayOptions) {}

  async listen(): Promise<void> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.wss = wss;
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    const { port } = wss.address() as AddressInfo;
    this.url = `ws://127.0.0.1:${port}`;
    wss.on('connection', (ws) => this.accept(ws));
  }

  private send(ws: WebSocket, payload: Record<string, unknown>): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  }

  private sendDispatch(ws: WebSocket, t: string, d: unknown): void {
    this.seq += 1;
    this.send(ws, { op: 0, t, s: this.seq, d });
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    this.send(ws, { op: 10, d: { heartbeat_interval: this.opts.heartbeatIntervalMs ?? 41_250 } });
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: any };
      switch (msg.op) {
        case 1:
          this.heartbeats += 1;
          this.send(ws, { op: 11 });
          return;
        case 2: {
          this.identifies.push({ intents: msg.d.intents, token: msg.d.token });
          if (this.opts.disallowedIntents && (msg.d.intents & this.opts.disallowedIntents) !== 0) {
            ws.close(4014, 'Disallowed intent(s).');
            return;
          }
          this.sendDispatch(ws, 'READY', {
            v: 10,
            session_id: 'fake-session',
            resume_gateway_url: this.url,
            ...this.opts.ready(),
          });
          for (const g of this.opts.guilds()) this.sendDispatch(ws, 'GUILD_CREATE', g);
          return;
        }
        case 6:
          this.resumes.push({ session_id: msg.d.session_id, seq: msg.d.seq });
          this.sendDispatch(ws, 'RESUMED', null);
          return;
        default:
          return;
      }
    });
  }

  /** Push an event to every connected client. */
  dispatch(t: string, d: unknown): void {
    for (const ws of this.sockets) this.sendDispatch(ws, t, d);
  }

  /** Drop every connection with a resumable close code, as a network blip would. */
  drop(code = 4000): void {
    for (const ws of this.sockets) ws.close(code, 'fake drop');
  }

  get connections(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    const wss = this.wss;
    if (wss) await new Promise<void>((resolve) => wss.close(() => resolve()));
  }
}

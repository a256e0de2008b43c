import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the adapter made, as the fake received it (path without `/api/v10`). */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly body: string;
  readonly json: any;
  readonly at: number;
  readonly status: number;
}

/** An injected failure: the next `times` requests matching `method` and `path` get this answer. */
export interface Fault {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  times: number;
}

export type Route = (req: {
  method: string;
  path: string;
  query: URLSearchParams;
  json: any;
  params: string[];
}) => { status: number; body?: unknown } | undefined;

let counter = 0n;
/** A fresh, valid Discord snowflake (discord.js reads timestamps out of message ids). */
export function snowflake(): string {
  counter += 1n;
  return (((BigInt(Date.now()) - 1420070400000n) << 22n) + (counter % 4096n)).toString();
}

/**
 * A Discord REST API on 127.0.0.1 (node:http): routes are registered by the fake Discord,
 * every request is recorded, and faults (429, 403, …) can be injected per route.
 */
export class FakeRest {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: { method: string; re: RegExp; route: Route }[] = [];
  private readonly faults: Fault[] = [];
  private readonly waiters = new Set<() => void>();
  private server: Server | undefined;
  url = '';

  on(method: string, path: RegExp, route: Route): this {
    this.routes.push({ method, re: path, route });
    return this;
  }

  fail(fault: Omit<Fault, 'times'> & { times?: number }): void {
    this.faults.push({ ...fault, times: fault.times ?? 1 });
  }

  async listen(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/api`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Resolves with the first recorded request (already made or coming) that `pred` accepts. */
  waitFor(pred: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const hit = this.requests.find(pred);
        if (!hit) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(hit);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`fake REST: no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const [rawPath = '', query = ''] = (req.url ?? '').split('?');
    const path = decodeURIComponent(rawPath.replace(/^\/api\/v\d+/, ''));
    const method = req.method ?? 'GET';
    let json: any = null;
    try {
      json = body === '' ? null : JSON.parse(body);
    } catch {
      json = null;
    }
    const answer = this.answer(method, path, query, json);
    this.requests.push({ method, path, query, body, json, at: Date.now(), status: answer.status });
    const type = answer.body === undefined ? {} : { 'content-type': 'application/json' };
    res.writeHead(answer.status, { ...type, ...answer.headers });
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    for (const w of [...this.waiters]) w();
  }

  private answer(
    method: string,
    path: string,
    query: string,
    json: any,
  ): { status: number; body?: unknown; headers?: Readonly<Record<string, string>> } {
    const fault = this.faults.find((f) => f.times > 0 && f.method === method && f.path.test(path));
    if (fault) {
      fault.times -= 1;
      return fault.headers === undefined
        ? { status: fault.status, body: fault.body }
        : { status: fault.status, body: fault.body, headers: fault.headers };
    }
    for (const r of this.routes) {
      if (r.method !== method) continue;
      const m = r.re.exec(path);
      if (!m) continue;
      const out = r.route({ method, path, query: new URLSearchParams(query), json, params: m.slice(1) });
      if (out) return out;
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }
}

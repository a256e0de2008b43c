import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** A request the fake saw: path, headers and when. */
export interface SeenRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly at: number;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A feed server on 127.0.0.1 speaking real HTTP: routes by path, records every request.
 * `xml(body, opts)` serves a feed with an ETag (304 to a matching If-None-Match), gzip when asked.
 */
export class FeedServer {
  readonly requests: SeenRequest[] = [];
  readonly routes = new Map<string, Route>();
  private server: Server | null = null;
  port = 0;

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const p = (req.url ?? '/').split('?')[0] ?? '/';
      this.requests.push({ path: p, headers: req.headers, at: Date.now() });
      const route = this.routes.get(p);
      if (!route) res.writeHead(404).end('no such feed');
      else route(req, res);
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
  }

  url(p: string): string {
    return `http://127.0.0.1:${this.port}${p}`;
  }

  hits(p: string): SeenRequest[] {
    return this.requests.filter((r) => r.path === p);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Serve `body()` as a feed with validators derived from its content. */
export function xml(body: () => string, opts: { contentType?: string; validators?: boolean } = {}): Route {
  return (req, res) => {
    const text = body();
    const etag = `"${Buffer.from(text).toString('base64').slice(-16)}${text.length}"`;
    const headers: Record<string, string> = {
      'content-type': opts.contentType ?? 'application/rss+xml; charset=utf-8',
    };
    if (opts.validators !== false) {
      headers['etag'] = etag;
      headers['last-modified'] = 'Mon, 07 Dec 2026 10:00:00 GMT';
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
    }
    if (/gzip/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(text));
    } else res.writeHead(200, headers).end(text);
  };
}

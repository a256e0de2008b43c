import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MetricsRegistry } from './metrics.ts';

/**
 * One health check: ok or not, with details shown in the /healthz body. `degraded` marks a check
 * that is ok for serving but has a part down (a dead feed): /healthz stays 200 with status "degraded".
 */
export interface HealthResult {
  readonly ok: boolean;
  readonly degraded?: boolean;
  readonly detail?: unknown;
}
export type HealthCheck = () => Promise<HealthResult> | HealthResult;

export interface OpsServerOptions {
  readonly port: number;
  readonly host?: string;
  readonly registry: MetricsRegistry;
  /** Named checks; /healthz is 200 when all pass, else 503. */
  readonly checks?: Readonly<Record<string, HealthCheck>>;
}

export interface OpsServer {
  /** The bound port (useful with port 0). */
  readonly port: number;
  close(): Promise<void>;
}

async function health(
  checks: Readonly<Record<string, HealthCheck>>,
): Promise<{ ok: boolean; body: Record<string, unknown> }> {
  const results: Record<string, unknown> = {};
  let ok = true;
  let degraded = false;
  for (const [name, check] of Object.entries(checks)) {
    try {
      const r = await check();
      results[name] = {
        ok: r.ok,
        ...(r.degraded === true ? { degraded: true } : {}),
        ...(r.detail === undefined ? {} : { detail: r.detail }),
      };
      ok &&= r.ok;
      degraded ||= r.degraded === true;
    } catch (err) {
      results[name] = { ok: false, error: err instanceof Error ? err.message : String(err) };
      ok = false;
    }
  }
  return { ok, body: { status: !ok ? 'failing' : degraded ? 'degraded' : 'ok', checks: results } };
}

/**
 * The optional operations port: `GET /healthz` (JSON, 200 or 503) and `GET /metrics`
 * (Prometheus text format). Nothing else is served.
 */
export function startOpsServer(opts: OpsServerOptions): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url === '/metrics') {
      void opts.registry.render().then(
        (text) => res.writeHead(200, { 'content-type': opts.registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
      return;
    }
    if (url === '/healthz') {
      void health(opts.checks ?? {}).then(({ ok, body }) => {
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

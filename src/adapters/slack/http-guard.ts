/**
 * A gate in front of Bolt's HTTP receiver for `/slack/events`. Bolt rejects only timestamps
 * in the past and parses any content type as JSON; Slack's own verification rejects
 * `|now − ts| > 300 s` both ways, so a request signed "in the future" is refused here with 401.
 * A wrong content type or a body that does not decode to a Slack payload gets 400 at once
 * (instead of Bolt's 404 after its 3-second unhandled-request wait). The body is read here
 * once and handed to Bolt buffered (`rawBody`, which Bolt reuses); Bolt still checks the
 * signature.
 */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

/** Slack's replay window, in seconds, both directions. */
export const SIGNATURE_WINDOW_S = 300;
/** Bolt's own body limit (4 MB): larger bodies get 413. */
const BODY_LIMIT = 4 * 1024 * 1024;
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

export interface GuardOptions {
  readonly endpoint: string;
  /** Milliseconds since the epoch (injected for tests). */
  readonly now: () => number;
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const isObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Why the body is not a Slack payload of its content type, or null when it is one. */
export function bodyProblem(type: string, text: string): string | null {
  if (type === JSON_TYPE) {
    const v = tryJson(text);
    return isObject(v) && typeof (v as { type?: unknown }).type === 'string'
      ? null
      : 'body is not a Slack event (JSON object with a type)';
  }
  const q = parseQuery(text);
  if (q['ssl_check'] === '1') return null;
  if (typeof q['command'] === 'string') return null;
  if (typeof q['payload'] === 'string' && isObject(tryJson(q['payload']))) return null;
  return 'body is not a Slack slash command or interaction payload';
}

/** Why the timestamp is outside the window, or null when it is absent (Bolt refuses that) or inside. */
export function timestampProblem(header: string | string[] | undefined, nowMs: number): string | null {
  if (header === undefined) return null;
  const ts = Number(Array.isArray(header) ? header[0] : header);
  if (!Number.isFinite(ts)) return 'x-slack-request-timestamp is not a number';
  return Math.abs(nowMs / 1000 - ts) > SIGNATURE_WINDOW_S
    ? `x-slack-request-timestamp is more than ${SIGNATURE_WINDOW_S} s from now`
    : null;
}

async function gate(req: IncomingMessage, res: ServerResponse, opts: GuardOptions, next: () => void): Promise<void> {
  const stale = timestampProblem(req.headers['x-slack-request-timestamp'], opts.now());
  if (stale !== null) return reply(res, 401, stale);
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== FORM && type !== JSON_TYPE) return reply(res, 400, `content-type must be ${FORM} or ${JSON_TYPE}`);
  const body = await readBody(req);
  if (body === null) return reply(res, 413, 'body too large');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return reply(res, 400, 'body is not UTF-8');
  }
  const problem = bodyProblem(type, text);
  if (problem !== null) return reply(res, 400, problem);
  // Bolt compares the content type exactly; hand it the bare type and the buffered body.
  req.headers['content-type'] = type;
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
  next();
}

/** Puts the gate in front of every `request` listener of Bolt's server (POSTs to `endpoint` only). */
export function guardSlackServer(server: Server, opts: GuardOptions): void {
  const inner = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const pass = (): void => {
      for (const l of inner) l(req, res);
    };
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'POST' || path !== opts.endpoint) return pass();
    gate(req, res, opts, pass).catch(() => {
      if (!res.headersSent) reply(res, 400, 'could not read the request body');
    });
  });
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake OpenAI-compatible server on 127.0.0.1 (POST /v1/chat/completions) for the real
 * `openai` client. A handler decides each reply: a completion, an HTTP error with headers,
 * raw text, or a hang (never answers). Every request is recorded.
 */

export interface ChatBody {
  readonly model: string;
  readonly messages: readonly { role: string; content: string }[];
  readonly temperature?: number;
  readonly max_tokens?: number;
  readonly response_format?: { type: string };
}

export interface FakeRequest {
  readonly index: number;
  readonly body: ChatBody;
  readonly authorization: string | undefined;
}

export type FakeReply =
  | {
      readonly status?: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly json: unknown;
      readonly delayMs?: number;
    }
  | { readonly hang: true };

export type Handler = (req: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeLlm {
  /** Base URL for the client, ending in /v1. */
  readonly url: string;
  readonly requests: FakeRequest[];
  /** Requests being handled right now, and the most ever at once. */
  readonly inFlight: { now: number; max: number };
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/** An OpenAI chat.completion object whose message is `content`. */
export function completion(content: string): FakeReply {
  return {
    json: {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'fake-model',
      choices: [
        { index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null },
      ],
    },
  };
}

export function jsonReply(value: unknown): FakeReply {
  return completion(JSON.stringify(value));
}

export function httpError(status: number, headers: Record<string, string> = {}): FakeReply {
  return { status, headers, json: { error: { message: `fake ${status}`, type: 'fake_error', code: null } } };
}

/** The article block of a summary request: its title and text, as the model saw them. */
export function articleIn(req: FakeRequest): { title: string; text: string } {
  const user = req.body.messages.find((m) => m.role === 'user')?.content ?? '';
  const block = /<article>\n([\s\S]*)\n<\/article>/u.exec(user)?.[1] ?? '';
  const title = /^Title: (.*)$/mu.exec(block)?.[1] ?? '';
  const cut = block.indexOf('\n\n');
  return { title, text: cut >= 0 ? block.slice(cut + 2) : '' };
}

export async function startFakeLlm(initial: Handler): Promise<FakeLlm> {
  let handler = initial;
  const requests: FakeRequest[] = [];
  const inFlight = { now: 0, max: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
          res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
          return;
        }
        const request: FakeRequest = {
          index: requests.length,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatBody,
          authorization: req.headers.authorization,
        };
        requests.push(request);
        inFlight.now++;
        inFlight.max = Math.max(inFlight.max, inFlight.now);
        const done = (): void => {
          inFlight.now--;
        };
        try {
          const reply = await handler(request);
          if ('hang' in reply) {
            res.on('close', done);
            return;
          }
          if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
          res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
          res.end(JSON.stringify(reply.json));
          done();
        } catch (err) {
          done();
          res
            .writeHead(500, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: { message: String(err) } }));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    inFlight,
    handle: (h) => {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

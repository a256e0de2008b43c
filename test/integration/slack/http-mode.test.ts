import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlackAdapter } from '../../../src/adapters/slack/slack-adapter.ts';
import { FakeSlack, waitFor } from './fakes/fake-slack.ts';
import { adapterFor, commandBody, eventPayload, recordingHandlers, sign, SIGNING_SECRET } from './fakes/setup.ts';

const now = (): number => Math.floor(Date.now() / 1000);

describe('Slack adapter in HTTP mode (request URL /slack/events)', () => {
  let fake: FakeSlack;
  let adapter: SlackAdapter;
  let handlers: ReturnType<typeof recordingHandlers>;
  let url: string;

  beforeEach(async () => {
    fake = await new FakeSlack().start();
    ({ adapter } = adapterFor(fake, 'http'));
    handlers = recordingHandlers(2000); // a slow answer: the ack must not wait for it
    await adapter.start(handlers);
    url = `http://127.0.0.1:${String(adapter.port)}/slack/events`;
  });

  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  const post = (
    body: string,
    headers: Record<string, string>,
    type = 'application/x-www-form-urlencoded',
  ): Promise<Response> => fetch(url, { method: 'POST', headers: { 'content-type': type, ...headers }, body });

  const signed = (body: string, ts = now()): Record<string, string> => ({
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': sign(SIGNING_SECRET, ts, body),
  });

  it('acks a correctly signed slash command at once and answers at the response_url', async () => {
    const body = commandBody(fake, 'search steel', 'http-1');
    const started = Date.now();
    const res = await post(body, signed(body));
    const ackMs = Date.now() - started;
    expect(res.status).toBe(200);
    expect(ackMs).toBeLessThan(1500); // Slack allows 3 s; the answer takes 2 s
    const answer = await waitFor(() => fake.responses.find((r) => r.id === 'http-1'), 5000, 'response_url post');
    expect(answer.at - started).toBeGreaterThanOrEqual(1900);
    expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
    expect(answer.raw).toContain('you asked: search steel');
  });

  it('refuses forged, stale, unsigned and tampered requests with 401, reaching no handler', async () => {
    const body = commandBody(fake, 'help', 'forged');
    const stale = now() - 5 * 60 - 10;
    const cases: [string, Promise<Response>][] = [
      ['wrong signature', post(body, { ...signed(body), 'x-slack-signature': sign('not-the-secret', now(), body) })],
      ['stale timestamp', post(body, signed(body, stale))],
      ['missing headers', post(body, {})],
      ['missing signature', post(body, { 'x-slack-request-timestamp': String(now()) })],
      ['tampered body', post(body.replace('text=help', 'text=search+secrets'), signed(body))],
    ];
    for (const [name, request] of cases) expect([name, (await request).status]).toEqual([name, 401]);
    await new Promise((r) => setTimeout(r, 100));
    expect(handlers.commands).toEqual([]);
    expect(fake.responses).toEqual([]);
  });

  it('refuses validly signed requests dated in the future with 401, as Slack verification does', async () => {
    const body = commandBody(fake, 'help', 'future');
    for (const ahead of [301, 24 * 3600, 10 * 365 * 24 * 3600]) {
      expect([ahead, (await post(body, signed(body, now() + ahead))).status]).toEqual([ahead, 401]);
    }
    expect((await post(body, signed(body, now() + 250))).status).toBe(200);
    await waitFor(() => fake.responses.find((r) => r.id === 'future'), 5000, 'in-window answer');
    expect(handlers.commands).toHaveLength(1);
  });

  it('gives 400 at once for a wrong content type or a body that is not a Slack payload', async () => {
    const json = JSON.stringify(
      eventPayload({ type: 'message', channel: 'C1', user: 'U1', text: 'x', ts: '1.2', thread_ts: '1.1' }, 'EvPlain'),
    );
    const cases: [string, string, string][] = [
      ['signed JSON as text/plain', json, 'text/plain'],
      ['no content type', json, ''],
      ['form without a command', 'foo=bar&baz', 'application/x-www-form-urlencoded'],
      ['payload that is not JSON', 'payload=%7Bnot-json', 'application/x-www-form-urlencoded'],
      ['JSON that is not an event', '[1,2]', 'application/json'],
      ['JSON that does not parse', '{"type":', 'application/json'],
    ];
    for (const [name, body, type] of cases) {
      const started = Date.now();
      const res = await post(body, signed(body), type);
      expect([name, res.status]).toEqual([name, 400]);
      expect(Date.now() - started).toBeLessThan(1000);
    }
    const badUtf8 = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed('x') },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(badUtf8.status).toBe(400);
    expect(handlers.commands).toEqual([]);
    expect(handlers.messages).toEqual([]);
  });

  it('answers a signed Events API thread message in its thread', async () => {
    const body = JSON.stringify(
      eventPayload(
        {
          type: 'message',
          channel: 'C0DIGEST',
          user: 'U0HUMAN',
          text: 'and Japan?',
          ts: '1900000000.000005',
          thread_ts: '1800000001.000100',
        },
        'EvHttp1',
      ),
    );
    const res = await post(body, signed(body), 'application/json');
    expect(res.status).toBe(200);
    const reply = await waitFor(
      () => fake.callsOf('chat.postMessage').find((c) => c.args['thread_ts'] === '1800000001.000100'),
      5000,
      'thread reply',
    );
    expect(reply.args['channel']).toBe('C0DIGEST');
    expect(handlers.messages[0]).toMatchObject({ text: 'and Japan?', mentioned: false });
  });

  it('answers the url_verification challenge of the Event Subscriptions page', async () => {
    const body = JSON.stringify({ token: 't', challenge: 'challenge-123', type: 'url_verification' });
    const res = await post(body, signed(body), 'application/json');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('challenge-123');
  });
});

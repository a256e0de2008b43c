import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../../src/answer/answerer.ts';
import type { SlackAdapter } from '../../../src/adapters/slack/slack-adapter.ts';
import { Bot } from '../../../src/bot/bot.ts';
import { buildLibrary } from '../../../src/library/library.ts';
import { silentLogger } from '../../../src/log/logger.ts';
import { parseTxt } from '../../../src/sources/txt.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { BOT_USER_ID, FakeSlack, waitFor } from './fakes/fake-slack.ts';
import { adapterFor, commandBody, eventPayload, sign, SIGNING_SECRET } from './fakes/setup.ts';

const now = (): number => Math.floor(Date.now() / 1000);

describe('a hostile chat message cannot stall acks', () => {
  let fake: FakeSlack;
  let adapter: SlackAdapter;
  let store: SqliteStore;
  let dir: string;
  let url: string;

  beforeEach(async () => {
    fake = await new FakeSlack().start();
    dir = mkdtempSync(path.join(os.tmpdir(), 'hostile-ack-'));
    store = new SqliteStore(path.join(dir, 'state.db'));
    const library = await buildLibrary(
      [parseTxt('a.txt', 'Port fees rise\n\nValdoria raised port fees by 8%, the ministry said on Monday.\n')],
      {
        sentences: 2,
        quotes: 2,
        createAnswerer,
      },
    );
    const bot = new Bot({ library: () => library, store, clock: () => new Date(), log: silentLogger() });
    ({ adapter } = adapterFor(fake, 'http'));
    await adapter.start(bot.handlers);
    url = `http://127.0.0.1:${String(adapter.port)}/slack/events`;
  });

  afterEach(async () => {
    await adapter.stop();
    await fake.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (body: string, type: string): Promise<Response> => {
    const ts = now();
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': type,
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sign(SIGNING_SECRET, ts, body),
      },
      body,
    });
  };

  it('a 40,000-character mention is refused as too long and a concurrent ack stays under 100 ms', async () => {
    const warm = commandBody(fake, 'help', 'warm');
    expect((await post(warm, 'application/x-www-form-urlencoded')).status).toBe(200);
    // The bound is on the delay the hostile message adds to a concurrent ack over a lone ack
    // taken just before (a shared, busy machine makes even a lone ack take tens of ms); best of
    // three rounds, so scheduler noise does not fail it while a real stall (seconds) does.
    const delays: number[] = [];
    for (let round = 0; round < 3; round++) {
      const lone = commandBody(fake, 'help', `lone-${round}`);
      const loneStarted = performance.now();
      expect((await post(lone, 'application/x-www-form-urlencoded')).status).toBe(200);
      const loneMs = performance.now() - loneStarted;
      const mention = JSON.stringify(
        eventPayload(
          {
            type: 'app_mention',
            channel: 'C0DIGEST',
            user: 'U0HUMAN',
            text: `<@${BOT_USER_ID}> ${'w'.repeat(40_000)}`,
            ts: `190000000${round}.000009`,
          },
          `EvLong${round}`,
        ),
      );
      const hostile = post(mention, 'application/json');
      const body = commandBody(fake, 'help', `concurrent-${round}`);
      const started = performance.now();
      const res = await post(body, 'application/x-www-form-urlencoded');
      delays.push(performance.now() - started - loneMs);
      expect(res.status).toBe(200);
      expect((await hostile).status).toBe(200);
    }
    expect(Math.min(...delays)).toBeLessThan(100);
    const reply = await waitFor(
      () => fake.callsOf('chat.postMessage').find((c) => c.args['thread_ts'] === '1900000002.000009'),
      5000,
      'too-long reply',
    );
    expect(JSON.stringify(reply.args)).toContain('too long (40');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack, GOOD_APP_TOKEN, GOOD_BOT_TOKEN, type RecordedCall } from '../integration/slack/fakes/fake-slack.ts';
import { eventPayload } from '../integration/slack/fakes/setup.ts';
import { FakeDiscord, visibleText } from '../integration/discord/fakes/fake-discord.ts';
import { exitWithin, recordedRuns, startBot, until, type BotProcess } from './bot-process.ts';

/**
 * `npm start` with a platform on: the real composition root (src/main.ts) in its own process,
 * against the loopback fakes, with DIGEST_CRON firing every second so a run is due at start-up.
 * Proves start-up, the scheduled digest (once per run), a thread follow-up, SIGTERM → exit 0,
 * and a bad configuration → exit 1 with every problem listed.
 *
 * The digest runs use a copy of the founding article dated today (see `freshFoundingArticle`):
 * the DIGEST_CRON target looks back 48 hours, so the 2018 original is never in a scheduled digest.
 */

const TITLE = 'US & Japan To Start Trade Negotiations';
/** node-cron's 6-field form (seconds first): due every second, so the first check at start-up is an on-time run. */
const EVERY_SECOND = '* * * * * *';
/** No error/fatal log line, no uncaught error. */
const TROUBLE = /"level":(50|60)|Error:|failed to start/;

let bot: BotProcess | undefined;
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  await bot?.cleanup();
  bot = undefined;
  for (const close of closers.splice(0)) await close();
});

/** `metadata.event_payload.digest_id` of a digest message, if it carries one. */
function digestIdOf(call: RecordedCall): string | undefined {
  const meta = call.args['metadata'] as { event_type?: unknown; event_payload?: { digest_id?: unknown } } | undefined;
  return meta?.event_type === 'trade_news_digest' && typeof meta.event_payload?.digest_id === 'string'
    ? meta.event_payload.digest_id
    : undefined;
}

describe('the bot process with Slack in Socket Mode (fake Slack on 127.0.0.1)', () => {
  it('posts the scheduled digest once per run, answers in its thread, and exits 0 on SIGTERM', {
    timeout: 30_000,
  }, async () => {
    const fake = await new FakeSlack().start();
    closers.push(() => fake.close());
    const running = (bot = startBot(
      {
        SLACK_BOT_TOKEN: GOOD_BOT_TOKEN,
        SLACK_APP_TOKEN: GOOD_APP_TOKEN,
        SLACK_API_URL: fake.apiUrl,
        SLACK_DIGEST_CHANNEL: 'C0TEST',
        DIGEST_CRON: EVERY_SECOND,
        DIGEST_TIMEZONE: 'UTC',
      },
      { articles: 'fresh' },
    ));

    // Socket Mode: auth.test with the bot token, then apps.connections.open with the app token.
    await until(running, () => fake.connected, 15_000, 'the Socket Mode connection');
    expect(fake.callsOf('auth.test')[0]?.token).toBe(GOOD_BOT_TOKEN);
    expect(fake.callsOf('apps.connections.open')[0]?.token).toBe(GOOD_APP_TOKEN);

    // The scheduled digest: a top-level message in C0TEST with the founding article, carrying its run's digest id.
    const topLevelDigests = (): RecordedCall[] =>
      fake
        .callsOf('chat.postMessage')
        .filter(
          (c) => c.args['channel'] === 'C0TEST' && c.args['thread_ts'] === undefined && digestIdOf(c) !== undefined,
        );
    const digest = await until(running, () => topLevelDigests()[0], 15_000, 'the scheduled digest (chat.postMessage)');
    const digestId = digestIdOf(digest);
    expect(digest.token).toBe(GOOD_BOT_TOKEN);
    expect(JSON.stringify(digest.args)).toMatch(/US &(amp;)? Japan To Start Trade Negotiations/);
    expect(digest.args['link_names']).toBe('false');
    const parent = fake.messages.find(
      (m) => m.channel === 'C0TEST' && m.thread_ts === undefined && m.metadata !== undefined,
    )?.ts;
    expect(parent).toBeDefined();

    // More every-second runs go by: none posts again (nothing new since the first digest).
    await new Promise((r) => setTimeout(r, 2500));
    expect(topLevelDigests().map(digestIdOf)).toEqual([digestId]);

    // A follow-up in the digest's thread, delivered over the socket → acked, answered in that thread.
    const ack = await fake.sendEnvelope(
      'events_api',
      eventPayload(
        {
          type: 'message',
          channel: 'C0TEST',
          user: 'U0HUMAN',
          text: 'What did Abe say?',
          ts: '1900000000.000001',
          thread_ts: parent,
          channel_type: 'channel',
        },
        'EvE2E1',
      ),
      5000,
    );
    expect(ack.envelope_id).toMatch(/^env-/);
    const answer = await until(
      running,
      () => fake.callsOf('chat.postMessage').find((c) => c.args['thread_ts'] === parent && digestIdOf(c) === undefined),
      10_000,
      'the answer in the digest thread',
    );
    expect(answer.args['channel']).toBe('C0TEST');
    expect(JSON.stringify(answer.args)).toMatch(/Abe/);

    // SIGTERM → graceful shutdown, exit 0 within 10 s, nothing logged as an error.
    running.proc.kill('SIGTERM');
    expect(await exitWithin(running, 10_000)).toBe(0);
    expect(running.stderr()).not.toMatch(TROUBLE);

    // The run store agrees: several runs, each recorded once; only the first posted a message (this one).
    const runs = recordedRuns(running, 'env-slack');
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(new Set(runs.map((r) => r.digest_id)).size).toBe(runs.length);
    expect(runs.every((r) => r.state === 'posted')).toBe(true);
    expect(runs.filter((r) => r.message_ref !== '' && r.message_ref !== null)).toEqual([
      expect.objectContaining({ digest_id: digestId, message_ref: parent }),
    ]);
  });
});

describe('the bot process with Discord (fake REST + gateway on 127.0.0.1)', () => {
  it('posts the scheduled digest with mentions off; a SIGTERM during that first post lets it finish, then exits 0', {
    timeout: 30_000,
  }, async () => {
    const fake = await new FakeDiscord().start();
    closers.push(() => fake.close());
    expect(fake.appId).toMatch(/^\d{17,20}$/); // a real snowflake: more digits than a safe integer keeps
    const running = (bot = startBot(
      {
        DISCORD_TOKEN: 'fake-token',
        DISCORD_APPLICATION_ID: fake.appId,
        DISCORD_API_URL: fake.rest.url,
        DISCORD_DIGEST_CHANNEL_ID: fake.channelId,
        DIGEST_CRON: EVERY_SECOND,
        DIGEST_TIMEZONE: 'UTC',
      },
      { articles: 'fresh' },
    ));

    const post = await until(
      running,
      () => fake.rest.requests.find((q) => q.method === 'POST' && q.path === `/channels/${fake.channelId}/messages`),
      20_000,
      'the scheduled digest (POST /channels/:id/messages)',
    );
    // The first scheduled check runs inside start-up: signal right now, while that post is in progress.
    running.proc.kill('SIGTERM');

    expect(post.status).toBe(200);
    expect(post.json?.allowed_mentions?.parse).toEqual([]);
    expect(visibleText(post.json)).toContain(TITLE);
    expect(fake.gateway.identifies[0]?.token).toBe('fake-token');

    expect(await exitWithin(running, 10_000)).toBe(0);
    expect(running.stderr()).not.toMatch(TROUBLE);
    // The post was finished, not cut off: its thread was started and the run recorded as posted.
    const first = fake.messages.get(fake.channelId)?.[0];
    expect(first?.nonce).toBe(post.json?.nonce);
    expect(
      fake.rest.requests.some(
        (q) => q.method === 'POST' && q.path === `/channels/${fake.channelId}/messages/${first?.id}/threads`,
      ),
    ).toBe(true);
    expect(recordedRuns(running, 'env-discord').filter((r) => r.message_ref === first?.id)).toEqual([
      expect.objectContaining({ state: 'posted', digest_id: post.json?.nonce }),
    ]);
  });
});

describe('the bot process with a bad configuration', () => {
  it('exits 1 within seconds, listing every problem, without a stack trace', { timeout: 30_000 }, async () => {
    const running = (bot = startBot({ SLACK_BOT_TOKEN: GOOD_BOT_TOKEN, LOG_LEVEL: 'loud' }));
    expect(await exitWithin(running, 15_000)).toBe(1);
    const err = running.stderr();
    expect(err).toMatch(/^Invalid configuration:/);
    // LOG_LEVEL=loud, and a bot token with neither an app token (Socket Mode) nor a signing secret (HTTP).
    expect(err).toMatch(/core\.logLevel \(from LOG_LEVEL\)/);
    expect(err).toMatch(/SLACK_APP_TOKEN[^\n]*SLACK_SIGNING_SECRET/);
    expect(err.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(2);
    expect(err).not.toMatch(/\n\s+at |Error:/);
    expect(running.stdout()).toBe('');
  });
});

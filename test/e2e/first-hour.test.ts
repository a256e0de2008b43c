import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack, GOOD_APP_TOKEN, GOOD_BOT_TOKEN, type RecordedCall } from '../integration/slack/fakes/fake-slack.ts';
import { commandPayload, eventPayload } from '../integration/slack/fakes/setup.ts';
import { FakeDiscord, visibleText } from '../integration/discord/fakes/fake-discord.ts';
import { exitWithin, freshFoundingArticle, startBot, until, type BotProcess } from './bot-process.ts';

/**
 * A newcomer's first hour, end to end with the real process: settings from `.env` in the
 * folder it runs in, and `/trade-news post` putting a digest with its thread in the channel
 * at once (Slack over Socket Mode, Discord over the gateway, both loopback fakes).
 */

let bot: BotProcess | undefined;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  await bot?.cleanup();
  bot = undefined;
  for (const c of cleanups.splice(0)) await c();
});

/** An empty temporary folder holding just these files. */
function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'first-hour-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const isDigest = (c: RecordedCall): boolean =>
  (c.args['metadata'] as { event_type?: string } | undefined)?.event_type === 'trade_news_digest';

describe('.env in the working directory', () => {
  it('refuses a bad setting from .env, naming the key, the variable and the file', { timeout: 30_000 }, async () => {
    const cwd = folderWith({ '.env': '# copied from .env.example\nLOG_LEVEL=loud\n' });
    const running = (bot = startBot({}, { cwd }));
    expect(await exitWithin(running, 20_000)).toBe(1);
    expect(running.stderr()).toMatch(/core\.logLevel \(from LOG_LEVEL in \.env\)/);
    expect(running.stderr()).not.toMatch(/\n\s+at /);
  });
});

describe('/trade-news post over Slack (Bolt in Socket Mode against the fake), tokens from .env', () => {
  it('posts a digest with its thread, answers a question there, and refuses a second post with the reason', {
    timeout: 45_000,
  }, async () => {
    const fake = await new FakeSlack().start();
    cleanups.push(() => fake.close());
    const cwd = folderWith({
      '.env': `SLACK_BOT_TOKEN=${GOOD_BOT_TOKEN}\nSLACK_APP_TOKEN=${GOOD_APP_TOKEN}\nSLACK_API_URL=${fake.apiUrl}\nLOG_LEVEL=info\n`,
    });
    freshFoundingArticle(path.join(cwd, 'articles'));
    const running = (bot = startBot({}, { cwd }));

    await until(running, () => fake.connected, 20_000, 'the Socket Mode connection');
    expect(fake.callsOf('auth.test')[0]?.token).toBe(GOOD_BOT_TOKEN); // the token came from .env
    expect(running.stderr()).toMatch(/configuration read from \.env/);

    await fake.sendEnvelope('slash_commands', commandPayload(fake, 'post', 'post-1', 'C0NEW'));
    const digest = await until(
      running,
      () => fake.callsOf('chat.postMessage').find((c) => c.args['channel'] === 'C0NEW' && isDigest(c)),
      15_000,
      'the posted digest',
    );
    expect(digest.args['thread_ts']).toBeUndefined();
    expect(digest.args['unfurl_links']).toBe('false');
    expect(digest.args['unfurl_media']).toBe('false');
    expect(JSON.stringify(digest.args)).toMatch(/US &(amp;)? Japan To Start Trade Negotiations/);
    const said = await until(
      running,
      () => fake.responses.find((r) => r.id === 'post-1'),
      10_000,
      'the reply to /trade-news post',
    );
    expect(said.raw).toMatch(/Posted the digest \(1 articles?\) in this channel/);

    const parent = await until(
      running,
      () =>
        fake.messages.find((m) => m.channel === 'C0NEW' && m.thread_ts === undefined && m.metadata !== undefined)?.ts,
      5000,
      'the digest ts',
    );
    await fake.sendEnvelope(
      'events_api',
      eventPayload(
        {
          type: 'message',
          channel: 'C0NEW',
          user: 'U0HUMAN',
          text: 'What did Abe say?',
          ts: '1900000000.000100',
          thread_ts: parent,
          channel_type: 'channel',
        },
        'EvPost1',
      ),
      5000,
    );
    const answer = await until(
      running,
      () => fake.callsOf('chat.postMessage').find((c) => c.args['thread_ts'] === parent && !isDigest(c)),
      15_000,
      'the answer in the thread',
    );
    expect(answer.args['channel']).toBe('C0NEW');
    expect(JSON.stringify(answer.args)).toMatch(/Abe/);

    await fake.sendEnvelope('slash_commands', commandPayload(fake, 'post', 'post-2', 'C0NEW'));
    const refused = await until(
      running,
      () => fake.responses.find((r) => r.id === 'post-2'),
      10_000,
      'the reply to the second post',
    );
    expect(refused.raw).toMatch(
      /A digest was posted in this channel less than a minute ago; you can post again in 10 minutes/,
    );
    expect(
      fake
        .callsOf('chat.postMessage')
        .filter((c) => c.args['channel'] === 'C0NEW' && isDigest(c) && c.args['thread_ts'] === undefined),
    ).toHaveLength(1);
    running.proc.kill('SIGTERM');
    expect(await exitWithin(running, 10_000)).toBe(0);
  });
});

describe('/trade-news post over Discord (discord.js against the fake gateway and REST)', () => {
  it('posts a digest with its thread, answers a question there, and refuses a second post with the reason', {
    timeout: 45_000,
  }, async () => {
    const fake = await new FakeDiscord().start();
    cleanups.push(() => fake.close());
    const running = (bot = startBot(
      { DISCORD_TOKEN: 'fake-token', DISCORD_APPLICATION_ID: fake.appId, DISCORD_API_URL: fake.rest.url },
      { articles: 'fresh' },
    ));
    await until(running, () => fake.gateway.identifies[0], 20_000, 'the gateway identify');
    // The registered command has the post subcommand.
    await until(
      running,
      () => fake.rest.requests.find((q) => q.method === 'PUT' && JSON.stringify(q.json).includes('"post"')),
      20_000,
      'the command registration with post',
    );

    const token = fake.slashCommand('post');
    const { answer } = await fake.interactionAnswer(token, 15_000);
    expect(visibleText(answer.json)).toMatch(/Posted the digest \(1 articles?\) in this channel/);
    const post = fake.rest.requests.find(
      (q) => q.method === 'POST' && q.path === `/channels/${fake.channelId}/messages`,
    );
    expect(visibleText(post?.json)).toContain('US & Japan To Start Trade Negotiations');
    const threadCreate = await until(
      running,
      () =>
        fake.rest.requests.find(
          (q) =>
            q.method === 'POST' &&
            q.path.startsWith(`/channels/${fake.channelId}/messages/`) &&
            q.path.endsWith('/threads'),
        ),
      5000,
      'the digest thread',
    );
    const threadId = threadCreate.path.split('/')[4] as string;

    fake.userMessage(threadId, 'What did Abe say?');
    const reply = await until(
      running,
      () => fake.rest.requests.find((q) => q.method === 'POST' && q.path === `/channels/${threadId}/messages`),
      15_000,
      'the answer in the thread',
    );
    expect(visibleText(reply.json)).toMatch(/Abe/);

    const again = fake.slashCommand('post');
    const second = await fake.interactionAnswer(again, 15_000);
    expect(visibleText(second.answer.json)).toMatch(
      /A digest was posted in this channel less than a minute ago; you can post again in 10 minutes/,
    );
    expect(
      fake.rest.requests.filter((q) => q.method === 'POST' && q.path === `/channels/${fake.channelId}/messages`),
    ).toHaveLength(1);
  });
});

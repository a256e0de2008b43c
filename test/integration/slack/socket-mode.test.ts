import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Digest } from '../../../src/domain/types.ts';
import type { SlackAdapter, HandledEvent } from '../../../src/adapters/slack/slack-adapter.ts';
import { BOT_ID, BOT_USER_ID, FakeSlack, waitFor } from './fakes/fake-slack.ts';
import { adapterFor, commandPayload, eventPayload, recordingHandlers } from './fakes/setup.ts';
import { OVERSIZED } from './fakes/digests.ts';
import { limitProblems, type Block } from '../../../src/adapters/slack/limits.ts';

const DIGEST: Digest = { date: '2026-11-28', items: [], fallbacks: [] };

describe('Slack adapter in Socket Mode', () => {
  let fake: FakeSlack;
  let adapter: SlackAdapter;
  let handled: HandledEvent[];
  let handlers: ReturnType<typeof recordingHandlers>;

  beforeEach(async () => {
    fake = await new FakeSlack().start();
    ({ adapter, handled } = adapterFor(fake, 'socket'));
    handlers = recordingHandlers();
    await adapter.start(handlers);
  });

  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  it('connects through apps.connections.open with the app token, after auth.test with the bot token', () => {
    expect(adapter.mode).toBe('socket');
    expect(fake.callsOf('auth.test')[0]?.token).toBe('xoxb-fake-good');
    expect(fake.callsOf('apps.connections.open')[0]?.token).toBe('xapp-fake-good');
    expect(fake.connected).toBe(true);
  });

  it('acknowledges a slash-command envelope and answers at its response_url, ephemerally', async () => {
    const ack = await fake.sendEnvelope('slash_commands', commandPayload(fake, 'search tariffs', 'sock-1'));
    expect(ack.envelope_id).toMatch(/^env-/);
    const answer = await waitFor(() => fake.responses.find((r) => r.id === 'sock-1'), 3000, 'response_url post');
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(answer.body['blocks'])).toContain('you asked: search tariffs');
    expect(handlers.commands[0]).toMatchObject({
      platform: 'slack',
      channel: 'C0DIGEST',
      user: 'U0HUMAN',
      text: 'search tariffs',
    });
  });

  it('acknowledges a thread-message envelope and answers in that thread', async () => {
    const posted = await adapter.postDigest('C0DIGEST', DIGEST, { digestId: 'd-1' });
    const parent = posted.thread.thread;
    const ack = await fake.sendEnvelope(
      'events_api',
      eventPayload(
        {
          type: 'message',
          channel: 'C0DIGEST',
          user: 'U0HUMAN',
          text: 'What did Abe say?',
          ts: '1900000000.000001',
          thread_ts: parent,
          channel_type: 'channel',
        },
        'Ev1',
      ),
    );
    expect(ack.envelope_id).toMatch(/^env-/);
    const reply = await waitFor(
      () => fake.callsOf('chat.postMessage').find((c) => c.args['thread_ts'] === parent),
      3000,
      'thread reply',
    );
    expect(reply.args['channel']).toBe('C0DIGEST');
    expect(reply.args['link_names']).toBe('false');
    expect(handlers.messages[0]).toMatchObject({
      text: 'What did Abe say?',
      mentioned: false,
      thread: { platform: 'slack', channel: 'C0DIGEST', thread: parent },
    });
  });

  it('answers an app_mention in a new thread under the message, without the mention in the text', async () => {
    await fake.sendEnvelope(
      'events_api',
      eventPayload(
        {
          type: 'app_mention',
          channel: 'C0OTHER',
          user: 'U0HUMAN',
          text: `<@${BOT_USER_ID}> what about tariffs?`,
          ts: '1900000000.000002',
        },
        'Ev2',
      ),
    );
    const reply = await waitFor(
      () => fake.callsOf('chat.postMessage').find((c) => c.args['thread_ts'] === '1900000000.000002'),
      3000,
      'mention reply',
    );
    expect(reply.args['channel']).toBe('C0OTHER');
    expect(handlers.messages[0]).toMatchObject({ text: 'what about tariffs?', mentioned: true });
  });

  it('ignores its own messages, other bots, edits, deletions and top-level chatter; answers a redelivered event once', async () => {
    const base = { type: 'message', channel: 'C0DIGEST', thread_ts: '1800000001.000100' };
    const ignored = [
      { ...base, user: BOT_USER_ID, bot_id: BOT_ID, text: 'my own reply', ts: '1900000000.000010' },
      { ...base, subtype: 'bot_message', bot_id: 'BOTHER', text: 'another bot', ts: '1900000000.000011' },
      { ...base, user: 'U0OTHERBOT', bot_id: 'BOTHER2', text: 'a bot user', ts: '1900000000.000012' },
      { ...base, subtype: 'message_changed', message: { user: 'U0HUMAN', text: 'edited' }, ts: '1900000000.000013' },
      { ...base, subtype: 'message_deleted', deleted_ts: '1900000000.000001', ts: '1900000000.000014' },
      { ...base, subtype: 'channel_join', user: 'U0HUMAN', text: 'joined', ts: '1900000000.000015' },
      { type: 'message', channel: 'C0DIGEST', user: 'U0HUMAN', text: 'top level', ts: '1900000000.000016' },
      { ...base, user: 'U0HUMAN', text: `<@${BOT_USER_ID}> handled by app_mention`, ts: '1900000000.000017' },
    ];
    for (const [i, event] of ignored.entries())
      await fake.sendEnvelope('events_api', eventPayload(event, `EvIgnored${i}`));
    const real = eventPayload({ ...base, user: 'U0HUMAN', text: 'real question', ts: '1900000000.000020' }, 'EvReal');
    await fake.sendEnvelope('events_api', real);
    await fake.sendEnvelope('events_api', real); // Slack's retry of the same event
    await waitFor(() => handled.some((h) => h.outcome === 'answered'), 3000, 'the real question');
    await new Promise((r) => setTimeout(r, 100));
    expect(handlers.messages.map((m) => m.text)).toEqual(['real question']);
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('answers in_channel when configured', async () => {
    await adapter.stop();
    ({ adapter } = adapterFor(fake, 'socket', { commandResponse: 'in_channel' }));
    await adapter.start(handlers);
    await fake.sendEnvelope('slash_commands', commandPayload(fake, 'help', 'sock-2'));
    const answer = await waitFor(() => fake.responses.find((r) => r.id === 'sock-2'), 3000, 'response_url post');
    expect(answer.body['response_type']).toBe('in_channel');
  });

  it('answers /trade-news with an oversized digest in at most 5 response_url messages, each within the limits', async () => {
    await adapter.stop();
    ({ adapter } = adapterFor(fake, 'socket'));
    await adapter.start({
      onCommand: () => Promise.resolve({ kind: 'digest', digest: OVERSIZED }),
      onMessage: () => Promise.resolve(null),
    });
    await fake.sendEnvelope('slash_commands', commandPayload(fake, '', 'big'));
    await waitFor(() => fake.responses.filter((r) => r.id === 'big').length === 5 || undefined, 3000, 'five responses');
    await new Promise((r) => setTimeout(r, 100));
    const answers = fake.responses.filter((r) => r.id === 'big');
    expect(answers).toHaveLength(5);
    for (const a of answers)
      expect(limitProblems({ text: String(a.body['text']), blocks: a.body['blocks'] as Block[] })).toEqual([]);
    expect(answers[4]?.raw).toContain('more parts did not fit');
  });

  it('posts an ephemeral reply in a thread for one user', async () => {
    await adapter.replyEphemeral({ platform: 'slack', channel: 'C0DIGEST', thread: '1800000001.000100' }, 'U0HUMAN', {
      kind: 'notice',
      text: 'only for you <!here>',
    });
    const call = fake.callsOf('chat.postEphemeral')[0];
    expect(call?.args).toMatchObject({
      channel: 'C0DIGEST',
      user: 'U0HUMAN',
      thread_ts: '1800000001.000100',
      link_names: 'false',
    });
    expect(JSON.stringify(call?.args)).toContain('only for you &lt;\u200b!here&gt;');
  });
});

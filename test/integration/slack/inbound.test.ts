import { describe, expect, it } from 'vitest';
import { commandFrom, mentionFrom, threadMessageFrom } from '../../../src/adapters/slack/inbound.ts';

const BOT = 'UBOT';
const reply = { type: 'message', channel: 'C1', user: 'U1', text: 'and then?', ts: '2.000', thread_ts: '1.000' };

describe('Slack events in', () => {
  it('takes a person’s thread reply as a follow-up in that thread', () => {
    expect(threadMessageFrom(reply, BOT)).toEqual({
      platform: 'slack',
      channel: 'C1',
      user: 'U1',
      text: 'and then?',
      thread: { platform: 'slack', channel: 'C1', thread: '1.000' },
      mentioned: false,
    });
    expect(threadMessageFrom({ ...reply, subtype: 'thread_broadcast' }, BOT)).not.toBeNull();
  });

  it('ignores top-level messages, its own, bots’, edits, deletions, other subtypes and mentions (answered as app_mention)', () => {
    const ignored = [
      { ...reply, thread_ts: undefined },
      { ...reply, thread_ts: '2.000' },
      { ...reply, user: BOT },
      { ...reply, bot_id: 'B1' },
      { ...reply, subtype: 'bot_message' },
      { ...reply, subtype: 'message_changed' },
      { ...reply, subtype: 'message_deleted' },
      { ...reply, subtype: 'channel_join' },
      { ...reply, text: `<@${BOT}> hi` },
      { ...reply, type: 'reaction_added' },
      { ...reply, user: undefined },
      null,
      'message',
    ];
    for (const ev of ignored) expect(threadMessageFrom(ev, BOT)).toBeNull();
  });

  it('answers an app_mention in its thread, or starts one under the message', () => {
    const top = {
      type: 'app_mention',
      channel: 'C1',
      user: 'U1',
      text: `<@${BOT}>   what about <!here>?`,
      ts: '5.000',
    };
    expect(mentionFrom(top, BOT)).toMatchObject({
      text: 'what about @here?',
      mentioned: true,
      thread: { thread: '5.000' },
    });
    expect(mentionFrom({ ...top, thread_ts: '4.000' }, BOT)).toMatchObject({ thread: { thread: '4.000' } });
    expect(mentionFrom({ ...top, bot_id: 'B2' }, BOT)).toBeNull();
    expect(mentionFrom({ ...top, edited: { ts: '6' } }, BOT)).toBeNull();
  });

  it('reads a slash command', () => {
    expect(commandFrom({ channel_id: 'C1', user_id: 'U1', text: 'search steel &amp; iron' })).toEqual({
      platform: 'slack',
      channel: 'C1',
      user: 'U1',
      text: 'search steel & iron',
    });
  });
});

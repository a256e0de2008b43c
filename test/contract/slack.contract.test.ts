import type { ThreadRef } from '../../src/domain/thread-ref.ts';
import { createSlackAdapter, type HandledEvent } from '../../src/adapters/slack/slack-adapter.ts';
import { escapeMrkdwn } from '../../src/adapters/slack/mrkdwn.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { FakeSlack, waitFor } from '../integration/slack/fakes/fake-slack.ts';
import { FAST_RETRY, commandPayload, eventPayload, slackConfig } from '../integration/slack/fakes/setup.ts';
import { chatAdapterContract } from './chat-adapter-contract.ts';

/** What a person sees of a message: its blocks' text (or the fallback text without blocks). */
function visible(payload: Record<string, unknown>): string {
  const blocks = payload['blocks'];
  if (!Array.isArray(blocks)) return String(payload['text'] ?? '');
  return blocks
    .map(
      (b: { text?: { text?: string }; elements?: { text?: string }[] }) =>
        b.text?.text ?? (b.elements ?? []).map((e) => e.text ?? '').join(' '),
    )
    .filter((t) => t !== '')
    .join('\n');
}

/**
 * The contract through a fake Slack in Socket Mode: commands arrive as slash_commands
 * envelopes and are read back from the response_url; thread messages arrive as events_api
 * envelopes and are read back from chat.postMessage calls in that thread.
 */
chatAdapterContract('slack', async (bot) => {
  const fake = await new FakeSlack().start();
  const handled: HandledEvent[] = [];
  const adapter = createSlackAdapter(slackConfig(fake, 'socket'), silentLogger(), {
    retryConfig: FAST_RETRY,
    onHandled: (e) => handled.push(e),
  });
  await adapter.start(bot.handlers);
  let n = 0;

  /** Delivers something and waits until the adapter has handled it; returns its outcome. */
  const deliver = async (
    kind: HandledEvent['kind'],
    send: () => Promise<unknown>,
  ): Promise<HandledEvent['outcome']> => {
    const before = handled.filter((h) => h.kind === kind).length;
    await send();
    const done = await waitFor(() => handled.filter((h) => h.kind === kind)[before], 10_000, `${kind} handled`);
    return done.outcome;
  };

  return {
    adapter,
    channel: 'C0DIGEST',
    command: async (text: string, thread?: ThreadRef) => {
      const id = `contract-${++n}`;
      // Slack escapes &, < and > in what the user typed.
      await deliver('command', () =>
        fake.sendEnvelope(
          'slash_commands',
          commandPayload(fake, escapeMrkdwn(text), id, thread?.channel ?? 'C0DIGEST'),
        ),
      );
      return fake.responses
        .filter((r) => r.id === id)
        .map((r) => visible(r.body))
        .join('\n');
    },
    threadMessage: async (thread: ThreadRef, text: string) => {
      n += 1;
      const ts = `1900000000.${String(n).padStart(6, '0')}`;
      const before = fake.calls.length;
      const event = {
        type: 'message',
        channel: thread.channel,
        user: 'U0HUMAN',
        text: escapeMrkdwn(text),
        ts,
        thread_ts: thread.thread,
        channel_type: 'channel',
      };
      const outcome = await deliver('message', () =>
        fake.sendEnvelope('events_api', eventPayload(event, `EvContract${n}`)),
      );
      if (outcome !== 'answered') return null;
      const replies = fake.calls
        .slice(before)
        .filter(
          (c) =>
            c.method === 'chat.postMessage' &&
            c.args['thread_ts'] === thread.thread &&
            c.args['channel'] === thread.channel,
        );
      return replies.length === 0 ? null : replies.map((c) => visible(c.args)).join('\n');
    },
    outbound: () => [
      ...fake.calls.filter((c) => c.method.startsWith('chat.')).map((c) => JSON.stringify(c.args)),
      ...fake.responses.map((r) => r.raw),
    ],
    close: async () => {
      await adapter.stop();
      await fake.close();
    },
  };
});

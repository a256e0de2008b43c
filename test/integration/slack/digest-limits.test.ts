import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_LIMITS, limitProblems, type Block } from '../../../src/adapters/slack/limits.ts';
import { articleBlocks } from '../../../src/adapters/slack/render-digest.ts';
import { safeText } from '../../../src/adapters/slack/mrkdwn.ts';
import type { SlackAdapter } from '../../../src/adapters/slack/slack-adapter.ts';
import { LIVE_MARKUP } from '../../contract/fixtures.ts';
import { FakeSlack, type RecordedCall } from './fakes/fake-slack.ts';
import { adapterFor } from './fakes/setup.ts';
import { OVERSIZED, hostileItem as item } from './fakes/digests.ts';

/** Live mentions (raw `<!…>`, `<@…>`, `<#…>`, bare @everyone); links are checked separately. */
const MENTIONS = [/<[!@#]/, /(?<![\w\u200b])@(everyone|here|channel)\b(?!\u200b)/, ...LIVE_MARKUP.slice(0, 2)];

function blocksOf(call: RecordedCall): Block[] {
  return call.args['blocks'] as Block[];
}

describe('digest posting within Slack limits', () => {
  let fake: FakeSlack;
  let adapter: SlackAdapter;

  beforeEach(async () => {
    fake = await new FakeSlack().start();
    ({ adapter } = adapterFor(fake, 'socket'));
  });

  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  it('splits an oversized digest into messages that each fit, with no live mention, threaded under the first', async () => {
    const posted = await adapter.postDigest('C0DIGEST', OVERSIZED, { digestId: 'digest-42' });
    const calls = fake.callsOf('chat.postMessage');
    expect(calls.length).toBe(posted.messageIds.length);
    expect(calls.length).toBeGreaterThan(10);
    const parent = posted.messageId;
    expect(posted.thread).toEqual({ platform: 'slack', channel: 'C0DIGEST', thread: parent });

    calls.forEach((call, i) => {
      const blocks = blocksOf(call);
      const text = String(call.args['text']);
      expect(limitProblems({ text, blocks })).toEqual([]);
      expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      const total = blocks.reduce(
        (n, b) =>
          n +
          (b.type === 'context'
            ? b.elements.reduce((m, e) => m + e.text.length, 0)
            : b.type === 'divider'
              ? 0
              : b.text.text.length),
        0,
      );
      expect(total).toBeLessThanOrEqual(12_000);
      for (const b of blocks) {
        if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(3000);
        if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
      }
      expect(text.length).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(3000);
      const sent = JSON.stringify(call.args);
      for (const re of MENTIONS) expect(sent).not.toMatch(re);
      // The only link markup is the one built from an article's own http(s) URL.
      for (const link of sent.match(/<[a-z]+:[^>|]*\|/g) ?? [])
        expect(link).toMatch(/^<https:\/\/news\.example\/a\/\d+\?x=1&amp;y=%3C2%3E%7Cz\|$/);
      expect(call.args['link_names']).toBe('false');
      expect(call.args['metadata']).toEqual({
        event_type: 'trade_news_digest',
        event_payload: { digest_id: 'digest-42' },
      });
      if (i === 0) expect(call.args['thread_ts']).toBeUndefined();
      else expect(call.args['thread_ts']).toBe(parent);
    });

    const everything = calls.map((c) => JSON.stringify(c.args['blocks'])).join('\n');
    for (const it of OVERSIZED.items) expect(everything).toContain(`report ${it.article.id.slice(1)}`);
    expect(blocksOf(calls[0] as RecordedCall)[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'News digest — 2026-11-28', emoji: false },
    });
  });

  it('links titles only to http(s) URLs, escaped; other URLs leave a plain title; source and date below', () => {
    const linked = articleBlocks(item(1))[0];
    const plain = articleBlocks(item(3))[0];
    expect(linked?.type === 'section' && linked.text.text).toBe(
      '*<https://news.example/a/1?x=1&amp;y=%3C2%3E%7Cz|Harbour &lt;\u200bb&gt;tariffs&lt;\u200b/b&gt; &amp; steel &lt;\u200b!channel&gt; report 1>*\nWire &amp; Co &lt;\u200b@U123&gt; · 2026-11-27',
    );
    expect(plain?.type === 'section' && plain.text.text).toBe(
      '*Harbour &lt;\u200bb&gt;tariffs&lt;\u200b/b&gt; &amp; steel &lt;\u200b!channel&gt; report 3*\nWire &amp; Co &lt;\u200b@U123&gt; · 2026-11-27',
    );
    const updated = articleBlocks({ ...item(3), updated: true })[0];
    expect(updated?.type === 'section' && updated.text.text).toBe(
      '_Updated:_ *Harbour &lt;\u200bb&gt;tariffs&lt;\u200b/b&gt; &amp; steel &lt;\u200b!channel&gt; report 3*\nWire &amp; Co &lt;\u200b@U123&gt; · 2026-11-27',
    );
  });

  it('splits a long summary between sentences, never inside a word', () => {
    const it1 = item(7);
    const summaries = articleBlocks(it1)
      .filter(
        (b): b is Extract<Block, { type: 'section' }> => b.type === 'section' && b.text.text.startsWith('Article'),
      )
      .map((b) => b.text.text);
    expect(summaries.length).toBeGreaterThan(1);
    expect(summaries.join(' ')).toBe(safeText(it1.summary.sentences.join(' ')));
    for (const s of summaries) expect(s).toMatch(/patiently\.$/);
  });

  it('puts key quotes with their speaker in block quotes', () => {
    const quotes = articleBlocks(item(2)).filter((b) => b.type === 'section' && b.text.text.startsWith('> '));
    const text = quotes.map((b) => (b.type === 'section' ? b.text.text : '')).join('\n');
    expect(text).toContain('— _Speaker &lt;\u200b@U123&gt; 0_');
    expect(text).toContain('— _unattributed_');
  });
});

import { describe, expect, it } from 'vitest';
import { renderReply as discordReply } from '../../../src/adapters/discord/render-replies.ts';
import { renderReply as slackReply } from '../../../src/adapters/slack/render-blocks.ts';
import { defang } from '../../../src/bot/safety.ts';
import type { BotReply } from '../../../src/chat/replies.ts';
import { renderDigest } from '../../../src/digest/render-text.ts';
import { terminalText } from '../../../src/digest/sink-filters.ts';
import type { Digest } from '../../../src/domain/types.ts';

const PHISH_TITLE = 'Foo](https://evil.example/phish) bar';
const search: BotReply = {
  kind: 'search',
  terms: 'foo',
  hits: [
    {
      articleId: 'a',
      title: PHISH_TITLE,
      date: null,
      url: 'https://real.example/a',
      line: 'See [here](https://evil.example/x).',
      score: 1,
    },
  ],
};

const ESCAPES =
  'Clear\x1b[2J screen, \x1b]8;;https://evil.example\x07hyperlink\x1b]8;;\x07 and \x9b31m red\x07 bell\r done';
function digestWith(title: string, url: string | null, sentence: string): Digest {
  const article = { id: 'x', file: 'x.md', title, date: null, source: 'Wire\x1b[5m', url, tags: [], body: sentence };
  return {
    date: '2026-01-01',
    items: [
      {
        article,
        summary: { sentences: [sentence], method: 'extractive' },
        quotes: [{ text: 'We said \x1b[2J no', speaker: 'Ann\x1b]0;pwn\x07 Lee', start: 0, end: 1 }],
      },
    ],
    fallbacks: [],
  } as unknown as Digest;
}

/** Every live masked link `[label](url)` in Discord markdown (an escaped `\]` does not close a label). */
function maskedLinks(md: string): string[] {
  return [...md.matchAll(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\((https?:[^)\s]+)\)/g)].map((m) => m[2] as string);
}

describe('one output filter per sink', () => {
  it('Discord: a title cannot smuggle a masked link into a search result', () => {
    const text = JSON.stringify(discordReply(search));
    const content = discordReply(search)
      .flatMap((m) => m.embeds.map((e) => e.description ?? ''))
      .join('\n');
    expect(maskedLinks(content)).toEqual(['https://real.example/a']);
    expect(text).not.toMatch(/\[Foo\]\(https:\/\/evil/);
  });

  it('Slack: a title cannot smuggle link syntax into a search result', () => {
    const text = JSON.stringify(slackReply(search));
    expect(text).not.toMatch(/<https:\/\/evil/);
    expect(text).toContain('<https://real.example/a|');
  });

  it('defangs mass mentions followed by more letters or digits', () => {
    for (const s of ['@everyones', '@here2', '@channel_x']) expect(defang(s)).not.toMatch(/@(everyone|here|channel)/);
  });

  it('terminal: escape sequences and control characters are removed', () => {
    expect(terminalText(ESCAPES)).toBe('Clear screen, hyperlink and  red bell done');
    const out = renderDigest(digestWith(`Title\x1b[2J`, 'https://ok.example/\x1b[2J', ESCAPES), 'text');
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(out).toContain('Clear screen');
  });

  it('markdown: only http(s) URLs are linked, and control characters are removed', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'file:///etc/passwd']) {
      const md = renderDigest(digestWith('A [title](https://evil.example)', bad, ESCAPES), 'markdown');
      expect(md).not.toMatch(/javascript:|data:|vbscript:|file:/);
      expect(md).toContain('A \\[title\\](https://evil.example)');
      // eslint-disable-next-line no-control-regex
      expect(md).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    }
    expect(renderDigest(digestWith('T', 'https://ok.example/a b', 'Body.'), 'markdown')).toContain(
      '<https://ok.example/a%20b>',
    );
  });
});

import type { Digest, DigestItem } from '../../../../src/domain/types.ts';

/** A ~5,000-character summary of whole sentences, with hostile bits in it. */
function longSummary(n: number): string[] {
  const sentences: string[] = [];
  for (let i = 0; sentences.join(' ').length < 5000; i++) {
    sentences.push(
      `Article ${n} sentence ${i} says tariffs & quotas rose <fast> for @everyone and <!here> while exporters waited patiently.`,
    );
  }
  return sentences;
}

export function hostileItem(n: number): DigestItem {
  const body = 'x';
  return {
    article: {
      id: `a${n}`,
      file: `a${n}.txt`,
      title: `Harbour <b>tariffs</b> & steel <!channel> report ${n}`,
      date: '2026-11-27',
      source: 'Wire & Co <@U123>',
      url: n % 3 === 0 ? 'javascript:alert(1)' : `https://news.example/a/${n}?x=1&y=<2>|z`,
      tags: [],
      body,
    },
    summary: { method: 'extractive', sentences: longSummary(n) },
    quotes: [0, 1, 2].map((q) => ({
      text: `Tell <!channel> and <@U123> and <!subteam^S1|@ops> and @here about <https://evil.example|this> now ${'please '.repeat(40)}${q}`,
      speaker: q === 2 ? null : `Speaker <@U123> ${q}`,
      start: 0,
      end: 1,
    })),
  };
}

/** The oversized digest: 60 articles, ~5,000-character summaries, quotes full of mentions. */
export const OVERSIZED: Digest = {
  date: '2026-11-28',
  items: Array.from({ length: 60 }, (_, i) => hostileItem(i + 1)),
  fallbacks: [],
};

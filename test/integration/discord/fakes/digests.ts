import type { Digest, DigestItem } from '../../../../src/domain/types.ts';

const WORDS = [
  'tariff',
  'harbour',
  'steel',
  'ministry',
  'export',
  'quota',
  'negotiation',
  'shipping',
  'customs',
  'agreement',
];

/** Deterministic prose of about `n` words, in sentences, with markdown characters sprinkled in. */
export function prose(n: number, seed = 1): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = WORDS[(i * 7 + seed) % WORDS.length] ?? 'trade';
    out.push(i % 12 === 11 ? `${w}.` : i % 17 === 5 ? `*${w}*` : w);
  }
  return out.join(' ');
}

export function item(
  i: number,
  opts: { summaryWords?: number; quotes?: number; quoteWords?: number; title?: string } = {},
): DigestItem {
  const quotes = Array.from({ length: opts.quotes ?? 1 }, (_, q) => {
    const text = `Tell @everyone and @here and <@123456789012345678> ${prose(opts.quoteWords ?? 20, q)}`;
    return { text, speaker: `Speaker ${q} of article ${i}`, start: 0, end: text.length };
  });
  return {
    article: {
      id: `a${i}`,
      file: `a${i}.txt`,
      title: opts.title ?? `Harbour tariffs rise, article ${i} @everyone`,
      date: '2026-11-27',
      source: 'Valdoria Times',
      url: `https://news.example/a/${i}`,
      tags: [],
      body: '',
    },
    summary: { method: 'extractive', sentences: [prose(opts.summaryWords ?? 40, i)] },
    quotes,
  };
}

export function smallDigest(): Digest {
  return { date: '2026-11-28', items: [item(1), item(2)], fallbacks: [] };
}

/** 60 articles, long titles, summaries over one embed description, many long quotes with @everyone. */
export function oversizedDigest(): Digest {
  const items = Array.from({ length: 60 }, (_, i) =>
    item(i, {
      summaryWords: i % 3 === 0 ? 900 : 150,
      quotes: i % 5 === 0 ? 30 : 3,
      quoteWords: i % 4 === 0 ? 220 : 30,
      title: `${'Very long headline about harbour tariffs '.repeat(8)}#${i} @everyone`,
    }),
  );
  return { date: '2026-11-28', items, fallbacks: [] };
}

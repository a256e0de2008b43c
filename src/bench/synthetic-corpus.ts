import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A deterministic synthetic news corpus for benchmarks: trade-news-like articles of a
 * given length with datelines, abbreviations, numbers, money and attributed quotations.
 * Generated text, so no third-party article is stored or copied.
 */

const PEOPLE = [
  'Maria Lindqvist',
  'Kenji Sato',
  'Amara Okafor',
  'Daniel Reyes',
  'Priya Natarajan',
  'Tomasz Nowak',
  'Leila Haddad',
  'Jonas Weber',
];
const ROLES = [
  'Trade Minister',
  'U.S. Trade Representative',
  'Finance Minister',
  'central bank Governor',
  'Gen.',
  'Mr.',
];
const PLACES = [
  'Japan',
  'the United States',
  'Brazil',
  'the European Union',
  'India',
  'Canada',
  'Kenya',
  'South Korea',
];
const GOODS = ['steel', 'soybeans', 'cars', 'semiconductors', 'aluminium', 'rice', 'solar panels', 'textiles'];
const VERBS = ['said', 'told reporters', 'added', 'said on Tuesday'];

/** Small deterministic PRNG (mulberry32), so every run benchmarks the same text. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'ten',
  'sa',
  'vel',
  'dor',
  'lu',
  'pra',
  'zen',
  'bo',
  'qui',
  'nar',
  'tes',
  'mo',
  'fi',
];
const INDUSTRIES = ['shipping', 'steel', 'chip', 'grain', 'textile', 'battery', 'ferry', 'cable'];

function word(r: () => number, parts: number): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += pick(r, SYLLABLES);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** The company an article is about: name, home city, industry and profit, unique per seed. */
export function companyOf(seed: number): { name: string; city: string; industry: string; profit: string } {
  const r = rng(seed * 7919 + 13);
  return {
    name: `${word(r, 3)} ${pick(r, ['Holdings', 'Group', 'Trading'])}`,
    city: word(r, 3),
    industry: pick(r, INDUSTRIES),
    profit: (r() * 9 + 1).toFixed(2),
  };
}

function sentence(r: () => number): string {
  const p = pick(r, PEOPLE);
  const place = pick(r, PLACES);
  const other = pick(r, PLACES);
  const good = pick(r, GOODS);
  const pct = (r() * 9 + 0.5).toFixed(1);
  const bn = (r() * 90 + 1).toFixed(2);
  switch (Math.floor(r() * 6)) {
    case 0:
      return `${place} and ${other} agreed to start talks on tariffs for ${good}, ${pick(r, ROLES)} ${p} said.`;
    case 1:
      return `“We expect exports of ${good} to grow by ${pct}% next year,” ${p} ${pick(r, VERBS)}. “That is good news for both sides.”`;
    case 2:
      return `Imports of ${good} from ${other} rose to $${bn}bn in the third quarter, up from a year earlier, according to the U.N. trade agency.`;
    case 3:
      return `${p}, the ${pick(r, ROLES)}, said the deal would cut duties on ${good} by ${pct}% over five years.`;
    case 4:
      return `Analysts at the Geneva institute expect the surplus of ${place} to narrow as demand for ${good} slows… but not before next spring.`;
    default:
      return `The talks, held on the sidelines of the summit, come amid growing tensions between ${place} and ${other} over ${good}.`;
  }
}

/** One article text in the `.txt` format: title, blank line, dateline and paragraphs. */
export function syntheticArticle(seed: number, words: number): string {
  const r = rng(seed);
  const title = `${pick(r, PLACES)} and ${pick(r, PLACES)} talk ${pick(r, GOODS)} tariffs`;
  const paras: string[] = [];
  let count = 0;
  let para: string[] = [];
  while (count < words) {
    const s = sentence(r);
    para.push(s);
    count += s.split(' ').length;
    if (para.length >= 1 + Math.floor(r() * 3)) {
      paras.push(para.join(' '));
      para = [];
    }
  }
  if (para.length > 0) paras.push(para.join(' '));
  const c = companyOf(seed);
  paras.splice(
    1,
    0,
    `${c.name}, a ${c.industry} company based in ${c.city}, reported a profit of $${c.profit}bn for the year, its chief executive said.`,
  );
  const day = 1 + (seed % 28);
  return `${title}\n\nMarch ${day}, 2025 – ${paras.join('\n\n')}\n`;
}

/** Write `n` articles of about `words` words each into `dir` (created). */
export function writeSyntheticCorpus(dir: string, n: number, words: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++)
    writeFileSync(path.join(dir, `article-${String(i).padStart(5, '0')}.txt`), syntheticArticle(i + 1, words));
}

import { escapeMarkdown } from 'discord.js';
import { defang } from '../../bot/safety.ts';

/**
 * Text for Discord: article and user text is shown literally (every markdown construct
 * escaped, so `*`, `_`, `#`, `>`, `[x](y)`, lists and code cannot restyle a post) and
 * defanged (no mass mention, no `<@…>`/`<#…>` markup). Also splitting and clipping at
 * paragraph, sentence or word boundaries — never mid-word unless a single word is longer
 * than the whole limit.
 */

/** URLs stay as they are, so Discord still links them (an escaped `_` would break the link). */
const URL_RE = /\bhttps?:\/\/[^\s<>()[\]]+/g;

/**
 * Markdown escaping of text outside URLs. discord.js `escapeMarkdown` does the work, except
 * for `*`, `_` and `[`: its italic/bold/underline rules use unbounded look-behinds that make
 * it quadratic (seconds for a long article), and its masked-link rule misses a link whose
 * URL part is kept apart; so every `*`, `_` and `[` is escaped here instead, after
 * backslashes and before the rest — each character gets exactly one escaping backslash.
 * Line-start `>` (quote) and `-#` (subtext), which it leaves alone, are escaped too.
 */
function escapePlain(text: string): string {
  const starred = text.replaceAll('\\', '\\\\').replace(/[*_[]/g, '\\$&');
  const escaped = escapeMarkdown(starred, {
    escape: false,
    italic: false,
    bold: false,
    underline: false,
    heading: true,
    bulletedList: true,
    numberedList: true,
  });
  return escaped.replace(/^(\s*)(>|-#)/gm, '$1\\$2');
}

export function literal(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    out += escapePlain(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return defang(out + escapePlain(text.slice(last)));
}

/**
 * Text for the label of a masked link `[label](url)`: everything escaped, URLs included, plus
 * `]`, `(` and `)` so the label cannot close early and smuggle a second link
 * (`Foo](https://evil.example) bar`); `://` is broken so no URL inside a label links.
 */
export function linkLabel(text: string): string {
  return defang(
    escapePlain(text)
      .replace(/[\])]|\(/g, '\\$&')
      .replace(/:\/\//g, ':\u200b//'),
  );
}

/** A URL for the target of a masked link: parentheses and spaces percent-encoded. */
export function linkTarget(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => encodeURIComponent(c).replace('(', '%28').replace(')', '%29'));
}

const SENTENCE_END = /[.!?…][)"'’”\]]*\s+/g;

/** Where to cut `text` so the first part is at most `max` long (a boundary when there is one). */
function cutAt(text: string, max: number): number {
  const floor = Math.floor(max / 2);
  const para = text.lastIndexOf('\n\n', max);
  if (para > floor) return para;
  const line = text.lastIndexOf('\n', max);
  if (line > floor) return line;
  let sentence = -1;
  for (const m of text.slice(0, max + 1).matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end <= max + 1) sentence = m.index + m[0].trimEnd().length;
  }
  if (sentence > floor) return sentence;
  const window = text.slice(0, max + 1);
  const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'), window.lastIndexOf('\t'));
  if (space > 0) return space;
  return hardCut(text, max);
}

/** A cut inside one over-long word: not between a surrogate pair, not after an escaping backslash. */
function hardCut(text: string, max: number): number {
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  while (cut > 1 && text[cut - 1] === '\\') cut -= 1;
  return Math.max(1, cut);
}

/** Chunks of at most `max` characters, cut at the best boundary; empty input gives no chunk. */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = cutAt(rest, max);
    const head = rest.slice(0, cut).trimEnd();
    if (head !== '') out.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') out.push(rest);
  return out;
}

/** `text` shortened to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const head = splitText(t, max - 1)[0] ?? '';
  return `${head.replace(/[\s\\]+$/u, '')}…`;
}

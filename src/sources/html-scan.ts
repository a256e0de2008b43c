/**
 * A linear pass over raw HTML, without building a DOM: how heavy the markup is (to decide whether
 * the DOM and Readability can be afforded), and a rough plain text for pages that are too heavy.
 * Every search moves forward (`indexOf`), so the cost stays linear even on hostile input.
 */
import { decodeEntities } from './entities.ts';

/** Elements that never have content, and ones whose end tag is commonly left out. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const OPTIONAL_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'rt',
  'rp',
  'optgroup',
]);
/** Elements whose content the HTML parser reads as plain text, not as markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
/** Elements whose content is not text of the article. */
const NOT_ARTICLE = new Set([
  ...RAW_TEXT,
  'noscript',
  'template',
  'svg',
  'math',
  'head',
  'iframe',
  'object',
  'select',
  'button',
]);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);

export interface HtmlStats {
  /** Start tags seen (all elements). */
  readonly tags: number;
  /** Nesting depth estimated from start and end tags (end tags that are often omitted are ignored). */
  readonly depth: number;
  /** `<` characters that do not start a tag. */
  readonly bareLt: number;
}

/** Lower-cases ASCII letters only, so offsets stay the same as in the original. */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** `name` is '' for a `<` that starts no tag and `#end` at the end; `empty` for void and `<x/>` tags. */
type Visit = (name: string, closing: boolean, empty: boolean, text: string) => void;

/** Calls `visit` for each tag (lower-case name) with the text since the previous one; skips the content of `skip` elements. */
function scan(html: string, visit: Visit, skip: ReadonlySet<string>): void {
  const lower = asciiLower(html);
  const lastGt = html.lastIndexOf('>');
  let i = 0;
  let text = '';
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z!?][^\s/>]*)/.exec(html.slice(lt, lt + 64));
    const gt = m && lt < lastGt ? html.indexOf('>', lt) : -1;
    if (!m || gt < 0) {
      visit('', false, true, '');
      text += '<';
      i = lt + 1;
      continue;
    }
    const name = (m[2] as string).toLowerCase();
    const closing = m[1] === '/';
    const empty = VOID.has(name) || html.charCodeAt(gt - 1) === 0x2f;
    visit(name, closing, empty, text);
    text = '';
    i = gt + 1;
    if (!closing && !empty && skip.has(name)) {
      const end = lower.indexOf(`</${name}`, i);
      const close = end < 0 ? -1 : html.indexOf('>', end);
      i = close < 0 ? html.length : close + 1;
    }
  }
  visit('#end', false, true, text);
}

export function htmlStats(html: string): HtmlStats {
  let tags = 0;
  let depth = 0;
  let max = 0;
  let bareLt = 0;
  scan(
    html,
    (name, closing, empty) => {
      if (name === '') bareLt++;
      else if (name === '#end' || name.startsWith('!') || name.startsWith('?')) return;
      else {
        if (!closing) tags++;
        if (empty || OPTIONAL_END.has(name)) return;
        if (closing) depth = Math.max(0, depth - 1);
        else if (++depth > max) max = depth;
      }
    },
    RAW_TEXT,
  );
  return { tags, depth: max, bareLt };
}

/** Rough plain text of a page: tags dropped, block elements as paragraphs, scripts and styles skipped. */
export function roughHtmlText(html: string): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const p = current.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (p !== '') paragraphs.push(p);
    current = '';
  };
  scan(
    html,
    (name, _closing, _empty, text) => {
      current += decodeEntities(text);
      if (name === 'br') current += ' ';
      else if (BLOCK.has(name) || name === '#end') flush();
    },
    NOT_ARTICLE,
  );
  return paragraphs.join('\n\n');
}

/** The `<title>` text, found without a DOM. */
export function roughTitle(html: string): string | null {
  const lower = asciiLower(html);
  const start = lower.indexOf('<title');
  const open = start < 0 ? -1 : html.indexOf('>', start);
  const end = open < 0 ? -1 : lower.indexOf('</title', open);
  if (end < 0) return null;
  const t = decodeEntities(html.slice(open + 1, end))
    .replace(/\s+/g, ' ')
    .trim();
  return t === '' ? null : t;
}

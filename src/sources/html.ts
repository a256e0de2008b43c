/**
 * An `.html`/`.htm` article: metadata from `<meta>`/`<link>`/`<time>`, main text from
 * @mozilla/readability over a linkedom document, block elements turned into paragraphs.
 * linkedom and readability are imported lazily, on the first HTML file. Never throws.
 */
import { normalizeDate } from './dates.ts';
import { asciiLower, htmlStats, roughHtmlText, roughTitle } from './html-scan.ts';
import {
  cleanLine,
  makeArticle,
  normalizeParagraphs,
  normalizeTags,
  optionalLine,
  titleFromFileName,
  type Parsed,
} from './parsed.ts';

/** The small part of the DOM this module uses (the project compiles without the DOM lib). */
interface DomNode {
  readonly nodeType: number;
  readonly textContent?: string | null;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly localName?: string;
  getAttribute?(name: string): string | null;
}
interface DomDocument {
  querySelectorAll(
    selector: string,
  ): ArrayLike<DomNode & { getAttribute(name: string): string | null; textContent: string | null }>;
  readonly body: DomNode | null;
}
interface ReadabilityResult {
  readonly title?: string | null;
  readonly content?: DomNode | null;
  readonly siteName?: string | null;
  readonly publishedTime?: string | null;
}
interface Libs {
  readonly parse: (html: string) => DomDocument;
  readonly readability: (doc: DomDocument) => ReadabilityResult | null;
}

let libs: Promise<Libs> | undefined;

function loadLibs(): Promise<Libs> {
  libs ??= Promise.all([import('linkedom'), import('@mozilla/readability')]).then(([linkedom, readability]) => ({
    parse: (html: string) => new linkedom.DOMParser().parseFromString(html, 'text/html') as unknown as DomDocument,
    readability: (doc: DomDocument) =>
      new readability.Readability(doc as never, {
        serializer: (el: unknown) => el as DomNode,
        maxElemsToParse: MAX_READABILITY_ELEMENTS,
      }).parse() as ReadabilityResult | null,
  }));
  return libs;
}

/**
 * linkedom builds the tree as written (no implied `<html>`/`<head>`/`<body>`), so the markup is
 * rewrapped into one well-formed document first: the `<head>` part, then everything else.
 */
function wellFormed(html: string): string {
  const lower = asciiLower(html);
  let head = '';
  let rest = html;
  const open = lower.search(/<head[\s>]/);
  const openEnd = open < 0 ? -1 : html.indexOf('>', open);
  const close = openEnd < 0 ? -1 : lower.indexOf('</head', openEnd);
  const closeEnd = close < 0 ? -1 : html.indexOf('>', close);
  if (closeEnd >= 0) {
    head = html.slice(openEnd + 1, close);
    rest = html.slice(0, open) + html.slice(closeEnd + 1);
  }
  const body = rest.replace(/<!doctype[^<>]*>|<\/?(?:html|head|body)\b[^<>]*>/gi, '');
  return `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
}

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
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
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
]);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'svg',
  'math',
  'iframe',
  'object',
  'button',
  'select',
  'img',
]);

/** Plain text of an element: block elements end paragraphs, `<br>` breaks a line, spaces collapsed. */
export function domText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const p = current
      .split('\n')
      .map((l) => l.replace(/[ \t\n\r\f]+/g, ' ').trim())
      .filter((l) => l !== '')
      .join('\n');
    if (p !== '') paragraphs.push(p);
    current = '';
  };
  const walk = (node: DomNode, pre: boolean): void => {
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      current += pre ? v.replace(/\n/g, '\u2028') : v.replace(/[ \t\n\r\f]+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.localName ?? '';
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      current += '\n';
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k !== undefined) walk(k, pre || tag === 'pre');
      if (tag === 'tr' && i < kids.length - 1) current += ' ';
    }
    if (tag === 'td' || tag === 'th') current += ' ';
    if (block) flush();
  };
  walk(root, false);
  flush();
  return paragraphs.join('\n\n').replace(/\u2028/g, '\n');
}

function metaMap(doc: DomDocument): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const el = metas[i];
    if (el === undefined) continue;
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    const content = el.getAttribute('content');
    if (key === '' || content === null || content.trim() === '') continue;
    const list = map.get(key) ?? [];
    list.push(content.trim());
    map.set(key, list);
  }
  return map;
}

/**
 * Limits past which the markup is too heavy for a DOM (linkedom and Readability slow down
 * sharply, or overflow the stack, on very deep nesting, huge tag counts or masses of stray `<`);
 * such a page gets a rough linear text extraction instead (title from `<title>`, no metadata).
 */
const MAX_DEPTH = 256;
const MAX_TAGS = 40_000;
const MAX_BARE_LT = 10_000;
/**
 * Readability itself slows down on big pages (its cost grows with the elements, and with the
 * text times the nesting depth); past these the whole body text is used instead.
 */
const MAX_READABILITY_ELEMENTS = 10_000;
const MAX_DEPTH_TIMES_TEXT = 10_000_000;

/**
 * Readability re-serializes the page, and linkedom turns each `<`, `>`, `&` or no-break space of the
 * text into a node of its own on the way back, which gets very slow (minutes for a 2 MB page of
 * them). Past this many such characters the whole body text is used instead.
 */
const MAX_ESCAPED_CHARS = 2000;

const DATE_KEYS = [
  'article:published_time',
  'og:published_time',
  'date',
  'pubdate',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.created',
  'datepublished',
  'publishdate',
];

function firstAttr(doc: DomDocument, selector: string, attr: string): string | null {
  const els = doc.querySelectorAll(selector);
  for (let i = 0; i < els.length; i++) {
    const v = els[i]?.getAttribute(attr);
    if (v && v.trim() !== '') return v.trim();
  }
  return null;
}

export async function parseHtml(file: string, text: string): Promise<Parsed> {
  try {
    const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const stats = htmlStats(src);
    if (stats.depth > MAX_DEPTH || stats.tags > MAX_TAGS || stats.bareLt > MAX_BARE_LT) {
      const body = normalizeParagraphs(roughHtmlText(src));
      return makeArticle({
        file,
        title: roughTitle(src) ?? titleFromFileName(file),
        date: null,
        source: null,
        url: null,
        tags: [],
        body,
      });
    }
    const { parse, readability } = await loadLibs();
    const doc = parse(wellFormed(src));
    const meta = metaMap(doc);
    const first = (...keys: string[]): string | null => {
      for (const k of keys) {
        const v = meta.get(k)?.[0];
        if (v !== undefined) return v;
      }
      return null;
    };
    const titleEl = doc.querySelectorAll('title')[0];
    const docTitle = optionalLine(titleEl?.textContent);
    const ogTitle = optionalLine(first('og:title'));
    const url = first('og:url') ?? firstAttr(doc, 'link[rel="canonical"]', 'href');
    const tags = normalizeTags([
      ...(meta.get('article:tag') ?? []),
      ...(meta.get('keywords') ?? []).flatMap((k) => k.split(',')),
    ]);
    let date: string | null = null;
    for (const k of DATE_KEYS) {
      for (const v of meta.get(k) ?? []) date ??= normalizeDate(v);
    }
    date ??= normalizeDate(firstAttr(doc, 'time[datetime]', 'datetime'));
    // Without Readability, the <article> (or <main>) element, else the whole body.
    const main = doc.querySelectorAll('article')[0] ?? doc.querySelectorAll('main')[0] ?? doc.body;
    const fallbackText = (main ? domText(main) : '') || (doc.body ? domText(doc.body) : '');

    let article: ReadabilityResult | null = null;
    const bodyText = doc.body?.textContent ?? '';
    const affordable =
      stats.depth * bodyText.length <= MAX_DEPTH_TIMES_TEXT &&
      (bodyText.match(/[<>&\u00a0]/g)?.length ?? 0) <= MAX_ESCAPED_CHARS;
    if (affordable) {
      try {
        article = readability(doc); // mutates doc: everything above is read first
      } catch {
        article = null;
      }
    }
    const readText = article?.content ? domText(article.content) : '';
    date ??= normalizeDate(article?.publishedTime);
    const title = ogTitle ?? docTitle ?? optionalLine(article?.title) ?? titleFromFileName(file);
    const body = normalizeParagraphs(readText !== '' ? readText : fallbackText);
    return makeArticle({
      file,
      title: cleanLine(title),
      date,
      source: optionalLine(first('og:site_name', 'application-name')) ?? optionalLine(article?.siteName),
      url: optionalLine(url),
      tags,
      body,
    });
  } catch (err) {
    const why =
      err instanceof RangeError ? 'it is nested too deeply' : err instanceof Error ? err.message : String(err);
    return { file, reason: `could not read the HTML: ${why}` };
  }
}

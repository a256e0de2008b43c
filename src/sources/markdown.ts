/**
 * A `.md` article: optional YAML front matter (`title`, `date`, `source`, `url`, `tags`), then a
 * Markdown body turned into plain text by walking `marked`'s tokens. Headings, paragraphs, list
 * items, quotes, table rows and code blocks each become one paragraph; links keep their text;
 * images, HTML tags and link definitions are dropped. Never throws.
 */
import { Lexer, type Token } from 'marked';
import { parse as parseYaml } from 'yaml';
import { decodeEntities } from './entities.ts';
import { describeIssues, frontMatterSchema, normalizeMeta } from './meta.ts';
import { cleanLine, makeArticle, normalizeParagraphs, titleFromFileName, type Parsed } from './parsed.ts';

/** The parts of a marked token this walker reads (marked's own types are a wide union). */
interface Tok {
  readonly type: string;
  readonly text?: string;
  readonly depth?: number;
  readonly tokens?: readonly Tok[];
  readonly items?: readonly Tok[];
  readonly header?: readonly Tok[];
  readonly rows?: readonly (readonly Tok[])[];
}

type Split = { readonly yaml: string | null; readonly body: string } | { readonly error: string };

/** Separates `---` front matter from the body (text already has `\n` line ends). */
export function splitFrontMatter(text: string): Split {
  if (/^\+\+\+[^\S\n]*\n/.test(text))
    return { error: 'TOML front matter (+++) is not supported — use YAML between --- lines' };
  const open = /^---[^\S\n]*\n/.exec(text);
  if (!open) return { yaml: null, body: text };
  const rest = `\n${text.slice(open[0].length)}`;
  const close = /\n(?:---|\.\.\.)[^\S\n]*(?=\n|$)/.exec(rest);
  if (!close) return { error: 'front matter is not closed — add a --- line after it' };
  return { yaml: rest.slice(1, Math.max(1, close.index + 1)), body: rest.slice(close.index + close[0].length) };
}

/** A line break inside a paragraph is a space (done without a regex that could backtrack). */
function softBreaks(s: string): string {
  if (!s.includes('\n')) return s;
  const lines = s.split('\n');
  const last = lines.length - 1;
  return lines
    .map((l, i) => (i > 0 ? (i < last ? l.trim() : l.trimStart()) : l.trimEnd()))
    .filter((l, i) => l !== '' || i === 0 || i === last)
    .join(' ');
}

function inline(tokens: readonly Tok[] | undefined, fallback: string | undefined): string {
  if (tokens === undefined) return softBreaks(decodeEntities(fallback ?? ''));
  let s = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'escape':
      case 'codespan':
        s += t.text ?? '';
        break;
      case 'br':
        s += '\n';
        break;
      case 'image':
      case 'html':
      case 'checkbox':
        break;
      default: // text, strong, em, del, link, and anything newer with text
        s += inline(t.tokens, t.text);
    }
  }
  return s;
}

/** Plain text of a block of HTML: tags dropped, block ends kept as paragraph breaks. */
function htmlText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
      .replace(/<(script|style|template)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
      .replace(
        /<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|section|article|table|tr|pre|figure|figcaption|header|footer)\b[^<>]*>/gi,
        '\n\n',
      )
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<[^<>]*>/g, ''),
  );
}

function push(out: string[], text: string): void {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/[^\S\n]+/g, ' ').trim())
    .filter((l) => l !== '');
  if (lines.length > 0) out.push(lines.join('\n'));
}

function blocks(tokens: readonly Tok[], out: string[], skip: Tok | null): void {
  for (const t of tokens) {
    if (t === skip) continue;
    switch (t.type) {
      case 'heading':
      case 'paragraph':
      case 'text':
        push(out, inline(t.tokens, t.text));
        break;
      case 'list':
        for (const item of t.items ?? []) blocks(item.tokens ?? [], out, null);
        break;
      case 'code':
        out.push(
          ...normalizeParagraphs(t.text ?? '')
            .split('\n\n')
            .filter((p) => p !== ''),
        );
        break;
      case 'table':
        for (const row of [t.header ?? [], ...(t.rows ?? [])])
          push(
            out,
            row
              .map((c) => inline(c.tokens, c.text).trim())
              .filter((c) => c !== '')
              .join('; '),
          );
        break;
      case 'html':
        for (const p of normalizeParagraphs(htmlText(t.text ?? '')).split('\n\n')) push(out, p);
        break;
      case 'space':
      case 'hr':
      case 'def':
      case 'checkbox':
        break;
      default:
        if (t.tokens) blocks(t.tokens, out, null);
        else if (t.text !== undefined) push(out, inline(undefined, t.text));
    }
  }
}

/**
 * marked's inline lexer is superlinear on some inputs (long runs of `*a*a…`), so a block longer
 * than this is not lexed inline: its links, images, emphasis marks and escapes are stripped by
 * linear regular expressions instead. News paragraphs are far shorter.
 */
const INLINE_LIMIT = 10_000;

function stripInline(src: string): string {
  return src
    .replace(/!\[[^[\]\n]*\]\([^()\n]*\)/g, '')
    .replace(/\[([^[\]\n]*)\]\([^()\n]*\)/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])|[*_~`]+/g, (_m, escaped: string | undefined) => escaped ?? '');
}

/**
 * marked's block lexer is also superlinear on deep nesting (`> > > …`, `- - - …`, or ever deeper
 * indentation): a line-start run of indentation and container markers longer than this is
 * dropped, so its text is kept as a plain line. No real article nests that deep.
 */
const DEEP_NESTING = /^[ \t>*+\-\d.)]{65,}/gm;

/** marked's lexer (block, then inline), bounded as described above. */
function lex(markdown: string): Tok[] {
  const lx = new Lexer();
  const tokens = lx.blockTokens(markdown.replace(DEEP_NESTING, ''), []);
  for (const q of lx.inlineQueue) {
    lx.state.inRawBlock = false;
    if (q.src.length <= INLINE_LIMIT) lx.inlineTokens(q.src, q.tokens);
    else q.tokens.push({ type: 'text', raw: q.src, text: stripInline(q.src) } as unknown as Token);
  }
  lx.inlineQueue = [];
  return tokens as unknown as Tok[];
}

/** Markdown → plain text: paragraphs separated by one blank line, no Markdown syntax left. */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  blocks(lex(markdown.replace(/\r\n?/g, '\n')), out, null);
  return normalizeParagraphs(out.join('\n\n'));
}

export function parseMarkdown(file: string, text: string): Parsed {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const split = splitFrontMatter(src);
  if ('error' in split) return { file, reason: split.error };
  let data: unknown = null;
  if (split.yaml !== null && /\S/.test(split.yaml)) {
    try {
      data = parseYaml(split.yaml, { logLevel: 'error', maxAliasCount: 100, prettyErrors: false });
    } catch (err) {
      const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
      return { file, reason: `front matter is not valid YAML: ${msg}` };
    }
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data))
    return { file, reason: 'front matter must be YAML "key: value" lines (a mapping)' };
  const meta = frontMatterSchema.safeParse(data);
  if (!meta.success) return { file, reason: `front matter field ${describeIssues(meta.error)}` };
  const m = normalizeMeta(meta.data);

  let tokens: Tok[];
  try {
    tokens = lex(split.body);
  } catch (err) {
    const why =
      err instanceof RangeError ? 'it is nested too deeply' : err instanceof Error ? err.message : String(err);
    return { file, reason: `could not read the Markdown: ${why}` };
  }
  // The first level-1 heading is the title when the front matter has none; a leading heading
  // that repeats the title is not repeated in the body.
  const firstBlock = tokens.find((t) => t.type !== 'space' && t.type !== 'def');
  const h1 = tokens.find((t) => t.type === 'heading' && t.depth === 1);
  const h1Text = h1 ? cleanLine(inline(h1.tokens, h1.text)) : '';
  const title = m.title ?? (h1Text || titleFromFileName(file));
  const skip = h1 && h1Text === title && (m.title === null || h1 === firstBlock) ? h1 : null;
  const out: string[] = [];
  blocks(tokens, out, skip);
  const body = normalizeParagraphs(out.join('\n\n'));
  return makeArticle({ file, title, date: m.date, source: m.source, url: m.url, tags: m.tags, body });
}

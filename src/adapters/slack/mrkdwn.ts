import { defang } from '../../bot/safety.ts';
import { httpUrl } from '../../digest/sink-filters.ts';

/**
 * Slack mrkdwn in and out. Out: every piece of article or user text goes through
 * `safeText` (defang, then escape `&`, `<`, `>`), so `<!channel>` arrives as the inert
 * `&lt;!channel&gt;`; only markup built here (links, bold, quotes) stays live.
 * In: Slack's markup in what users type is turned back into plain text for the core.
 */

/** Slack's three control characters; `&` first so entities are not escaped twice. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Article or user text made safe for a mrkdwn (or fallback `text`) field. */
export function safeText(text: string): string {
  return escapeMrkdwn(defang(text));
}

/** Longest URL we put in a link; longer ones are shown as plain titles. */
const MAX_URL = 2000;

/**
 * An http(s) URL ready to go inside `<…|…>`: parsed and re-serialized (so spaces and
 * angle brackets are percent-encoded), `|` encoded, `&` escaped. Anything else
 * (javascript:, mailto:, slack://, credentials, unparsable) gives null.
 */
export function safeUrl(raw: string | null | undefined): string | null {
  const checked = httpUrl(raw);
  if (checked === null) return null;
  const href = checked.replace(/[|<>\s"]/g, (c) => encodeURIComponent(c));
  if (href.length > MAX_URL) return null;
  return href.replace(/&/g, '&amp;');
}

/** `<url|label>` when the URL is safe, else just the label; the label is always safe text. */
export function mrkdwnLink(url: string | null | undefined, label: string): string {
  const text = safeText(label);
  const href = safeUrl(url);
  return href === null ? text : `<${href}|${text}>`;
}

/** Cuts `text` to at most `max` characters at a word boundary, marking the cut with `…`. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max);
  const space = room.search(/\s\S*$/);
  const cut = space > max / 2 ? space : max - 1;
  return `${safeCut(text, cut).trimEnd()}…`;
}

/** `text.slice(0, at)` moved back so it ends neither inside a surrogate pair nor inside an `&…;` entity. */
export function safeCut(text: string, at: number): string {
  let end = at;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  const amp = text.lastIndexOf('&', end - 1);
  if (amp >= 0 && end - amp < 6 && !text.slice(amp, end).includes(';') && /^&(amp|lt|gt);/.test(text.slice(amp)))
    end = amp;
  return text.slice(0, end);
}

/**
 * What a user typed in Slack, as plain text for the bot core: the bot's own mention removed,
 * other mentions and links reduced to readable words, entities decoded, spaces collapsed.
 */
export function fromSlackText(text: string, botUserId?: string): string {
  let out = text;
  if (botUserId) out = out.replace(new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g'), ' ');
  out = out
    .replace(/<([@#])[A-Z0-9]+\|([^>]*)>/g, (_m, sigil: string, name: string) => `${sigil}${name.replace(/^[@#]/, '')}`)
    .replace(/<([@#])([A-Z0-9]+)>/g, '$1$2')
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name ?? '@group')
    .replace(/<![^|>]*\|([^>]*)>/g, '$1')
    .replace(/<![^>]*>/g, '')
    .replace(/<((?:https?|mailto):[^|>]*)\|([^>]*)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>]*)>/g, '$1');
  out = out.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return out.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

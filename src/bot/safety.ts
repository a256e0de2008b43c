/**
 * Output safety shared by every adapter: text that came from an article or a user must
 * never become a mass mention, a user/role/channel mention or link markup.
 * A zero-width space (U+200B) is inserted where a platform would start parsing, so the
 * text reads the same but cannot ping or link. Adapters still apply their own escaping
 * (Slack mrkdwn `&<>`, Discord markdown) and turn mention parsing off where the API allows.
 */
const ZWSP = '\u200b';

const RULES: readonly (readonly [RegExp, (m: string) => string])[] = [
  // @everyone, @here, @channel, @all (Discord and Slack mass mentions), also ＠ fullwidth; also
  // when more letters or digits follow (`@everyones`, `@here2`): no word boundary is trusted.
  [/[@＠](?=(?:everyone|here|channel|all|online))/giu, (m) => `${m}${ZWSP}`],
  // Slack special syntax: <!channel>, <!here>, <!subteam^…>, <@U123>, <#C123>, <https://x|y>, <mailto:…>.
  // Discord: <@123>, <@!123>, <@&123>, <#123>, </cmd:id>, <t:…>, <:emoji:id>.
  [/<(?=[!@#/:a-z])/giu, (m) => `${m}${ZWSP}`],
  // A user mention typed as @name on Discord is not parsed, but @ followed by digits can be in some clients.
  [/@(?=\d{5,})/gu, (m) => `${m}${ZWSP}`],
];

export function defang(text: string): string {
  let out = text;
  for (const [re, fn] of RULES) out = out.replace(re, fn);
  return out;
}

/** True when `text` holds nothing any platform would turn into a ping or a link. */
export function isInert(text: string): boolean {
  return defang(text) === text;
}

/**
 * Output filters for the text sinks the core writes itself (terminal and markdown); chat
 * sinks have theirs in the adapters over `bot/safety.ts`. Article text is hostile: it must
 * not drive a terminal (escape sequences, OSC 8 hyperlinks, clear-screen) nor turn into a
 * live link other than a plain http(s) one.
 */

/**
 * ECMA-48 escape sequences: CSI (`ESC [ … final`), OSC/DCS/SOS/PM/APC strings (ended by BEL
 * or ST), and two-character escapes; the 8-bit C1 forms of CSI (U+009B) and OSC (U+009D) too.
 */
// eslint-disable-next-line no-control-regex
const ESCAPES =
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -~]?/g;
/** C0 and C1 control characters other than tab and newline, DEL, and bidi overrides/isolates. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print on a terminal: escape sequences and control characters removed. */
export function terminalText(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, '');
}

/** The URL, re-serialized, when it is a plain http(s) URL without credentials; else null. */
export function httpUrl(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}

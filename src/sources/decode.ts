/**
 * Bytes → text, with the checks every format shares: empty, binary, UTF-16, invalid UTF-8.
 * A UTF-8 byte-order mark is removed. Cheap on the common path (native scans only).
 */

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return, plus DEL. */
const CONTROL = /[\x00-\x08\x0E-\x1F\x7F]/g;
const CONTROL_ANY = /[\x00-\x08\x0E-\x1F\x7F]/;
/** Above this share of control characters a file is treated as binary. */
const MAX_CONTROL_SHARE = 0.1;

const hex = (b: number): string => `0x${b.toString(16).padStart(2, '0')}`;

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f; // no UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i; // truncated sequence at the end
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Decodes a file's bytes as UTF-8 text, or says in plain words why it is not a text article. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return { ok: false, reason: `UTF-16 text (byte-order mark ${hex(b0)} ${hex(b1)}) — save it as UTF-8` };
  }
  if (bytes.indexOf(0) >= 0) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where = at < 0 ? '' : ` (byte ${hex(bytes[at] as number)} at offset ${at})`;
    return { ok: false, reason: `not valid UTF-8${where} — save it as UTF-8` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (CONTROL_ANY.test(text)) {
    const count = text.match(CONTROL)?.length ?? 0;
    if (count > text.length * MAX_CONTROL_SHARE)
      return { ok: false, reason: `binary file (${count} control characters in ${text.length})` };
  }
  if (!/\S/.test(text)) return { ok: false, reason: 'empty file (only whitespace)' };
  return { ok: true, text };
}

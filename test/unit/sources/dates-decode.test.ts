import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../../../src/sources/dates.ts';
import { decodeText, firstInvalidUtf8 } from '../../../src/sources/decode.ts';

describe('normalizeDate', () => {
  it.each([
    ['2018-09-27', '2018-09-27'],
    [' 2018/9/7 ', '2018-09-07'],
    ['September 27, 2018', '2018-09-27'],
    ['Sept. 27, 2018', '2018-09-27'],
    ['27 Sep 2018', '2018-09-27'],
    ['2018-09-27T10:00:00Z', '2018-09-27T10:00:00Z'],
    ['2018-09-27T10:00:00.250+02:00', '2018-09-27T08:00:00.250Z'],
    ['2018-09-27T10:00', '2018-09-27T10:00:00'],
    ['Thu, 27 Sep 2018 10:00:00 GMT', '2018-09-27T10:00:00Z'],
  ])('%j → %j', (input, iso) => {
    expect(normalizeDate(input)).toBe(iso);
  });

  it.each(['', 'soon', '2018-02-30', '2018-13-01', '1', 'September 31, 2018', '2018-09-27T25:00'])(
    '%j → null',
    (input) => {
      expect(normalizeDate(input)).toBeNull();
    },
  );

  it('reads Date objects and ignores other types', () => {
    expect(normalizeDate(new Date(Date.UTC(2020, 0, 2)))).toBe('2020-01-02');
    expect(normalizeDate(new Date(Number.NaN))).toBeNull();
    expect(normalizeDate(2018)).toBeNull();
    expect(normalizeDate(null)).toBeNull();
  });
});

describe('decodeText', () => {
  const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Café “x”')]))).toEqual({
      ok: true,
      text: 'Café “x”',
    });
  });

  it('names the first invalid byte and its offset', () => {
    const b = new Uint8Array([...bytes('Hello world!'), 0xff, 0x41]);
    expect(firstInvalidUtf8(b)).toBe(12);
    expect(decodeText(b)).toEqual({ ok: false, reason: 'not valid UTF-8 (byte 0xff at offset 12) — save it as UTF-8' });
    expect(firstInvalidUtf8(bytes('ok ✓ 🙂'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1); // truncated
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
  });

  it.each([
    [new Uint8Array([]), /^empty file$/],
    [bytes(' \n\t \n'), /only whitespace/],
    [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /binary file \(contains NUL bytes\)/],
    [bytes('\x01\x02\x03\x04abc\x05\x06'), /binary file \(\d+ control characters/],
    [new Uint8Array([0xff, 0xfe, 0x41, 0x00]), /UTF-16/],
  ])('rejects %#', (input, reason) => {
    const d = decodeText(input);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reason).toMatch(reason);
  });
});

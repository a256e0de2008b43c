import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src/sources/entities.ts';

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references, including ones outside the common few', () => {
    expect(decodeEntities('Tom &amp; Jerry &mdash; &#8217;s &#x2014; &hearts; &Zcaron;')).toBe(
      'Tom & Jerry — ’s — ♥ Ž',
    );
  });

  it('leaves text without a closing semicolon or with unknown names as written', () => {
    expect(decodeEntities('AT&T &copy 2024 &nosuchname; a & b')).toBe('AT&T &copy 2024 &nosuchname; a & b');
  });

  it('turns invalid code points into U+FFFD', () => {
    expect(decodeEntities('a&#0;b&#xD800;c&#x110000;')).toBe('a\ufffdb\ufffdc\ufffd');
  });
});

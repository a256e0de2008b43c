import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sections } from '../../../src/config/schema.ts';

describe('.env.example', () => {
  it('lists every environment variable the configuration reads, each with a comment above it', () => {
    const text = readFileSync('.env.example', 'utf8');
    const lines = text.split('\n');
    const names = Object.values(sections).flatMap((s) => Object.keys(s.env));
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      const at = lines.findIndex((l) => new RegExp(`^#? ?${name}=`).test(l));
      expect(at, `${name} is missing from .env.example`).toBeGreaterThan(0);
      expect(lines[at - 1]?.startsWith('#'), `${name} needs a one-line comment above it`).toBe(true);
    }
  });
});

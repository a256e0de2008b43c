import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh temporary folder; `write` creates files (and their folders) inside it. */
export function tempFolder(): {
  dir: string;
  write: (rel: string, content: string | Uint8Array) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'sources-test-'));
  return {
    dir,
    write(rel, content) {
      const abs = path.join(dir, rel);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      return abs;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../src/bench/synthetic-corpus.ts';

/** The scorers read `npm run digest` through a pipe: a large JSON digest must arrive whole. */
describe('digest CLI through a pipe', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'digest-cli-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('prints one complete JSON document for hundreds of articles and exits 0', () => {
    const dir = path.join(root, 'articles');
    writeSyntheticCorpus(dir, 300, 300);
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/digest.ts', '--format', 'json', '--quotes', 'all', '--articles', dir],
      {
        encoding: 'utf8',
        env: { ...process.env, LOG_LEVEL: 'warn' },
        maxBuffer: 1 << 26,
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(200_000);
    const out = JSON.parse(run.stdout) as { articles: { summary: { sentences: string[] } }[] };
    expect(out.articles).toHaveLength(300);
    expect(out.articles.every((a) => a.summary.sentences.length === 3)).toBe(true);
  });
});

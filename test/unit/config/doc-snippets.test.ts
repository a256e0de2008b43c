import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigWithSources } from '../../../src/config/load.ts';

/**
 * Every `cat >> .env <<'ENV' … ENV` block and every `export NAME=value` line in the set-up
 * docs, pasted in order into a fresh folder's `.env`, is a configuration that starts: the
 * loader reads it and refuses nothing. A snippet of bare `NAME=value` lines (which a shell
 * does not export) is not allowed in a sh block at all.
 */
const DOCS = ['docs/slack.md', 'docs/discord.md', 'docs/llm.md', 'README.md'];

function shBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^\s*```sh\n([\s\S]*?)^\s*```/gm)].map((m) => (m[1] ?? '').replace(/^ {3}/gm, ''));
}

function envLines(block: string): string[] {
  const heredocs = [...block.matchAll(/cat >> \.env <<'ENV'\n([\s\S]*?)\nENV/g)].flatMap((m) =>
    (m[1] ?? '').split('\n'),
  );
  const exports = block.split('\n').filter((l) => /^export [A-Z_]+=/.test(l));
  return [...heredocs, ...exports];
}

describe('configuration snippets in the docs', () => {
  it.each(DOCS)('%s: every snippet works when pasted', (doc) => {
    const text = readFileSync(doc, 'utf8');
    const blocks = shBlocks(text);
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'doc-snippets-'));
    try {
      let env = '';
      for (const block of blocks) {
        const outsideHeredoc = block.replace(/cat >> \.env <<'ENV'\n[\s\S]*?\nENV/g, '');
        expect(outsideHeredoc, `${doc}: a bare NAME=value line sets nothing for npm start`).not.toMatch(
          /^[A-Z][A-Z0-9_]*=/m,
        );
        env += `${envLines(block).join('\n')}\n`;
        writeFileSync(path.join(cwd, '.env'), env);
        const loaded = loadConfigWithSources({ cwd, configDir: path.join(cwd, 'config') });
        expect(loaded.files).toEqual(['.env']);
      }
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('finds the snippets it checks', () => {
    const slack = shBlocks(readFileSync('docs/slack.md', 'utf8')).flatMap(envLines);
    expect(slack).toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN=xoxb-…', 'DIGEST_CRON=0 8 * * 1-5']));
    expect(shBlocks(readFileSync('docs/llm.md', 'utf8')).flatMap(envLines)).toEqual(
      expect.arrayContaining(['export OPENAI_MODEL=Qwen/Qwen2.5-7B-Instruct']),
    );
  });
});

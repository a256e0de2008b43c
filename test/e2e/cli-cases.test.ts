import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** What a newcomer runs first: `npm run digest` / `npm run ask` with a wrong folder, the order, --help. */
const root = mkdtempSync(path.join(os.tmpdir(), 'cli-cases-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(
  script: 'digest' | 'ask',
  args: readonly string[],
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function article(dir: string, file: string, title: string, date: string): void {
  writeFileSync(
    path.join(dir, file),
    `${title}\n\n${date} – The council met on Monday to discuss the harbour budget. "We will decide in May," said Mira Olsen, the treasurer.\n`,
  );
}

describe('CLI cases', () => {
  it.each([['digest'], ['ask']] as const)('%s: a missing --articles folder exits 2 with one clear line', (script) => {
    const r = run(script, ['--articles', path.join(root, 'nonexistent'), ...(script === 'ask' ? ['Who spoke?'] : [])]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^--articles .*nonexistent: does not exist — give a folder/),
    ]);
    expect(r.stdout).toBe('');
  });

  it('digest: a file given as --articles exits 2 saying it is not a folder', () => {
    const file = path.join(root, 'one.txt');
    writeFileSync(file, 'A title\n\nA body.\n');
    const r = run('digest', ['--articles', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is a file, not a folder/);
  });

  it('digest lists articles newest first, as the bot posts them, or in file order with --order file', () => {
    const dir = mkdtempSync(path.join(root, 'articles-'));
    article(dir, 'a-old.txt', 'Old harbour budget talks', '2024-01-05');
    article(dir, 'b-new.txt', 'New harbour budget talks', '2025-06-01');
    article(dir, 'c-middle.txt', 'Middle harbour budget talks', '2024-09-10');
    const titles = (args: readonly string[]): string[] =>
      (
        JSON.parse(run('digest', ['--articles', dir, '--format', 'json', ...args]).stdout) as {
          articles: { title: string }[];
        }
      ).articles.map((a) => a.title);
    expect(titles([])).toEqual(['New harbour budget talks', 'Middle harbour budget talks', 'Old harbour budget talks']);
    expect(titles(['--order', 'file'])).toEqual([
      'Old harbour budget talks',
      'New harbour budget talks',
      'Middle harbour budget talks',
    ]);
    expect(run('digest', ['--articles', dir, '--order', 'random']).status).toBe(2);
  });

  it('--help says what --questions FILE holds (plain lines) and lists --order', () => {
    const ask = run('ask', ['--help']);
    expect(ask.status).toBe(0);
    expect(ask.stdout).toMatch(/--questions FILE is plain text, one question a line/);
    expect(ask.stdout).not.toMatch(/one JSON line per question/);
    expect(run('digest', ['--help']).stdout).toMatch(/--order O {10}newest \(default: newest first/);
  });
});

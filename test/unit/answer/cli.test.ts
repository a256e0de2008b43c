import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND } from '../../../src/answer/types.ts';
import { HARBOUR, ORCHARD, RAILWAY } from './fixtures.ts';

let root: string;
let dir: string;
let questions: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ask-cli-'));
  dir = path.join(root, 'articles');
  mkdirSync(dir);
  questions = path.join(root, 'questions.txt');
  for (const a of [HARBOUR, ORCHARD, RAILWAY])
    writeFileSync(path.join(dir, `${a.id}.txt`), `${a.title}\n\n${a.body}\n`);
  writeFileSync(
    questions,
    [
      'How much did the port authority earn last year?',
      'Who won the football cup final in Madrid?',
      'When did the Kestrel line reopen?',
      '',
    ].join('\n'),
  );
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', 'src/cli/ask.ts', '--articles', dir, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ask CLI', () => {
  it('--questions: one JSON object a line, in order, with body offsets', () => {
    const r = run(['--format', 'json', '--questions', questions]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(3);
    const out = lines.map(
      (l) =>
        JSON.parse(l) as {
          question: string;
          answered: boolean;
          answer: string;
          sources: { file: string; sentence: string; start: number; end: number }[];
        },
    );
    expect(out.map((o) => o.question)).toEqual([
      'How much did the port authority earn last year?',
      'Who won the football cup final in Madrid?',
      'When did the Kestrel line reopen?',
    ]);
    expect(out.map((o) => o.answered)).toEqual([true, false, true]);
    expect(out[1]).toEqual({
      question: 'Who won the football cup final in Madrid?',
      answered: false,
      answer: NOT_FOUND,
      sources: [],
    });
    const bodies = new Map([HARBOUR, ORCHARD, RAILWAY].map((a) => [`${a.id}.txt`, a.body]));
    for (const o of [out[0], out[2]]) {
      expect(o?.sources.length).toBeGreaterThan(0);
      expect(o?.sources.length).toBeLessThanOrEqual(3);
      for (const s of o?.sources ?? []) {
        expect(Object.keys(s).sort()).toEqual(['end', 'file', 'sentence', 'start']);
        expect(bodies.get(s.file)?.slice(s.start, s.end)).toBe(s.sentence);
      }
    }
    expect(out[0]?.sources[0]?.file).toBe('harbour.txt');
    expect(out[2]?.sources[0]?.sentence).toContain('reopened on Monday');
  });

  it('one question as text', () => {
    const r = run(['When did the Kestrel line reopen?']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('A: The Kestrel railway line reopened on Monday');
    expect(r.stdout).toContain('railway.txt');
  });

  it('rejects a bad --format', () => {
    const r = run(['--format', 'xml', 'When?']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--format');
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** `printf '…' | npm start` in a script: every line answered, exit 0 at end of input. */
describe('npm start with piped input (the console chat)', () => {
  it('answers each line from the founding article and exits 0', () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'console-e2e-'));
    const input = '/trade-news\n/trade-news search tariffs\nWhat did Abe say?\n/trade-news %%%% ??\n';
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      input,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: data, LOG_LEVEL: 'warn' },
      timeout: 60_000,
    });
    expect(run.stderr).not.toMatch(/Error|failed/);
    expect(run.status).toBe(0);
    const out = run.stdout;
    // The digest posted at start and again for `/trade-news`.
    expect(out.match(/US & Japan To Start Trade Negotiations/g)?.length).toBeGreaterThanOrEqual(2);
    expect(out).toMatch(/Articles matching “tariffs”/);
    expect(out).toMatch(/Abe said[^\n]*\n— US & Japan To Start Trade Negotiations/);
    expect(out).toMatch(/I did not understand that\.[\s\S]*search <terms>/);
  });
});

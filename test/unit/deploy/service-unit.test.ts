import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The systemd unit in docs/deploy: `systemd-analyze verify` accepts it where systemd is installed. */
const UNIT = 'docs/deploy/trade-news.service';
const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
const haveSystemd = analyze.status === 0;

describe('docs/deploy/trade-news.service', () => {
  it.runIf(haveSystemd)('passes systemd-analyze verify with no warning', () => {
    const run = spawnSync('systemd-analyze', ['verify', UNIT], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr.split('\n').filter((l) => l.includes('trade-news.service'))).toEqual([]);
  });

  it('restarts on failure without looping, stops with SIGTERM, and reads an environment file', () => {
    const text = readFileSync(UNIT, 'utf8');
    expect(text).toMatch(/^Restart=on-failure$/m);
    expect(text).toMatch(/^StartLimitBurst=\d+$/m);
    expect(text).toMatch(/^KillSignal=SIGTERM$/m);
    expect(text).toMatch(/^EnvironmentFile=-\/etc\/trade-news\/env$/m);
    expect(text).toMatch(/^ExecStart=\/usr\/bin\/node --import tsx src\/main\.ts$/m);
  });
});

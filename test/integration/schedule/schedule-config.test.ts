import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/load.ts';
import { resolveTargets } from '../../../src/schedule/targets.ts';

const configDir = mkdtempSync(path.join(tmpdir(), 'cfg-'));
const load = (env: Record<string, string>, overrides?: Record<string, unknown>) =>
  loadConfig({ env, configDir, ...(overrides ? { overrides } : {}) });
const problems = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  throw new Error('expected a ConfigError');
};

const good = { id: 'eu-morning', platform: 'slack', channel: 'C0123', cron: '0 8 * * 1-5', timezone: 'Europe/Berlin' };

describe('schedule configuration', () => {
  it('accepts targets and fills defaults', () => {
    const cfg = load(
      {},
      {
        schedule: {
          targets: [good, { ...good, id: 'us', timezone: 'America/New_York', missedRun: 'skip', keywords: ['steel'] }],
        },
      },
    );
    expect(cfg.schedule.targets[0]).toMatchObject({
      maxArticles: 10,
      lookbackHours: 48,
      missedRun: 'catch-up',
      catchUpGraceMinutes: 360,
      keywords: [],
    });
    const targets = resolveTargets(cfg.schedule, {}, { defaultTimezone: 'UTC' });
    expect(targets.map((t) => [t.id, t.timezone, t.missed.kind])).toEqual([
      ['eu-morning', 'Europe/Berlin', 'catch-up'],
      ['us', 'America/New_York', 'skip'],
    ]);
    expect(cfg.schedule.leaseTtlSeconds).toBe(20);
    expect(cfg.schedule.opsPort).toBeUndefined();
  });

  it('stops start-up on a bad cron expression, naming the key, the variable and the expected form', () => {
    const [p] = problems(() => load({ DIGEST_CRON: '0 25 * * *' }));
    expect(p).toMatch(
      /^schedule\.digestCron \(from DIGEST_CRON\): "0 25 \* \* \*" is not a valid cron expression \(.*hour.*\); use 5 fields/,
    );
  });

  it('stops start-up on an unknown time zone, naming the key and examples', () => {
    const ps = problems(() => load({}, { schedule: { targets: [{ ...good, timezone: 'Europe/Berln' }] } }));
    expect(ps).toEqual([
      'schedule.targets.0.timezone: "Europe/Berln" is not an IANA time zone; use a name such as "Europe/Berlin", "America/New_York" or "UTC"',
    ]);
    expect(problems(() => load({ DIGEST_TIMEZONE: 'Mars/Base' }))[0]).toMatch(
      /^schedule\.digestTimezone \(from DIGEST_TIMEZONE\)/,
    );
  });

  it('names every other bad target value', () => {
    const ps = problems(() =>
      load(
        {},
        {
          schedule: {
            targets: [
              { ...good, platform: 'teams', missedRun: 'later', maxArticles: 0 },
              good,
              { ...good, id: 'x', cron: 'daily' },
            ],
          },
        },
      ),
    );
    expect(ps.join('\n')).toMatch(/schedule\.targets\.0\.platform: must be slack, discord or console/);
    expect(ps.join('\n')).toMatch(/schedule\.targets\.0\.missedRun: must be skip or catch-up/);
    expect(ps.join('\n')).toMatch(/schedule\.targets\.0\.maxArticles: must be 1–50/);
    expect(ps.join('\n')).toMatch(/schedule\.targets\.2\.cron: "daily" is not a valid cron expression/);
  });

  it('refuses two targets with the same id', () => {
    expect(problems(() => load({}, { schedule: { targets: [good, good] } }))).toEqual([
      'schedule.targets.1.id: duplicate target id "eu-morning": give every target its own id',
    ]);
  });

  it('builds one environment target per platform with a digest channel', () => {
    const cfg = load({ DIGEST_CRON: '30 7 * * *', DIGEST_TIMEZONE: 'Europe/Berlin', DIGEST_CATCH_UP: '2h' });
    const targets = resolveTargets(
      cfg.schedule,
      { slack: 'C0123', discord: '1234567890' },
      { defaultTimezone: 'UTC', digestSize: 8 },
    );
    expect(targets.map((t) => [t.id, t.platform, t.channel, t.timezone, t.maxArticles])).toEqual([
      ['env-slack', 'slack', 'C0123', 'Europe/Berlin', 8],
      ['env-discord', 'discord', '1234567890', 'Europe/Berlin', 8],
    ]);
    expect(targets[0]?.missed).toEqual({ kind: 'catch-up', graceMs: 2 * 3_600_000 });
    expect(
      resolveTargets(
        load({ DIGEST_CRON: '30 7 * * *', DIGEST_CATCH_UP: 'false' }).schedule,
        { slack: 'C1' },
        { defaultTimezone: 'UTC' },
      )[0]?.missed,
    ).toEqual({
      kind: 'skip',
    });
  });

  it('explains DIGEST_CRON without a channel, and a bad DIGEST_CATCH_UP', () => {
    const cfg = load({ DIGEST_CRON: '30 7 * * *' });
    expect(problems(() => resolveTargets(cfg.schedule, {}, { defaultTimezone: 'UTC' }))[0]).toMatch(
      /SLACK_DIGEST_CHANNEL .* DISCORD_DIGEST_CHANNEL_ID/,
    );
    expect(problems(() => load({ DIGEST_CATCH_UP: 'sometimes' }))[0]).toMatch(
      /^schedule\.digestCatchUp \(from DIGEST_CATCH_UP\): "sometimes" is not a catch-up setting/,
    );
  });

  it('reads the operations settings from the environment', () => {
    const cfg = load({ METRICS_PORT: '9464', LEASE_TTL_SECONDS: '15', ARTICLES_WATCH: 'poll', REPLICA_ID: 'eu-1' });
    expect(cfg.schedule).toMatchObject({
      opsPort: 9464,
      leaseTtlSeconds: 15,
      watchArticles: 'poll',
      replicaId: 'eu-1',
    });
    expect(problems(() => load({ LEASE_TTL_SECONDS: '120' }))[0]).toMatch(
      /^schedule\.leaseTtlSeconds \(from LEASE_TTL_SECONDS\)/,
    );
  });
});

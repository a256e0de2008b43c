import { ConfigError } from '../config/load.ts';
import type { ScheduleConfig, TargetConfig } from '../config/schedule-section.ts';
import { parseCron, type CronSpec } from './cron-spec.ts';

export type MissedRunPolicy = { readonly kind: 'skip' } | { readonly kind: 'catch-up'; readonly graceMs: number };

/** Where and when a digest is posted, and which articles it takes. */
export interface DigestTarget {
  readonly id: string;
  readonly platform: string;
  readonly channel: string;
  readonly cron: CronSpec;
  readonly timezone: string;
  readonly keywords: readonly string[];
  readonly tags: readonly string[];
  readonly maxArticles: number;
  readonly lookbackMs: number;
  readonly missed: MissedRunPolicy;
}

const HOUR = 3_600_000;

/** A validated config entry as a target (`timezone` falls back to `defaultTimezone`). */
export function toTarget(t: TargetConfig, defaultTimezone: string): DigestTarget {
  return {
    id: t.id,
    platform: t.platform,
    channel: t.channel,
    cron: parseCron(t.cron),
    timezone: t.timezone ?? defaultTimezone,
    keywords: t.keywords,
    tags: t.tags,
    maxArticles: t.maxArticles,
    lookbackMs: t.lookbackHours * HOUR,
    missed: t.missedRun === 'skip' ? { kind: 'skip' } : { kind: 'catch-up', graceMs: t.catchUpGraceMinutes * 60_000 },
  };
}

/** Digest channels known from the platform sections (`slack.digestChannel`, `discord.digestChannelId`). */
export interface DigestChannels {
  readonly slack?: string | undefined;
  readonly discord?: string | undefined;
  readonly console?: string | undefined;
}

export interface ResolveOptions {
  /** `core.timezone`, used when a target names none. */
  readonly defaultTimezone: string;
  /** Articles per environment-defined digest (e.g. `bot.digestSize`). */
  readonly digestSize?: number;
}

/**
 * Every digest target: the configured ones plus, when DIGEST_CRON (`schedule.digestCron`) is set,
 * one per platform that has a digest channel — ids `env-slack`, `env-discord`, `env-console`.
 * Throws ConfigError when DIGEST_CRON has no channel to post to, or an id is used twice.
 */
export function resolveTargets(
  schedule: ScheduleConfig,
  channels: DigestChannels,
  opts: ResolveOptions,
): DigestTarget[] {
  const targets = schedule.targets.map((t) => toTarget(t, opts.defaultTimezone));
  if (schedule.digestCron !== undefined) {
    const found = (['slack', 'discord', 'console'] as const).filter((p) => channels[p] !== undefined);
    if (found.length === 0) {
      throw new ConfigError([
        'schedule.digestCron (from DIGEST_CRON): no channel to post the scheduled digest to — set SLACK_DIGEST_CHANNEL (slack.digestChannel) or DISCORD_DIGEST_CHANNEL_ID (discord.digestChannelId), or unset DIGEST_CRON',
      ]);
    }
    const catchUp = schedule.digestCatchUp ?? { missedRun: 'catch-up' as const, catchUpGraceMinutes: 360 };
    for (const platform of found) {
      targets.push(
        toTarget(
          {
            id: `env-${platform}`,
            platform,
            channel: channels[platform] as string,
            cron: schedule.digestCron,
            ...(schedule.digestTimezone !== undefined ? { timezone: schedule.digestTimezone } : {}),
            keywords: [],
            tags: [],
            maxArticles: opts.digestSize ?? 10,
            lookbackHours: 48,
            ...catchUp,
          },
          opts.defaultTimezone,
        ),
      );
    }
  }
  const ids = targets.map((t) => t.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup !== undefined)
    throw new ConfigError([
      `schedule.targets: id "${dup}" is used twice (env-* ids are taken by DIGEST_CRON): rename one`,
    ]);
  return targets;
}

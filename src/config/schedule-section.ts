import { z } from 'zod';
import type { Section } from './sections.ts';
import { cronProblem, CRON_HELP } from './schedule-checks.ts';
import { timeZone } from './time-zone.ts';

/**
 * Scheduled digests, replicas and operations. Targets come from the config file; one more
 * target can come from the environment (DIGEST_CRON …), completed in the composition step
 * with the platform's digest channel (see src/schedule/targets.ts).
 */

const cronExpression = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = cronProblem(v);
    if (problem !== null)
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a valid cron expression (${problem}); use ${CRON_HELP}` });
  });

const GRACE_HELP = 'use "skip", "catch-up", true/false, minutes (e.g. 90) or a duration such as "45m", "6h", "1d"';

/** DIGEST_CATCH_UP: `skip`/false, `catch-up`/true (6 h grace), or a grace period. */
const catchUp = z.union([z.boolean(), z.number(), z.string()]).transform((v, ctx) => {
  const DEFAULT = 360;
  if (v === false || v === 'skip' || v === 'false' || v === 'off')
    return { missedRun: 'skip' as const, catchUpGraceMinutes: DEFAULT };
  if (v === true || v === 'catch-up' || v === 'true' || v === 'on')
    return { missedRun: 'catch-up' as const, catchUpGraceMinutes: DEFAULT };
  const m = typeof v === 'number' ? [String(v), String(v), 'm'] : /^(\d+)\s*(m|min|h|d)?$/i.exec(v.trim());
  const n = m ? Number(m[1]) : NaN;
  const unit = (m?.[2] ?? 'm').toLowerCase();
  const minutes = n * (unit === 'h' ? 60 : unit === 'd' ? 1440 : 1);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 10_080) {
    ctx.addIssue({
      code: 'custom',
      message: `"${String(v)}" is not a catch-up setting (grace 1 minute to 7 days); ${GRACE_HELP}`,
    });
    return z.NEVER;
  }
  return { missedRun: 'catch-up' as const, catchUpGraceMinutes: minutes };
});

const target = z.strictObject({
  /** Stable id: it keys the target's run history (renaming it starts a new history). */
  id: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/,
      'must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit',
    ),
  platform: z.enum(['slack', 'discord', 'console'], { error: 'must be slack, discord or console' }),
  /** Slack channel id (C…), Discord channel id, or the console channel. */
  channel: z.string().min(1, 'must be the channel id to post to'),
  cron: cronExpression,
  /** IANA zone the cron expression is read in; default `core.timezone`. */
  timezone: timeZone.optional(),
  /** Only articles mentioning one of these words (title, body) — or carrying one of `tags`. Both empty: all articles. */
  keywords: z.array(z.string().trim().min(1)).default([]),
  tags: z.array(z.string().trim().min(1)).default([]),
  maxArticles: z
    .number({ error: 'must be a whole number of articles, 1–50' })
    .int()
    .min(1, 'must be 1–50')
    .max(50, 'must be 1–50')
    .default(10),
  /** Articles newer than the target's last digest, and never older than this. */
  lookbackHours: z
    .number({ error: 'must be a number of hours, 1–720' })
    .int()
    .min(1, 'must be 1–720 hours')
    .max(720, 'must be 1–720 hours (30 days)')
    .default(48),
  /** A run missed while no replica was up: `catch-up` posts once at start-up within the grace period; `skip` waits for the next one. */
  missedRun: z.enum(['skip', 'catch-up'], { error: 'must be skip or catch-up' }).default('catch-up'),
  catchUpGraceMinutes: z
    .number({ error: 'must be a number of minutes, 1–10080' })
    .int()
    .min(1, 'must be 1–10080 minutes')
    .max(10_080, 'must be at most 10080 minutes (7 days)')
    .default(360),
});

export const schedule = {
  schema: z.strictObject({
    /** Run scheduled digests on this replica (commands are answered either way). */
    enabled: z.boolean().default(true),
    targets: z
      .array(target)
      .default([])
      .superRefine((targets, ctx) => {
        const seen = new Set<string>();
        targets.forEach((t, i) => {
          if (seen.has(t.id))
            ctx.addIssue({
              code: 'custom',
              path: [i, 'id'],
              message: `duplicate target id "${t.id}": give every target its own id`,
            });
          seen.add(t.id);
        });
      }),
    /** Environment target: cron expression (with SLACK_DIGEST_CHANNEL and/or DISCORD_DIGEST_CHANNEL_ID). */
    digestCron: cronExpression.optional(),
    digestTimezone: timeZone.optional(),
    digestCatchUp: catchUp.optional(),
    /** This replica's name in claims and the lease (default: host name); each process adds a unique suffix. */
    replicaId: z.string().min(1).optional(),
    /** Scheduling lease: renewed every third of this; a dead holder's lease passes on after it. */
    leaseTtlSeconds: z
      .number({ error: 'must be a number of seconds, 3–60' })
      .int()
      .min(3, 'must be 3–60 seconds')
      .max(60, "must be 3–60 seconds, so a dead holder's lease passes on within a minute")
      .default(20),
    /** Optional HTTP port for /healthz and /metrics (Prometheus text). */
    opsPort: z.number().int().min(0).max(65_535).optional(),
    opsHost: z.string().min(1).default('0.0.0.0'),
    /** Pick up new or edited articles without a restart: fs.watch plus polling (`auto`), polling only, or off. */
    watchArticles: z.enum(['auto', 'poll', 'off'], { error: 'must be auto, poll or off' }).default('auto'),
    watchDebounceMs: z.number().int().min(50).max(60_000).default(1000),
    watchPollSeconds: z.number().int().min(1).max(3600).default(10),
  }),
  env: {
    SCHEDULE_ENABLED: 'enabled',
    DIGEST_CRON: 'digestCron',
    DIGEST_TIMEZONE: 'digestTimezone',
    DIGEST_CATCH_UP: 'digestCatchUp',
    REPLICA_ID: 'replicaId',
    LEASE_TTL_SECONDS: 'leaseTtlSeconds',
    METRICS_PORT: 'opsPort',
    METRICS_HOST: 'opsHost',
    ARTICLES_WATCH: 'watchArticles',
  },
} satisfies Section;

export type ScheduleConfig = z.output<typeof schedule.schema>;
export type TargetConfig = ScheduleConfig['targets'][number];

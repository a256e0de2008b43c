/** Who may use `/trade-news post`, and how often per channel. */
export interface PostPolicyConfig {
  /** `anyone` in a channel the bot is in, only `users`, or nobody. */
  readonly allow: 'anyone' | 'listed' | 'off';
  readonly users: readonly string[];
  /** At most one post per channel in this many minutes; 0: no limit. */
  readonly cooldownMinutes: number;
}

function minutes(ms: number): string {
  if (ms < 60_000) return 'less than a minute';
  const m = Math.max(1, Math.ceil(ms / 60_000));
  return m === 1 ? '1 minute' : `${m} minutes`;
}

/**
 * The decision and the wording of a refusal. The cooldown is kept in memory per process:
 * it guards a channel against bursts, not across restarts or replicas.
 */
export class PostPolicy {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly config: PostPolicyConfig,
    private readonly clock: () => Date,
  ) {}

  /** Why `user` may not post in `channel` now, or null when they may. */
  refusal(platform: string, channel: string, user: string): string | null {
    if (this.config.allow === 'off')
      return 'Posting digests on demand is turned off here (bot.postCommand: off); the scheduled digest still comes.';
    if (this.config.allow === 'listed' && !this.config.users.includes(user)) {
      return 'Only the users listed in bot.postUsers may post a digest here; ask one of them, or use `/trade-news` to see it yourself.';
    }
    const at = this.last.get(`${platform}:${channel}`);
    const wait = this.config.cooldownMinutes * 60_000;
    if (at !== undefined && wait > 0) {
      const since = this.clock().getTime() - at;
      if (since < wait) {
        return `A digest was posted in this channel ${minutes(since)} ago; you can post again in ${minutes(wait - since)} (at most once per ${minutes(wait)}). Its thread is open for questions.`;
      }
    }
    return null;
  }

  posted(platform: string, channel: string): void {
    this.last.set(`${platform}:${channel}`, this.clock().getTime());
  }
}

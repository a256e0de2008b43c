import {
  DiscordAPIError,
  PermissionFlagsBits,
  PermissionsBitField,
  RESTJSONErrorCodes,
  type Channel,
  type Client,
} from 'discord.js';

export type DiscordErrorCode =
  | 'DISCORD_MISSING_PERMISSION'
  | 'DISCORD_UNKNOWN_CHANNEL'
  | 'DISCORD_NOT_SENDABLE'
  | 'DISCORD_LOGIN_FAILED'
  | 'DISCORD_NOT_STARTED';

/** A failure this adapter explains: `code` for callers, `channel` when it concerns one channel only. */
export class DiscordAdapterError extends Error {
  constructor(
    readonly code: DiscordErrorCode,
    message: string,
    readonly channel?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DiscordAdapterError';
  }
}

/** What the bot needs in a digest channel, by the step that needs it. */
export const NEEDED = {
  post: ['ViewChannel', 'SendMessages', 'EmbedLinks'],
  thread: ['CreatePublicThreads', 'SendMessagesInThreads'],
  reply: ['ViewChannel', 'SendMessagesInThreads', 'EmbedLinks'],
} as const satisfies Record<string, readonly (keyof typeof PermissionFlagsBits)[]>;

export type Step = keyof typeof NEEDED;

const human = (flag: string): string => flag.replace(/([a-z])([A-Z])/g, '$1 $2');

/** The needed permissions the bot lacks in `channel`, as Discord names them; all needed ones when unknown. */
export function missingPermissions(client: Client, channel: Channel | null | undefined, step: Step): string[] {
  const needed = NEEDED[step];
  const me = client.user;
  const perms = channel && me && 'permissionsFor' in channel ? channel.permissionsFor(me) : null;
  if (!(perms instanceof PermissionsBitField)) return needed.map(human);
  const missing = needed.filter((p) => !perms.has(PermissionFlagsBits[p]));
  return (missing.length > 0 ? missing : needed).map(human);
}

export function isPermissionError(err: unknown): err is DiscordAPIError {
  return (
    err instanceof DiscordAPIError &&
    (err.code === RESTJSONErrorCodes.MissingPermissions || err.code === RESTJSONErrorCodes.MissingAccess)
  );
}

export function isUnknownChannel(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownChannel;
}

/** `#name (id)` when the channel is known, else the id. */
export function channelLabel(channel: Channel | null | undefined, id: string): string {
  return channel && 'name' in channel && typeof channel.name === 'string' ? `#${channel.name} (${id})` : id;
}

/** The coded error for a refused step, with a message that names the channel and the permission. */
export function permissionError(
  client: Client,
  channel: Channel | null | undefined,
  id: string,
  step: Step,
  err: DiscordAPIError,
): DiscordAdapterError {
  const missing = missingPermissions(client, channel, step);
  const what = step === 'post' ? 'post the digest in' : step === 'thread' ? 'start a thread in' : 'reply in';
  return new DiscordAdapterError(
    'DISCORD_MISSING_PERMISSION',
    `Discord refused to ${what} channel ${channelLabel(channel, id)}: missing permission ${missing.join(', ')} ` +
      `(${err.code} ${err.message}). Grant it to the bot's role in that channel (Edit Channel → Permissions).`,
    id,
    { cause: err },
  );
}

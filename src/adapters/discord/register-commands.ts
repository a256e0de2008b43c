import { Routes, type REST, type APIApplicationCommand, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Logger } from '../../log/logger.ts';
import { COMMAND, commandDefinition } from './commands.ts';

export interface RegisterTarget {
  readonly applicationId: string;
  /** Guild-scoped (shows at once) when set; global otherwise. */
  readonly guildId?: string | undefined;
}

export interface RegisterResult {
  readonly scope: 'guild' | 'global';
  /** False when the registered command already matched: nothing was written. */
  readonly changed: boolean;
}

type Json = Record<string, unknown>;

/** The parts of a command that matter to users, with Discord's defaults filled in, for comparison. */
function canonical(c: Json): Json {
  const opts = (list: unknown): Json[] =>
    (Array.isArray(list) ? (list as Json[]) : []).map((o) => ({
      type: o['type'],
      name: o['name'],
      description: o['description'],
      required: o['required'] === true,
      min_length: o['min_length'] ?? null,
      max_length: o['max_length'] ?? null,
      choices: o['choices'] ?? null,
      options: opts(o['options']),
    }));
  return {
    type: c['type'] ?? 1,
    name: c['name'],
    description: c['description'],
    options: opts(c['options']),
    default_member_permissions: c['default_member_permissions'] ?? null,
    nsfw: c['nsfw'] === true,
  };
}

export function sameCommand(a: object, b: object): boolean {
  return JSON.stringify(canonical(a as Json)) === JSON.stringify(canonical(b as Json));
}

/** Fields of an existing command that a bulk overwrite accepts (keeps other commands of the app as they are). */
function keep(c: APIApplicationCommand): RESTPostAPIApplicationCommandsJSONBody & { id: string } {
  const {
    id,
    name,
    description,
    options,
    type,
    default_member_permissions,
    nsfw,
    name_localizations,
    description_localizations,
  } = c;
  const body: Json = { id, name, description, type, default_member_permissions, nsfw };
  if (options) body['options'] = options;
  if (name_localizations) body['name_localizations'] = name_localizations;
  if (description_localizations) body['description_localizations'] = description_localizations;
  return body as unknown as RESTPostAPIApplicationCommandsJSONBody & { id: string };
}

/**
 * Make `/trade-news` registered as `commandDefinition()` says: read what is registered,
 * and only when it differs write the list back with one bulk overwrite (PUT), keeping the
 * application's other commands. Safe to run at every start-up.
 */
export async function registerCommands(rest: REST, target: RegisterTarget, log: Logger): Promise<RegisterResult> {
  const scope = target.guildId === undefined ? 'global' : 'guild';
  const route =
    target.guildId === undefined
      ? Routes.applicationCommands(target.applicationId)
      : Routes.applicationGuildCommands(target.applicationId, target.guildId);
  const wanted = commandDefinition();
  const existing = (await rest.get(route)) as APIApplicationCommand[];
  const mine = existing.find((c) => c.name === COMMAND && (c.type ?? 1) === 1);
  if (mine && sameCommand(mine, wanted)) {
    log.debug({ scope, guild: target.guildId }, 'discord: /trade-news already registered');
    return { scope, changed: false };
  }
  const others = existing.filter((c) => c !== mine).map(keep);
  const body = [...others, mine ? { ...wanted, id: mine.id } : wanted];
  await rest.put(route, { body });
  log.info(
    { scope, guild: target.guildId },
    scope === 'guild'
      ? `discord: /${COMMAND} ${mine ? 'updated' : 'registered'} in guild ${target.guildId ?? ''}`
      : `discord: /${COMMAND} ${mine ? 'updated' : 'registered'} globally (may take up to an hour to appear)`,
  );
  return { scope, changed: true };
}

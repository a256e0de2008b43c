import { REST } from 'discord.js';
import { loadConfig } from '../config/load.ts';
import { parseCli, runCli } from './cli.ts';
import { createLogger } from '../log/logger.ts';
import { registerCommands } from '../adapters/discord/register-commands.ts';

const USAGE = `Usage: npm run discord:register [-- --global]
Registers /trade-news for the Discord application (DISCORD_TOKEN, DISCORD_APPLICATION_ID):
in DISCORD_GUILD_ID when set (shows at once), globally otherwise or with --global.
Writes only when the registered command differs.`;

async function main(): Promise<number> {
  const parsed = parseCli(USAGE, { global: { type: 'boolean', default: false } });
  if (parsed === null) return 0;
  const { values } = parsed;
  const config = loadConfig();
  const log = createLogger(config.core.logLevel);
  const { token, applicationId, guildId, apiUrl } = config.discord;
  if (token === undefined || applicationId === undefined) {
    process.stderr.write(`Set DISCORD_TOKEN and DISCORD_APPLICATION_ID first.\n\n${USAGE}\n`);
    return 2;
  }
  const rest = new REST(apiUrl === undefined ? {} : { api: apiUrl }).setToken(token);
  const result = await registerCommands(rest, { applicationId, guildId: values.global ? undefined : guildId }, log);
  const where = result.scope === 'guild' ? `in guild ${guildId ?? ''}` : 'globally (may take up to an hour to appear)';
  process.stdout.write(
    result.changed ? `/trade-news registered ${where}.\n` : `/trade-news already up to date ${where}.\n`,
  );
  return 0;
}

runCli('discord:register failed', main);

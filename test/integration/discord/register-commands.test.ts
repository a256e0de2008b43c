import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REST } from 'discord.js';
import { registerCommands, sameCommand } from '../../../src/adapters/discord/register-commands.ts';
import { commandDefinition, commandText } from '../../../src/adapters/discord/commands.ts';
import { createDiscordAdapter } from '../../../src/adapters/discord/discord-adapter.ts';
import { parseCommand } from '../../../src/bot/command-grammar.ts';
import { silentLogger } from '../../../src/log/logger.ts';
import { FakeDiscord } from './fakes/fake-discord.ts';
import { snowflake } from './fakes/fake-rest.ts';

const noop = {
  onCommand: () => Promise.resolve({ kind: 'notice' as const, text: '' }),
  onMessage: () => Promise.resolve(null),
};

describe('/trade-news registration', () => {
  let fake: FakeDiscord;
  let rest: REST;

  beforeEach(async () => {
    fake = await new FakeDiscord().start();
    rest = new REST({ api: fake.rest.url }).setToken('fake-token');
  });

  afterEach(async () => {
    await fake.close();
  });

  const writes = () => fake.rest.requests.filter((q) => q.method === 'PUT');

  it('registers in the guild when a guild id is set, and writes nothing the second time', async () => {
    const target = { applicationId: fake.appId, guildId: fake.guildId };
    expect(await registerCommands(rest, target, silentLogger())).toEqual({ scope: 'guild', changed: true });
    expect(writes().map((q) => q.path)).toEqual([`/applications/${fake.appId}/guilds/${fake.guildId}/commands`]);
    expect(await registerCommands(rest, target, silentLogger())).toEqual({ scope: 'guild', changed: false });
    expect(writes()).toHaveLength(1);
  });

  it('registers globally without a guild id, keeping the app’s other commands', async () => {
    const other = { id: snowflake(), name: 'ping', description: 'Ping', type: 1, options: [] };
    fake.commands.set('global', [other]);
    await registerCommands(rest, { applicationId: fake.appId }, silentLogger());
    const put = writes()[0];
    expect(put?.path).toBe(`/applications/${fake.appId}/commands`);
    expect(put?.json.map((c: { name: string }) => c.name)).toEqual(['ping', 'trade-news']);
  });

  it('updates a registered command that differs, by its id', async () => {
    const id = snowflake();
    fake.commands.set('global', [{ ...commandDefinition(), id, description: 'old text' }]);
    expect((await registerCommands(rest, { applicationId: fake.appId }, silentLogger())).changed).toBe(true);
    expect(writes()[0]?.json[0]).toMatchObject({ id, description: commandDefinition().description });
  });

  it('compares with Discord’s echoed defaults filled in', () => {
    const echoed = {
      ...commandDefinition(),
      id: '1',
      application_id: '2',
      version: '3',
      default_member_permissions: null,
      nsfw: false,
      type: 1,
    };
    expect(sameCommand(echoed, commandDefinition())).toBe(true);
  });

  it('registers at start-up (guild-scoped) and only once across restarts', async () => {
    for (let i = 0; i < 2; i++) {
      const adapter = createDiscordAdapter(fake.config({ guildId: fake.guildId }), silentLogger());
      await adapter.start(noop);
      await adapter.stop();
    }
    expect(writes()).toHaveLength(1);
    expect(fake.commands.get(fake.guildId)?.[0]?.name).toBe('trade-news');
  });

  it('a bad token rejects start with a coded error naming DISCORD_TOKEN', async () => {
    fake.rest.fail({
      method: 'GET',
      path: /^\/gateway\/bot$/,
      status: 401,
      body: { message: '401: Unauthorized', code: 0 },
    });
    const adapter = createDiscordAdapter(fake.config(), silentLogger());
    await expect(adapter.start(noop)).rejects.toMatchObject({
      code: 'DISCORD_LOGIN_FAILED',
      message: expect.stringMatching(/DISCORD_TOKEN/),
    });
    await adapter.stop();
  });

  it('maps every subcommand onto the text grammar', () => {
    expect(parseCommand(commandText('latest', null))).toEqual({ kind: 'latest' });
    expect(parseCommand(commandText('help', null))).toEqual({ kind: 'help' });
    expect(parseCommand(commandText('search', 'steel tariffs'))).toEqual({ kind: 'search', terms: 'steel tariffs' });
    expect(parseCommand(commandText('ask', 'What did Abe say?'))).toEqual({
      kind: 'ask',
      question: 'What did Abe say?',
    });
    expect(parseCommand(commandText(null, null))).toEqual({ kind: 'latest' });
  });
});

import { SlashCommandBuilder, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

/**
 * `/trade-news` on Discord: one command with a subcommand per use of the chat grammar
 * (src/bot/command-grammar.ts), so the client shows each with its own description and
 * required option instead of one free-text box:
 *   /trade-news ask question:<text>   → `<question>`
 *   /trade-news search terms:<text>   → `search <terms>`
 *   /trade-news latest                → `` (the latest digest)
 *   /trade-news post                  → `post` (the digest into this channel, with its thread)
 *   /trade-news help                  → `help`
 * Inside a digest thread plain messages work too (the text grammar, no mention needed).
 */
export const COMMAND = 'trade-news';

export const SUBCOMMANDS = ['ask', 'search', 'latest', 'post', 'help'] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

/** Option name per subcommand that takes one. */
export const OPTION: Partial<Record<Subcommand, string>> = { ask: 'question', search: 'terms' };

/** The command as registered (validated by discord.js builders, which enforce Discord's limits). */
export function commandDefinition(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return new SlashCommandBuilder()
    .setName(COMMAND)
    .setDescription('Trade-news digest: ask about the articles, search them, or show the latest digest')
    .addSubcommand((s) =>
      s
        .setName('ask')
        .setDescription('Ask a question about the articles')
        .addStringOption((o) =>
          o
            .setName('question')
            .setDescription('e.g. What did Abe say about the talks?')
            .setRequired(true)
            .setMaxLength(500),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('search')
        .setDescription('Find articles, best first')
        .addStringOption((o) =>
          o.setName('terms').setDescription('e.g. steel tariffs').setRequired(true).setMaxLength(200),
        ),
    )
    .addSubcommand((s) => s.setName('latest').setDescription('Show the latest digest'))
    .addSubcommand((s) =>
      s.setName('post').setDescription('Post the digest in this channel now, with a thread for questions'),
    )
    .addSubcommand((s) => s.setName('help').setDescription('How to use the trade-news bot'))
    .toJSON();
}

/** The chat-grammar text a subcommand stands for. Unknown or missing subcommand: the latest digest. */
export function commandText(subcommand: string | null, value: string | null): string {
  const v = (value ?? '').trim();
  switch (subcommand) {
    case 'ask':
      return v;
    case 'search':
      return `search ${v}`;
    case 'help':
      return 'help';
    case 'post':
      return 'post';
    default:
      return '';
  }
}

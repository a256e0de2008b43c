import { loadConfig, ConfigError } from './config/load.ts';
import { createLogger } from './log/logger.ts';
import { openStore } from './app/open-store.ts';
import { loadLibrary } from './app/load-library.ts';
import { Bot } from './bot/bot.ts';
import { ConsoleAdapter } from './adapters/console/console-adapter.ts';

/** Composition root: config → store → library → bot → adapters; signals → stop(). */
async function main(): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config.core.logLevel);
  const store = await openStore(config);
  let library = await loadLibrary(config, log);
  const bot = new Bot({
    library: () => library,
    store,
    clock: () => new Date(),
    log,
    digestSize: config.bot.digestSize,
    historyTurns: config.bot.historyTurns,
  });
  void (library = library);

  log.info('no platform token set: running the console chat (set SLACK_BOT_TOKEN or DISCORD_TOKEN for a platform)');
  const interactive = process.stdin.isTTY === true;
  const adapter = new ConsoleAdapter({ input: process.stdin, output: process.stdout, interactive });
  const stop = async (): Promise<void> => {
    await adapter.stop();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await bot.postDigest(adapter, adapter.channel);
  await adapter.start(bot.handlers);
  await adapter.finished;
  await store.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`trade-news bot failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);

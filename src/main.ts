import { loadConfigWithSources } from './config/load.ts';
import { runCli } from './cli/cli.ts';
import { createLogger, type Logger } from './log/logger.ts';
import { openStore } from './app/open-store.ts';
import { loadLibrary } from './app/load-library.ts';
import { summaryStack } from './app/summarizer.ts';
import { configuredPlatforms } from './app/platforms.ts';
import { Bot } from './bot/bot.ts';
import { ConsoleAdapter } from './adapters/console/console-adapter.ts';
import { createAsyncAnswerer } from './llm/factory.ts';
import { LiveLibrary } from './schedule/live-library.ts';
import { botPoster } from './app/bot-poster.ts';
import { runStoreFor } from './app/open-run-store.ts';
import { startScheduling } from './schedule/start-scheduling.ts';
import { botMetrics } from './ops/bot-metrics.ts';
import { Shutdown } from './ops/shutdown.ts';
import type { StoreBackend } from './store/backend.ts';
import { feedPoller } from './app/feed-poller.ts';
import type { Config } from './config/schema.ts';

/** Composition root: config → store → summarizer → library → bot → adapters → scheduler; signals → stop(). */
async function main(): Promise<number> {
  const { config, files } = loadConfigWithSources();
  // Log lines go to stderr until the console chat (if it runs) takes them above its prompt.
  let sink = (text: string): void => void process.stderr.write(text);
  const log = createLogger(config.core.logLevel, process.stderr.isTTY === true, (text) => sink(text));
  log.info(
    { files },
    files.length > 0
      ? `configuration read from ${files.join(', ')} and the environment`
      : 'configuration: defaults and the environment (no .env or config file found)',
  );
  const store = await openStore(config);
  const { summarizer, client } = await summaryStack(config, log, store);
  const load = (): ReturnType<typeof loadLibrary> => loadLibrary(config, log, summarizer);
  const live = new LiveLibrary(await load(), load, { log, metrics: botMetrics });
  const bot = new Bot({
    library: () => live.get(),
    store,
    clock: () => new Date(),
    log,
    digestSize: config.bot.digestSize,
    historyTurns: config.bot.historyTurns,
    answerer: (lib) => createAsyncAnswerer(config, lib.answerer, { log, ...(client ? { client } : {}) }),
    post: {
      allow: config.bot.postCommand,
      users: config.bot.postUsers,
      cooldownMinutes: config.bot.postCooldownMinutes,
    },
    onAnswer: ({ platform, seconds, result }) => {
      botMetrics.answerLatency.observe(seconds, { platform });
      if (result.fallbackReason !== undefined) botMetrics.llmFallbacks.inc({ reason: 'answer' });
    },
  });
  const platforms = configuredPlatforms(config, log);
  if (platforms.length === 0)
    return runConsole({ config, log, bot, store, live, setLogSink: (write) => (sink = write) });

  // Signals are handled from before the adapters start: the scheduler's first check (a due or
  // catch-up digest) is posted during start-up, and a SIGTERM then must not kill it mid-post.
  const shutdown = new Shutdown(log);
  const stopped = new Promise<number>((resolve) => shutdown.onSignals(() => resolve(0)));
  const starting = (async (): Promise<void> => {
    const adapters = platforms.map((p) => p.adapter);
    for (const adapter of adapters) await adapter.start(bot.handlersFor(adapter));
    const scheduling = await startScheduling({
      config,
      store,
      runStore: () => runStoreFor(store),
      adapters,
      library: live,
      log,
      postDigest: botPoster(bot),
      channels: { slack: config.slack.digestChannel, discord: config.discord.digestChannelId },
      ...feedPoller(config, store, log, live),
    });
    shutdown
      .add('scheduling', () => scheduling.stop())
      .add('adapters', async () => void (await Promise.all(adapters.map((a) => a.stop()))))
      .add('store', () => store.close());
    log.info({ platforms: adapters.map((a) => a.platform) }, 'trade-news bot running');
  })();
  shutdown.holdUntil(starting);
  await Promise.race([starting, stopped]); // a failed start-up still ends with its error (exit 1)
  return stopped;
}

interface ConsoleDeps {
  readonly config: Config;
  readonly log: Logger;
  readonly bot: Bot;
  readonly store: StoreBackend;
  readonly live: LiveLibrary;
  readonly setLogSink: (write: (text: string) => void) => void;
}

/**
 * No platform token: the embedded default. The digest goes to the terminal, then every line
 * is a command or a follow-up; piped input is answered and the process ends at end of input.
 * The articles folder is watched and `platform: console` targets (and DIGEST_CRON) post here.
 */
async function runConsole({ config, log, bot, store, live, setLogSink }: ConsoleDeps): Promise<number> {
  log.info('no platform token set: running the console chat (set SLACK_BOT_TOKEN or DISCORD_TOKEN for a platform)');
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const adapter = new ConsoleAdapter({
    input: process.stdin,
    output: process.stdout,
    logOutput: process.stderr,
    interactive,
  });
  setLogSink(adapter.log);
  const stop = (): void => void adapter.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await bot.postDigest(adapter, adapter.channel);
  const scheduling = await startScheduling({
    config,
    store,
    runStore: () => runStoreFor(store),
    adapters: [adapter],
    library: live,
    log,
    postDigest: botPoster(bot),
    channels: { console: adapter.channel },
    ...feedPoller(config, store, log, live),
  });
  await adapter.start(bot.handlersFor(adapter));
  await adapter.finished;
  await scheduling.stop();
  await store.close();
  return 0;
}

runCli('trade-news bot failed to start', main);

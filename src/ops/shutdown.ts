import type { Logger } from '../log/logger.ts';

export interface ShutdownStep {
  readonly name: string;
  readonly run: () => Promise<void> | void;
}

/**
 * Ordered graceful shutdown. Steps run in the order added (e.g. stop the ops server, stop
 * the scheduler — finishing or releasing its in-flight post and giving up the lease — stop
 * the folder watcher, stop the adapters, close the store), each bounded by `stepTimeoutMs`;
 * a failing or slow step is logged and the next one still runs. `run` is idempotent.
 */
export class Shutdown {
  private readonly steps: ShutdownStep[] = [];
  private done: Promise<void> | null = null;
  private startUp: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly log: Logger,
    private readonly stepTimeoutMs = 15_000,
  ) {}

  add(name: string, run: () => Promise<void> | void): this {
    this.steps.push({ name, run });
    return this;
  }

  /**
   * Start-up still in progress: a shutdown first waits for it to settle (at most `stepTimeoutMs`),
   * so a signal that arrives while, say, the first scheduled digest is posted lets that post finish
   * and stops what started, instead of the process dying mid-post.
   */
  holdUntil(starting: Promise<unknown>): this {
    this.startUp = starting.catch(() => undefined);
    return this;
  }

  get started(): boolean {
    return this.done !== null;
  }

  run(reason = 'shutdown'): Promise<void> {
    this.done ??= (async () => {
      this.log.info({ reason }, 'shutting down');
      if ((await this.bounded(this.startUp)) === 'timeout')
        this.log.warn({ ms: this.stepTimeoutMs }, 'start-up did not finish; stopping what has started');
      for (const step of this.steps) {
        try {
          const r = await this.bounded(Promise.resolve().then(step.run));
          if (r === 'timeout') this.log.warn({ step: step.name, ms: this.stepTimeoutMs }, 'shutdown step timed out');
        } catch (err) {
          this.log.error({ err, step: step.name }, 'shutdown step failed');
        }
      }
      this.log.info('shutdown complete');
    })();
    return this.done;
  }

  /** `work`, or 'timeout' after `stepTimeoutMs`. */
  private async bounded<T>(work: Promise<T>): Promise<T | 'timeout'> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), this.stepTimeoutMs)),
    );
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Run on the first SIGTERM or SIGINT; a second signal exits at once with 130.
   * Returns a function that removes the handlers.
   */
  onSignals(onDone: () => void, proc: NodeJS.Process = process): () => void {
    const handler = (signal: NodeJS.Signals): void => {
      if (this.started) {
        proc.exit(130);
        return;
      }
      void this.run(signal).then(onDone);
    };
    proc.on('SIGTERM', handler);
    proc.on('SIGINT', handler);
    return () => {
      proc.off('SIGTERM', handler);
      proc.off('SIGINT', handler);
    };
  }
}

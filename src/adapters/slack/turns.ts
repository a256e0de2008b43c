/**
 * Turn-taking for answer work on the one event loop. Each answer starts in its own loop turn
 * (a setImmediate chained after the previous start), so between two answers' synchronous
 * parts Node always passes its poll phase: requests waiting on sockets are parsed, verified and
 * acked before the next answer runs. Without it, 200 commands arriving together ack only after
 * the answers queued before them (p50 seconds instead of milliseconds). Answers still run
 * concurrently once started (awaits inside them are not serialized).
 */
export class Turns {
  private last: Promise<void> = Promise.resolve();

  /** Resolves in a loop turn of its own, after every earlier caller's turn. */
  next(): Promise<void> {
    const turn = this.last.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    this.last = turn;
    return turn;
  }
}

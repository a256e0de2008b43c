/**
 * A concurrency limit: at most `capacity()` tasks run at once (read each time a slot may be
 * handed out, so it can shrink and grow); the rest wait in FIFO order.
 */
export interface Limiter {
  <T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly pending: number;
}

/** `max` slots; `capacity` (default: always `max`, clamped to [1, max]) may lower that for a while. */
export function createLimiter(max: number, capacity: () => number = () => max): Limiter {
  if (!Number.isInteger(max) || max < 1)
    throw new RangeError(`concurrency limit must be a whole number ≥ 1 (got ${max})`);
  const slots = (): number => Math.max(1, Math.min(max, capacity()));
  let active = 0;
  const queue: (() => void)[] = [];
  /** Hand free slots to waiters in arrival order, so no newcomer can jump in between. */
  const pump = (): void => {
    while (queue.length > 0 && active < slots()) {
      active++;
      (queue.shift() as () => void)();
    }
  };
  const run = async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= slots() || queue.length > 0) {
      await new Promise<void>((resolve) => {
        queue.push(resolve);
        pump();
      });
    } else active++;
    try {
      return await task();
    } finally {
      active--;
      pump();
    }
  };
  Object.defineProperties(run, {
    active: { get: () => active },
    pending: { get: () => queue.length },
  });
  return run as Limiter;
}

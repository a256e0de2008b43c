/** A concurrency limit: at most `max` tasks run at once; the rest wait in FIFO order. */
export interface Limiter {
  <T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly pending: number;
}

export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency limit must be a whole number ≥ 1 (got ${max})`);
  let active = 0;
  const queue: (() => void)[] = [];
  /** A finished task hands its slot straight to the next waiter, so no newcomer can jump in between. */
  const release = (): void => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  const run = async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => queue.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      release();
    }
  };
  Object.defineProperties(run, {
    active: { get: () => active },
    pending: { get: () => queue.length },
  });
  return run as Limiter;
}

/**
 * Time as the scheduler sees it: the current instant and one-shot timers. The system clock
 * is the live one; `ManualClock` lets tests move time by hand, firing due timers in order.
 */
export interface Clock {
  now(): Date;
  /** Call `fn` after `ms`; returns a handle for `clearTimer`. */
  setTimer(fn: () => void | Promise<void>, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Longest single `setTimeout` we arm; longer waits are re-armed (setTimeout caps at ~24.8 days). */
const MAX_TIMEOUT = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => new Date(),
  setTimer: (fn, ms) => {
    const t = setTimeout(() => void fn(), Math.min(Math.max(0, ms), MAX_TIMEOUT));
    t.unref?.();
    return t;
  },
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface ManualTimer {
  readonly id: number;
  readonly at: number;
  readonly fn: () => void | Promise<void>;
}

/** A clock that only moves when told to; `advance` runs due timers in time order and awaits them. */
export class ManualClock implements Clock {
  private current: number;
  private timers: ManualTimer[] = [];
  private nextId = 1;

  constructor(start: Date | string | number) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  setTimer(fn: () => void | Promise<void>, ms: number): unknown {
    const timer = { id: this.nextId++, at: this.current + Math.max(0, ms), fn };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Number of armed timers (for tests that check nothing is left running). */
  get pending(): number {
    return this.timers.length;
  }

  /** Jump to `when` without firing timers in between (a process that was asleep or down). */
  set(when: Date | string | number): void {
    this.current = new Date(when).getTime();
  }

  /** Move forward by `ms`, firing every timer that falls due, oldest first, each awaited. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.current + ms);
  }

  async advanceTo(when: Date | string | number): Promise<void> {
    const target = new Date(when).getTime();
    for (;;) {
      await flush();
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      await due.fn();
    }
    this.current = Math.max(this.current, target);
    await flush();
  }
}

/** Let pending promise callbacks (and I/O-free async work) settle. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

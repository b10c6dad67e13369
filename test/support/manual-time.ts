// A clock and timers that only move when a test says so: no real sleeps in policy tests.
import type { Clock, Timers } from '../../src/index.js';

interface PendingTimer {
  readonly id: number;
  readonly due: number;
  readonly callback: () => void;
}

/** Manual time: `clock` and `timers` to inject, and ways to move time forward. */
export interface ManualTime {
  readonly clock: Clock;
  readonly timers: Timers;
  /** Monotonic ms since the start. */
  readonly elapsed: number;
  /** Timers still waiting. */
  readonly pending: number;
  /** Moves time forward by `ms`, running due timers in order (no microtasks in between). */
  advance(ms: number): void;
  /**
   * Moves time forward by `ms`, running due timers in order and letting promise chains settle
   * after each one, so code that awaits a timer and then sets another runs as it would live.
   */
  advanceAsync(ms: number): Promise<void>;
  /** Lets pending promise chains settle without moving time. */
  settle(): Promise<void>;
}

/** A macrotask turn: every queued microtask (promise reaction) runs before it resolves. */
function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Makes manual time starting at `wallStart` ms since the epoch. */
export function manualTime(wallStart = 1_700_000_000_000): ManualTime {
  let now = 0;
  let nextId = 1;
  let queue: PendingTimer[] = [];

  function popDue(until: number): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const timer of queue) {
      if (timer.due <= until && (best === undefined || timer.due < best.due)) best = timer;
    }
    if (best !== undefined) queue = queue.filter((t) => t !== best);
    return best;
  }

  return {
    clock: { now: () => wallStart + now, monotonic: () => now },
    timers: {
      set(callback, ms) {
        const id = nextId++;
        queue.push({ id, due: now + Math.max(0, ms), callback });
        return id;
      },
      clear(handle) {
        queue = queue.filter((t) => t.id !== handle);
      },
    },
    get elapsed() {
      return now;
    },
    get pending() {
      return queue.length;
    },
    advance(ms) {
      const until = now + ms;
      for (let timer = popDue(until); timer; timer = popDue(until)) {
        now = timer.due;
        timer.callback();
      }
      now = until;
    },
    async advanceAsync(ms) {
      const until = now + ms;
      await macrotask();
      for (let timer = popDue(until); timer; timer = popDue(until)) {
        now = timer.due;
        timer.callback();
        await macrotask();
      }
      now = until;
      await macrotask();
    },
    settle: macrotask,
  };
}

/**
 * Marks a promise's rejection as handled (tests often await it only after moving time) and
 * returns the same promise for `expect(...).rejects`.
 */
export function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

import type { Clock } from '../runtime/clock.js';
import type { Timers, TimerHandle } from '../runtime/timers.js';

/** A pending deadline; `cancel` it when the call it guards settles first. */
export interface Deadline {
  cancel(): void;
}

interface Entry extends Deadline {
  readonly due: number;
  readonly onExpire: () => void;
  live: boolean;
}

/**
 * Deadlines that all last `ms`, sharing one timer: entries expire in the order they were
 * added, so a FIFO queue is also sorted by due time. A timeout costs one small object and no
 * timer of its own on the success path (issue 3: no AbortController nor timer per call).
 * Cancelled entries are dropped lazily and the queue is compacted when they pile up, so memory
 * stays proportional to the calls still pending.
 */
export function createDeadlineQueue(ms: number, clock: Clock, timers: Timers) {
  if (timers.perRequest === true) return ownTimers(ms, timers);
  let queue: Entry[] = [];
  let head = 0;
  let cancelled = 0;
  let live = 0;
  let timer: TimerHandle | undefined;
  let held = false; // whether the armed timer keeps the process alive

  /** The timer holds the process open exactly while some call it guards is still pending. */
  function hold(keep: boolean): void {
    if (timer === undefined || held === keep) return;
    held = keep;
    timers.keepAlive?.(timer, keep);
  }

  function arm(now: number): void {
    while (head < queue.length && !(queue[head] as Entry).live) {
      head++;
      cancelled--;
    }
    if (head === queue.length) {
      queue = [];
      head = cancelled = 0;
      return;
    }
    if (head > 1024 && head * 2 > queue.length) compact();
    timer = timers.set(fire, Math.max(0, (queue[head] as Entry).due - now));
    held = true;
    hold(live > 0);
  }

  function fire(): void {
    timer = undefined;
    const now = clock.monotonic();
    while (head < queue.length) {
      const entry = queue[head] as Entry;
      if (entry.live && entry.due > now) break;
      head++;
      if (entry.live) {
        entry.live = false;
        live--;
        entry.onExpire();
      } else {
        cancelled--;
      }
    }
    if (timer === undefined) arm(now); // an onExpire may already have armed it via add()
  }

  function compact(): void {
    queue = queue.slice(head).filter((entry) => entry.live);
    head = 0;
    cancelled = 0;
  }

  return {
    /** Calls `onExpire` in `ms` unless the returned deadline is cancelled first. */
    add(onExpire: () => void): Deadline {
      const now = clock.monotonic();
      const entry: Entry = {
        due: now + ms,
        onExpire,
        live: true,
        cancel() {
          if (!entry.live) return;
          entry.live = false;
          if (--live === 0) hold(false);
          if (++cancelled > 64 && cancelled * 2 > queue.length - head) compact();
        },
      };
      queue.push(entry);
      live++;
      if (timer === undefined) arm(now);
      else hold(true);
      return entry;
    },
  };
}

/**
 * Deadlines with a timer each, for runtimes where a timer belongs to one request (see
 * `Timers.perRequest`): there a shared timer set by a request that is over may never fire.
 */
function ownTimers(ms: number, timers: Timers) {
  return {
    add(onExpire: () => void): Deadline {
      let live = true;
      const handle = timers.set(() => live && onExpire(), ms);
      return {
        cancel() {
          live = false;
          timers.clear(handle);
        },
      };
    },
  };
}

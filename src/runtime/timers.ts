/**
 * The one place that schedules callbacks on the real event loop: policies take {@link Timers}
 * so tests can drive time without real sleeps (STYLE §2 item 5).
 *
 * @module
 */

/** An opaque handle returned by {@link Timers.set}. */
export type TimerHandle = unknown;

/** A source of one-shot timers. */
export interface Timers {
  /** Runs `callback` once after `ms` milliseconds; returns a handle for {@link Timers.clear}. */
  set(callback: () => void, ms: number): TimerHandle;
  /** Cancels a timer; clearing one that already ran is harmless. */
  clear(handle: TimerHandle): void;
  /**
   * Says whether a pending timer alone should keep the process alive (Node, Deno); a timer
   * that only guards calls which are all over must not delay a script's exit. Optional: where
   * processes do not exit on an idle event loop (browsers, Workers) there is nothing to do.
   */
  keepAlive?(handle: TimerHandle, keep: boolean): void;
  /**
   * True where a timer belongs to the request that set it (Cloudflare Workers): it may not fire
   * once that request is over, and a request waiting only on another's timer is cancelled as
   * hung. Then one timer must never serve the calls of several requests, and policies that
   * share a timer between calls (the timeout's deadline queue) give each call its own.
   */
  readonly perRequest?: boolean;
}

interface NodeTimeout {
  ref(): unknown;
  unref(): unknown;
}

interface DenoTimerControl {
  refTimer?(id: number): void;
  unrefTimer?(id: number): void;
}

function isNodeTimeout(handle: unknown): handle is NodeTimeout {
  return typeof handle === 'object' && handle !== null && 'unref' in handle && 'ref' in handle;
}

/**
 * The longest delay one `setTimeout` holds (2³¹ − 1 ms, about 24.8 days): browsers, Node.js and
 * workerd fire a longer one at once.
 *
 * @see https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers
 */
export const MAX_DELAY_MS = 2_147_483_647;

/** A timer longer than {@link MAX_DELAY_MS}, run as a chain of shorter ones. */
interface LongTimer {
  current: unknown;
}

function setLong(callback: () => void, ms: number): LongTimer {
  const timer: LongTimer = { current: undefined };
  const arm = (remaining: number): void => {
    timer.current = setTimeout(
      remaining > MAX_DELAY_MS ? () => arm(remaining - MAX_DELAY_MS) : callback,
      Math.min(remaining, MAX_DELAY_MS),
    );
  };
  arm(ms);
  return timer;
}

function native(handle: TimerHandle): unknown {
  return typeof handle === 'object' && handle !== null && 'current' in handle
    ? (handle as LongTimer).current
    : handle;
}

/**
 * The real timers: `setTimeout`/`clearTimeout`, with ref/unref where the runtime has them, and
 * {@link Timers.perRequest} in Cloudflare Workers.
 */
export const systemTimers: Timers = Object.freeze({
  /**
   * Cloudflare Workers say who they are in `navigator.userAgent`, and have `WebSocketPair`
   * even without a global `navigator` (old compatibility dates); read when asked.
   */
  get perRequest(): boolean {
    const scope = globalThis as { navigator?: { userAgent?: unknown }; WebSocketPair?: unknown };
    return (
      scope.navigator?.userAgent === 'Cloudflare-Workers' ||
      typeof scope.WebSocketPair === 'function'
    );
  },
  set(callback: () => void, ms: number): TimerHandle {
    if (ms > MAX_DELAY_MS) return setLong(callback, ms);
    return setTimeout(callback, ms) as unknown;
  },
  clear(handle: TimerHandle): void {
    try {
      clearTimeout(native(handle) as Parameters<typeof clearTimeout>[0]);
    } catch {
      // Workers refuse to clear a timer another request set: it fires (or not) harmlessly.
    }
  },
  keepAlive(timer: TimerHandle, keep: boolean): void {
    const handle = native(timer);
    if (isNodeTimeout(handle)) {
      if (keep) handle.ref();
      else handle.unref();
      return;
    }
    const deno = (globalThis as { Deno?: DenoTimerControl }).Deno;
    if (typeof handle === 'number' && deno !== undefined) {
      if (keep) deno.refTimer?.(handle);
      else deno.unrefTimer?.(handle);
    }
  },
});

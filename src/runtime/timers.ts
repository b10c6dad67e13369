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

/** The real timers: `setTimeout`/`clearTimeout`, with ref/unref where the runtime has them. */
export const systemTimers: Timers = Object.freeze({
  set(callback: () => void, ms: number): TimerHandle {
    return setTimeout(callback, ms) as unknown;
  },
  clear(handle: TimerHandle): void {
    clearTimeout(handle as Parameters<typeof clearTimeout>[0]);
  },
  keepAlive(handle: TimerHandle, keep: boolean): void {
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

import type { Clock } from '../runtime/clock.js';
import type { Timers } from '../runtime/timers.js';
import type { CallContext } from './call-context.js';
import { cancelledError } from './cancelled.js';

/**
 * Waits `ms` milliseconds, or rejects at once with the `cancelled` FaultError when `context`
 * aborts meanwhile (no waiting out the sleep).
 */
export function sleep(
  ms: number,
  context: CallContext,
  timers: Timers,
  clock: Clock,
): Promise<void> {
  if (context.aborted) return Promise.reject(cancelledError(context.reason, clock));
  return new Promise((resolve, reject) => {
    let stopWatching: (() => void) | undefined;
    const handle = timers.set(() => {
      stopWatching?.();
      resolve();
    }, ms);
    if (context.abortable) {
      stopWatching = context.onAbort((reason) => {
        timers.clear(handle);
        reject(cancelledError(reason, clock));
      });
    }
  });
}

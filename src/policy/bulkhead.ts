import { FaultError } from '../errors/fault-error.js';
import { systemClock, type Clock } from '../runtime/clock.js';
import { CallContext } from './call-context.js';
import { cancelledError } from './cancelled.js';
import { checkOptions } from './option-checks.js';
import type { ExecuteOptions, Operation, Policy } from './policy.js';

/** Options of {@link bulkhead}. */
export interface BulkheadOptions {
  /** Time source for error timestamps. Default: the system clock. */
  readonly clock?: Clock;
}

/** A bulkhead policy and its occupancy. */
export interface Bulkhead extends Policy {
  /** Calls running now. */
  readonly running: number;
  /** Calls waiting for a slot. */
  readonly queued: number;
}

interface Waiter {
  readonly start: () => void;
  readonly stopWatching: () => void;
}

/**
 * Runs at most `limit` calls at once; up to `queue` more wait in order for a slot and any
 * beyond are rejected at once with a `resource_exhausted` FaultError (2201, no stack captured).
 * A caller's abort takes its call out of the queue.
 *
 * @throws FaultError 1201/1203 when `limit` or `queue` is not a non-negative integer.
 * @example
 * const images = bulkhead(4, 100); // 4 decodes at a time, 100 waiting at most
 * const bitmap = await images.execute(() => decode(blob));
 */
export function bulkhead(limit: number, queue = 0, options: BulkheadOptions = {}): Bulkhead {
  checkOptions('bulkhead options')
    .number('limit', limit, { min: 1, integer: true })
    .number('queue', queue, { min: 0, integer: true, infinite: true })
    .done();
  const clock = options.clock ?? systemClock;
  const waiting: Waiter[] = [];
  let running = 0;

  function release(): void {
    running--;
    const next = waiting.shift();
    if (next !== undefined) {
      next.stopWatching();
      next.start();
    }
  }

  async function run<T>(fn: Operation<T>, context: CallContext): Promise<T> {
    running++;
    try {
      return await fn(context);
    } finally {
      release();
    }
  }

  return {
    execute<T>(fn: Operation<T>, executeOptions?: ExecuteOptions): Promise<T> {
      const context = CallContext.of(executeOptions);
      if (context.aborted) return Promise.reject(cancelledError(context.reason, clock));
      if (running < limit) return run(fn, context);
      if (waiting.length >= queue) {
        const error = new FaultError('resource_exhausted', 'Bulkhead is full', {
          captureStack: false,
          clock,
          context: { limit, queue, running, queued: waiting.length },
        });
        return Promise.reject(error);
      }
      return new Promise<T>((resolve, reject) => {
        const waiter: Waiter = {
          start: () => run(fn, context).then(resolve, reject),
          stopWatching: context.abortable
            ? context.onAbort((reason) => {
                waiting.splice(waiting.indexOf(waiter), 1);
                reject(cancelledError(reason, clock));
              })
            : () => {},
        };
        waiting.push(waiter);
      });
    },
    get running() {
      return running;
    },
    get queued() {
      return waiting.length;
    },
  };
}

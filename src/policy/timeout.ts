import { FaultError } from '../errors/fault-error.js';
import { systemClock, type Clock } from '../runtime/clock.js';
import { systemTimers, type Timers } from '../runtime/timers.js';
import { CallContext } from './call-context.js';
import { cancelledError } from './cancelled.js';
import { createDeadlineQueue } from './deadline-queue.js';
import { checkOptions } from './option-checks.js';
import type { ExecuteOptions, Operation, Policy } from './policy.js';

/** Options of {@link timeout}. */
export interface TimeoutOptions {
  /** Time source. Default: the system clock. */
  readonly clock?: Clock;
  /** Timer source. Default: the system timers. */
  readonly timers?: Timers;
}

/**
 * Gives up on a call after `ms` milliseconds: the call rejects with a `timeout` FaultError
 * (4301, `context.timeoutMs`) and the function's `signal` aborts with that error, so a `fetch`
 * given the signal stops too. A caller's abort rejects at once with `cancelled` (2402). All
 * calls of one policy share a single timer, armed only while calls are pending.
 *
 * @throws FaultError 1201/1203 when `ms` is not a positive number.
 * @example
 * const res = await timeout(5000).execute(({ signal }) => fetch(url, { signal }));
 */
export function timeout(ms: number, options: TimeoutOptions = {}): Policy {
  checkOptions('timeout options')
    .number('ms', ms, { min: 0, exclusiveMin: true, infinite: true })
    .done();
  if (ms === Infinity) return { execute: (fn, opts) => run(fn, CallContext.of(opts)) };
  const clock = options.clock ?? systemClock;
  const deadlines = createDeadlineQueue(ms, clock, options.timers ?? systemTimers);
  const message = `Timed out after ${ms} ms`;
  return {
    execute<T>(fn: Operation<T>, executeOptions?: ExecuteOptions): Promise<T> {
      const parent = CallContext.of(executeOptions);
      if (parent.aborted) return Promise.reject(cancelledError(parent.reason, clock));
      const context = parent.child(true);
      return new Promise<T>((resolve, reject) => {
        let stopWatching: (() => void) | undefined;
        const finish = (): void => {
          deadline.cancel();
          stopWatching?.();
          context.release();
        };
        const deadline = deadlines.add(() => {
          const error = new FaultError('timeout', message, {
            captureStack: false,
            clock,
            context: { timeoutMs: ms },
          });
          context.abort(error);
          finish();
          reject(error);
        });
        if (parent.abortable) {
          stopWatching = parent.onAbort((reason) => {
            context.abort(reason); // before finish() unlinks it, so fn's signal aborts too
            finish();
            reject(cancelledError(reason, clock));
          });
        }
        run(fn, context).then(
          (value) => {
            finish();
            resolve(value);
          },
          (error: unknown) => {
            finish();
            reject(error);
          },
        );
      });
    },
  };
}

/** Runs `fn`, turning a synchronous throw into a rejection. */
function run<T>(fn: Operation<T>, context: CallContext): Promise<T> {
  try {
    return Promise.resolve(fn(context));
  } catch (error) {
    return Promise.reject(error);
  }
}

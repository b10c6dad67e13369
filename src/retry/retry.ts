import type { Backoff } from '../backoff/backoff.js';
import { exponentialBackoff } from '../backoff/exponential-backoff.js';
import { FaultError } from '../errors/fault-error.js';
import { isFaultError } from '../errors/is-fault-error.js';
import { readSafely } from '../errors/read-safely.js';
import { CallContext } from '../policy/call-context.js';
import { cancelledError } from '../policy/cancelled.js';
import { Listeners, type Subscribe } from '../policy/event.js';
import { checkOptions } from '../policy/option-checks.js';
import type { ExecuteOptions, Operation, Policy } from '../policy/policy.js';
import { emitResilienceEvent } from '../policy/resilience-events.js';
import { sleep } from '../policy/sleep.js';
import { systemClock, type Clock } from '../runtime/clock.js';
import { systemTimers, type Timers } from '../runtime/timers.js';
import { failureType, isTransientFailure } from '../classify/failure-type.js';
import { retryAfterMs } from './retry-after.js';

/** Options of {@link retry}; every field is optional. */
export interface RetryOptions {
  /** Calls at most, the first one included (`attempts: 5` → at most 5 calls). Default 3. */
  readonly attempts?: number;
  /**
   * The waits between calls. A failure's own hint (`Retry-After`, an open breaker's retry
   * time) is waited instead when longer. Default `exponentialBackoff()` (100 ms doubling,
   * full jitter, capped at 30 s).
   */
  readonly backoff?: Backoff;
  /**
   * Budget for the whole call in ms, waits included: when the next wait would overrun it the
   * call gives up at once. Default `Infinity`.
   */
  readonly maxElapsedMs?: number;
  /**
   * Whether to retry after `error`. Default: transient failures (network, timeouts, 408/429/5xx,
   * an open breaker); never bugs, validation, auth or cancellation.
   */
  readonly shouldRetry?: (error: unknown, attempt: number) => boolean;
  /**
   * Longest `Retry-After` honoured, in ms: a failure asking for a longer wait ends the retries
   * (never retrying sooner than asked). Default 60 000.
   */
  readonly maxRetryAfterMs?: number;
  /** Time source. Default: the system clock. */
  readonly clock?: Clock;
  /** Timer source for the waits. Default: the system timers. */
  readonly timers?: Timers;
}

/** One failed call, as kept in the final error's `context.attempts`. */
export interface AttemptRecord {
  /** 1-based. */
  readonly attempt: number;
  /** The failure's type in the taxonomy. */
  readonly type: string;
  readonly message: string;
  /** How long the call took, in ms. */
  readonly durationMs: number;
  /** The wait that followed, in ms (absent after the last call). */
  readonly delayMs?: number;
}

/** A retry about to wait, as handed to `onRetry` listeners. */
export interface RetryEvent {
  /** The attempt that just failed. */
  readonly attempt: number;
  readonly error: unknown;
  /** The wait before the next attempt, in ms. */
  readonly delayMs: number;
}

/** A retry policy. */
export interface RetryPolicy extends Policy {
  /** Listens to each wait before a retry; returns an unsubscribe function. */
  readonly onRetry: Subscribe<RetryEvent>;
  /** Listens to final failures (the FaultError the call rejects with). */
  readonly onGiveUp: Subscribe<FaultError>;
}

function messageOf(error: unknown): string {
  const message = readSafely(error, 'message');
  return typeof message === 'string' ? message.slice(0, 200) : String(error).slice(0, 200);
}

function defaultShouldRetry(error: unknown): boolean {
  if (isTransientFailure(error)) return true;
  return isFaultError(error) && error.type === 'circuit_open';
}

/**
 * Calls a function again when it fails transiently (SPEC §3). Waits follow `backoff`, or a
 * failure's own `Retry-After` / breaker retry time when longer; an abort ends a wait at once.
 * The call rejects with a FaultError of the last failure's type whose `cause` is that failure
 * and whose `context.attempts` lists every attempt.
 *
 * @throws FaultError 1201/1203 when an option is invalid.
 * @example
 * const policy = retry({ attempts: 5, backoff: exponentialBackoff({ initialMs: 200 }) });
 * const user = await policy.execute(({ signal }) => api.getUser(id, { signal }));
 */
export function retry(options: RetryOptions = {}): RetryPolicy {
  checkOptions('retry options')
    .number('attempts', options.attempts, { min: 1, integer: true, infinite: true })
    .number('maxElapsedMs', options.maxElapsedMs, { min: 0, infinite: true })
    .number('maxRetryAfterMs', options.maxRetryAfterMs, { min: 0, infinite: true })
    .object('backoff', options.backoff)
    .fn('shouldRetry', options.shouldRetry)
    .done();
  const attempts = options.attempts ?? 3;
  const backoff = options.backoff ?? exponentialBackoff();
  const maxElapsedMs = options.maxElapsedMs ?? Infinity;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const shouldRetry = options.shouldRetry ?? defaultShouldRetry;
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? systemTimers;
  const retries = new Listeners<RetryEvent>();
  const giveUps = new Listeners<FaultError>();

  function giveUp(history: AttemptRecord[], last: unknown, exhausted: boolean): FaultError {
    const error = withHistory(history, last);
    giveUps.emit(error);
    if (exhausted) emitResilienceEvent({ kind: 'retry_exhausted', error });
    return error;
  }

  /** A FaultError of `last`'s type, caused by it, whose `context.attempts` is `history`. */
  function withHistory(history: AttemptRecord[], last: unknown): FaultError {
    const stack = readSafely(last, 'stack');
    const lastContext = isFaultError(last) ? last.context : undefined;
    const error = new FaultError(
      failureType(last),
      history.length > 1
        ? `${messageOf(last)} (after ${history.length} attempts)`
        : messageOf(last),
      {
        cause: last,
        clock,
        context: { ...lastContext, attempts: history },
        ...(typeof stack === 'string' ? { stack } : {}),
      },
    );
    return error;
  }

  /**
   * The call was aborted (by its caller, or by an outer timeout such as `resilientFetch`'s
   * total): the abort's FaultError, with the attempts made so far.
   */
  function aborted(history: AttemptRecord[], parent: CallContext): FaultError {
    return withHistory(history, cancelledError(parent.reason, clock));
  }

  async function run<T>(fn: Operation<T>, parent: CallContext): Promise<T> {
    const started = clock.monotonic();
    const history: AttemptRecord[] = [];
    let step = backoff;
    for (let attempt = 1; ; attempt++) {
      const attemptStarted = attempt === 1 ? started : clock.monotonic();
      const context = parent.child(false, attempt);
      try {
        return await fn(context);
      } catch (error) {
        const record = {
          attempt,
          type: failureType(error),
          message: messageOf(error),
          durationMs: clock.monotonic() - attemptStarted,
        };
        if (parent.aborted) throw aborted([...history, record], parent);
        if (attempt >= attempts || !shouldRetry(error, attempt)) {
          history.push(record);
          throw giveUp(history, error, attempt >= attempts && attempt > 1);
        }
        step = step.next();
        const hint = retryAfterMs(error, clock.now());
        const delayMs = Math.max(step.delayMs, hint ?? 0);
        const elapsed = clock.monotonic() - started;
        if ((hint ?? 0) > maxRetryAfterMs || elapsed + delayMs > maxElapsedMs) {
          history.push(record);
          throw giveUp(history, error, true);
        }
        history.push({ ...record, delayMs });
        if (retries.active) retries.emit({ attempt, error, delayMs });
        try {
          await sleep(delayMs, parent, timers, clock);
        } catch (error) {
          if (parent.aborted) throw aborted(history, parent);
          throw error;
        }
      } finally {
        context.release();
      }
    }
  }

  return {
    execute<T>(fn: Operation<T>, executeOptions?: ExecuteOptions): Promise<T> {
      return run(fn, CallContext.of(executeOptions));
    },
    onRetry: (listener) => retries.subscribe(listener),
    onGiveUp: (listener) => giveUps.subscribe(listener),
  };
}

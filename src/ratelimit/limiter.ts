import { configError, type ConfigProblem } from '../config/config-problem.js';
import { FaultError } from '../errors/fault-error.js';
import { systemClock, type Clock } from '../runtime/clock.js';
import { limiterMeter, type LimiterAlgorithm } from './algorithm.js';
import { memoryLimiterStore } from './memory-store.js';
import { unitsProblem, type RateLimitDecision } from './meter.js';
import { wholeNumberProblem } from './number-problem.js';
import { readLimiterAlgorithm } from './resolve-algorithm.js';
import type { LimiterStore } from './store.js';

/** The options of {@link rateLimiter} besides the algorithm's own. */
export interface LimiterRuntimeOptions {
  /** Time source; refill is computed from `clock.monotonic()` (ms). Default: the system clock. */
  readonly clock?: Clock | undefined;
  /**
   * Where the state of each key lives. Default: a new `memoryLimiterStore({ maxKeys })` for this
   * limiter alone.
   */
  readonly store?: LimiterStore | undefined;
  /**
   * Keys the default memory store holds at most; beyond it the least recently used key is
   * forgotten. Whole. Default 10 000. Not allowed together with `store` (bound that store itself).
   */
  readonly maxKeys?: number | undefined;
}

/** Options of {@link rateLimiter}: an algorithm and its numbers, plus runtime options. */
export type RateLimiterOptions = LimiterAlgorithm & LimiterRuntimeOptions;

/** A per-key rate limiter. Decisions are data; only a misuse or a failing store rejects. */
export interface RateLimiter {
  /**
   * Takes `n` units (default 1) from `key` (default `'default'`) if the algorithm allows it now.
   *
   * @throws FaultError `invalid_config_value` (1201) when `key` is not a string or `n` is not a
   *   whole number from 1 to the capacity / burst (such a take could never be allowed); a store
   *   failure as the FaultError it classifies as.
   */
  take(key?: string, n?: number): Promise<RateLimitDecision>;
  /** What {@link RateLimiter.take} would decide now, without taking anything. Same errors. */
  peek(key?: string, n?: number): Promise<RateLimitDecision>;
  /** Forgets `key` (default `'default'`): its next take is that of a new key. */
  reset(key?: string): Promise<void>;
}

function hasMethods(value: unknown, names: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Readonly<Record<string, unknown>>;
  return names.every((name) => typeof record[name] === 'function');
}

function runtimeProblems(options: LimiterRuntimeOptions): ConfigProblem[] {
  const { clock, store, maxKeys } = options;
  const problems: ConfigProblem[] = [];
  if (clock !== undefined && !hasMethods(clock, ['now', 'monotonic'])) {
    problems.push({ kind: 'value', path: 'clock', received: clock, expected: 'a Clock' });
  }
  if (store !== undefined && !hasMethods(store, ['take', 'peek', 'reset'])) {
    const expected = 'a LimiterStore (take, peek, reset)';
    problems.push({ kind: 'value', path: 'store', received: store, expected });
  }
  if (maxKeys !== undefined && store !== undefined) {
    const expected = 'no maxKeys beside a custom store';
    problems.push({ kind: 'constraint', path: 'maxKeys', received: maxKeys, expected });
  } else if (maxKeys !== undefined) {
    const problem = wholeNumberProblem(maxKeys, 'maxKeys');
    if (problem !== undefined) problems.push(problem);
  }
  return problems;
}

/**
 * Creates a per-key rate limiter: a token bucket (`capacity` tokens, refilled continuously at
 * `refillPerSecond`) or GCRA (`limit` units per `periodMs`, up to `burst` at once, default 1).
 * No timers: a key's recovery is computed from the clock when it is next used. Takes are exact
 * under concurrency: the default memory store decides synchronously, a shared store serialises.
 * Decisions are integers: `remaining` counts whole units and `retryAfterMs` is the exact number
 * of whole ms to wait (taking after it succeeds, one ms sooner fails).
 *
 * @throws FaultError of the config family listing every bad option with its path, the value
 *   received and what was expected (`invalid_config_value` 1201 for a bad number).
 * @see https://brandur.org/rate-limiting (GCRA)
 * @example
 * const limiter = rateLimiter({ algorithm: 'token_bucket', capacity: 10, refillPerSecond: 2 });
 * const { allowed, retryAfterMs } = await limiter.take(`user:${userId}`);
 * if (!allowed) {
 *   const retryAfter = String(Math.ceil(retryAfterMs / 1000)); // RFC 9110 §10.2.3: seconds
 *   return new Response(null, { status: 429, headers: { 'retry-after': retryAfter } });
 * }
 */
export function rateLimiter(options: RateLimiterOptions): RateLimiter {
  const problems: ConfigProblem[] = [];
  const read = readLimiterAlgorithm(options, problems);
  if (typeof options === 'object' && options !== null) problems.push(...runtimeProblems(options));
  if (read === undefined || problems.length > 0) {
    throw configError('rate limiter options', problems);
  }
  const algorithm = read;
  const clock = options.clock ?? systemClock;
  const store = options.store ?? memoryLimiterStore({ maxKeys: options.maxKeys });
  const meter = limiterMeter(algorithm);

  function argumentsError(method: string, key: unknown, n?: unknown): FaultError | undefined {
    const units = n === undefined ? undefined : unitsProblem(n, meter);
    if (typeof key === 'string' && units === undefined) return undefined; // no array per call
    const found: ConfigProblem[] = [];
    if (typeof key !== 'string') {
      found.push({ kind: 'value', path: 'key', received: key, expected: 'a string' });
    }
    if (units !== undefined) found.push(units);
    return configError(`rate limiter ${method} arguments`, found);
  }

  // Nothing is awaited before the store is called, so concurrent calls reach it in call order.
  async function decide(
    method: 'take' | 'peek',
    key: string,
    n: number,
  ): Promise<RateLimitDecision> {
    const error = argumentsError(method, key, n);
    if (error !== undefined) throw error;
    try {
      return await store[method](key, n, clock.monotonic(), algorithm);
    } catch (thrown) {
      throw FaultError.from(thrown);
    }
  }

  return {
    take: (key = 'default', n = 1) => decide('take', key, n),
    peek: (key = 'default', n = 1) => decide('peek', key, n),
    async reset(key = 'default') {
      const error = argumentsError('reset', key);
      if (error !== undefined) throw error;
      try {
        await store.reset(key);
      } catch (thrown) {
        throw FaultError.from(thrown);
      }
    },
  };
}

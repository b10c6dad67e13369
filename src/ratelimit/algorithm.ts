import { gcraMeter, type GcraAlgorithm, type ResolvedGcraAlgorithm } from './gcra.js';
import { debtAt, meterStep, type LimiterState, type LimiterStep, type Meter } from './meter.js';
import { tokenBucketMeter, type TokenBucketAlgorithm } from './token-bucket.js';

/** The algorithm of a rate limiter, picked by its `algorithm` tag. Plain data: JSON as is. */
export type LimiterAlgorithm = TokenBucketAlgorithm | GcraAlgorithm;

/** A {@link LimiterAlgorithm} validated and with its defaults filled in. */
export type ResolvedLimiterAlgorithm = TokenBucketAlgorithm | ResolvedGcraAlgorithm;

/** The {@link Meter} behind an algorithm. */
export function limiterMeter(algorithm: ResolvedLimiterAlgorithm): Meter {
  return algorithm.algorithm === 'gcra' ? gcraMeter(algorithm) : tokenBucketMeter(algorithm);
}

/**
 * One take of `n` units at `now` (ms) under either algorithm: pure and O(1), the step every
 * {@link LimiterStore} runs, in memory or inside a Durable Object. A missing `state` is a new key.
 * Refused takes return the state unchanged (the same object), so a store can skip the write.
 *
 * @throws FaultError `invalid_config_value` (1201) when `n` is not a whole number from 1 to the
 *   capacity (token bucket) or burst (GCRA), or `now` is not finite.
 * @example
 * const algorithm = resolveLimiterAlgorithm({ algorithm: 'gcra', limit: 5, periodMs: 1000 });
 * const first = limiterStep(undefined, 1, 0, algorithm); // allowed; T = 200 ms
 * limiterStep(first.state, 1, 150, algorithm).decision;
 * // { allowed: false, remaining: 0, retryAfterMs: 50 }
 */
export function limiterStep(
  state: LimiterState | undefined,
  n: number,
  now: number,
  algorithm: ResolvedLimiterAlgorithm,
): LimiterStep {
  return meterStep(state, n, now, limiterMeter(algorithm));
}

/**
 * Whether `state` has fully recovered by `now`: every later decision is then the same as for a
 * new key, so a store may drop the key without changing behaviour.
 *
 * @example
 * if (isIdleState(state, clock.monotonic(), algorithm)) states.delete(key);
 */
export function isIdleState(
  state: LimiterState,
  now: number,
  algorithm: ResolvedLimiterAlgorithm,
): boolean {
  return state.at <= now && debtAt(state, now, limiterMeter(algorithm)) === 0;
}

import { meterStep, type LimiterState, type LimiterStep, type Meter } from './meter.js';

/**
 * Token bucket: a key starts with `capacity` tokens, each unit taken spends one, and tokens come
 * back continuously at `refillPerSecond` up to `capacity`. Allows bursts of up to `capacity`
 * units, then `refillPerSecond` units a second on average.
 *
 * @see https://en.wikipedia.org/wiki/Token_bucket
 */
export interface TokenBucketAlgorithm {
  readonly algorithm: 'token_bucket';
  /** Tokens a full bucket holds: the largest burst, and the most one take may ask for. Whole. */
  readonly capacity: number;
  /** Tokens added back per second, continuously (not in steps). Any positive number, e.g. `0.5`. */
  readonly refillPerSecond: number;
}

// Debt is counted in thousandths of a token so that one ms refills exactly `refillPerSecond` of
// them: whole-number rates and a whole-ms clock then keep every value a whole number, and exact.
const MILLI = 1000;

/** The {@link Meter} of a token bucket: debt is the tokens missing from a full bucket, × 1000. */
export function tokenBucketMeter(options: TokenBucketAlgorithm): Meter {
  return {
    unit: MILLI,
    max: options.capacity * MILLI,
    drainPerMs: options.refillPerSecond,
    maxUnits: options.capacity,
    maxName: 'capacity',
  };
}

/**
 * One take of `n` tokens at `now` (ms): pure, so it runs in memory and in a Durable Object alike.
 * A missing `state` is a full bucket. `options` must be valid (see `resolveLimiterAlgorithm`).
 *
 * @throws FaultError `invalid_config_value` (1201) when `n` is not a whole number from 1 to
 *   `capacity`.
 * @example
 * const bucket = { algorithm: 'token_bucket', capacity: 2, refillPerSecond: 1 } as const;
 * let step = tokenBucketStep(undefined, 2, 0, bucket); // allowed, remaining 0
 * step = tokenBucketStep(step.state, 1, 400, bucket); // refused, retryAfterMs 600
 * step = tokenBucketStep(step.state, 1, 1000, bucket); // allowed, remaining 0
 */
export function tokenBucketStep(
  state: LimiterState | undefined,
  n: number,
  now: number,
  options: TokenBucketAlgorithm,
): LimiterStep {
  return meterStep(state, n, now, tokenBucketMeter(options));
}

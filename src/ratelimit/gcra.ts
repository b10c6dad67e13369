import { meterStep, type LimiterState, type LimiterStep, type Meter } from './meter.js';

/**
 * GCRA (generic cell rate algorithm): `limit` units per `periodMs`, evenly spaced. Each unit is
 * due one emission interval `T = periodMs / limit` after the previous one, and a take may run
 * ahead of that schedule by at most the tolerance `burst × T`.
 *
 * @see https://brandur.org/rate-limiting
 * @see https://en.wikipedia.org/wiki/Generic_cell_rate_algorithm
 */
export interface GcraAlgorithm {
  readonly algorithm: 'gcra';
  /** Units allowed per `periodMs`. Whole. */
  readonly limit: number;
  /** The period `limit` applies to, in ms. Whole. */
  readonly periodMs: number;
  /**
   * Units that may be taken at once by a key that has been idle, and the most one take may ask
   * for. Whole. Default 1: units are spaced `T` apart, so no span shorter than `periodMs` ever
   * admits more than `limit`. With a larger burst such a span admits at most `limit + burst − 1`.
   */
  readonly burst?: number | undefined;
}

/** A {@link GcraAlgorithm} with its default filled in. */
export interface ResolvedGcraAlgorithm extends GcraAlgorithm {
  readonly burst: number;
}

/** The burst GCRA uses when none is given: strict spacing. */
export const DEFAULT_GCRA_BURST = 1;

/**
 * The {@link Meter} of GCRA. The theoretical arrival time is `TAT = at + debt / limit` ms: debt is
 * how far TAT runs ahead of the clock, in 1/limit ms, so that `T` is the whole number `periodMs`
 * (a TAT in ms would pile up fractions such as 1000/3) and the tolerance is `burst × periodMs`.
 */
export function gcraMeter(options: ResolvedGcraAlgorithm): Meter {
  return {
    unit: options.periodMs,
    max: options.burst * options.periodMs,
    drainPerMs: options.limit,
    maxUnits: options.burst,
    maxName: 'burst',
  };
}

/**
 * One take of `n` units at `now` (ms): pure, so it runs in memory and in a Durable Object alike.
 * Allowed when `max(TAT, now) + n × T − now ≤ burst × T`; TAT then moves on by `n × T`.
 * A missing `state` is a key that has been idle. `options` must be valid and resolved
 * (see `resolveLimiterAlgorithm`).
 *
 * @throws FaultError `invalid_config_value` (1201) when `n` is not a whole number from 1 to
 *   `burst`.
 * @example
 * const gcra = { algorithm: 'gcra', limit: 10, periodMs: 1000, burst: 2 } as const; // T = 100 ms
 * let step = gcraStep(undefined, 1, 0, gcra); // allowed, remaining 1
 * step = gcraStep(step.state, 1, 0, gcra); // allowed, remaining 0
 * step = gcraStep(step.state, 1, 0, gcra); // refused, retryAfterMs 100
 */
export function gcraStep(
  state: LimiterState | undefined,
  n: number,
  now: number,
  options: ResolvedGcraAlgorithm,
): LimiterStep {
  return meterStep(state, n, now, gcraMeter(options));
}

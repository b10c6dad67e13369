/**
 * The one place that reads the wall clock and the monotonic clock (STYLE §2 item 5): every
 * policy and pipeline takes a {@link Clock} so tests can drive time.
 *
 * @module
 */

/** A source of time. */
export interface Clock {
  /** Wall-clock time in ms since the epoch (what timestamps on the wire use). */
  now(): number;
  /** Monotonic time in ms, for durations; never goes backwards. */
  monotonic(): number;
}

const hasPerformance = typeof performance !== 'undefined' && typeof performance.now === 'function';

/**
 * The real clock: `Date.now()` and `performance.now()` (falls back to `Date.now()` where
 * `performance` is missing).
 */
export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  monotonic: hasPerformance ? () => performance.now() : () => Date.now(),
});

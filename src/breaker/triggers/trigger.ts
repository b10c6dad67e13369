/**
 * What decides when a closed breaker opens (SPEC §3). Each trigger keeps O(1) state per
 * outcome, whatever its window size (issue 3: opossum pays O(window) per failure).
 *
 * @module
 */

/** When a closed breaker opens. Default `{ kind: 'consecutive', threshold: 5 }`. */
export type BreakerTrigger = ConsecutiveTrigger | CountWindowTrigger | TimeWindowTrigger;

/** Opens after `threshold` failures in a row; a success resets the count. */
export interface ConsecutiveTrigger {
  readonly kind: 'consecutive';
  /** Failures in a row that open the breaker. Default 5. */
  readonly threshold?: number;
}

/** Options shared by the window triggers. */
export interface RateTriggerOptions {
  /** Failure share (0–1] of the window's calls that opens the breaker. Default 0.5. */
  readonly failureRate?: number;
  /** Calls the window must hold before any rate is judged. Default 10. */
  readonly minimumCalls?: number;
  /** A call slower than this many ms counts as slow (success or not). Default: off. */
  readonly slowCallMs?: number;
  /** Slow-call share (0–1] that opens the breaker, when `slowCallMs` is set. Default 1. */
  readonly slowCallRate?: number;
}

/** Judges the last `size` calls. */
export interface CountWindowTrigger extends RateTriggerOptions {
  readonly kind: 'count_window';
  /** Calls in the window. Default 100. */
  readonly size?: number;
}

/** Judges the calls of the last `windowMs` milliseconds (kept in 10 buckets). */
export interface TimeWindowTrigger extends RateTriggerOptions {
  readonly kind: 'time_window';
  /** Window length in ms. Default 60 000. */
  readonly windowMs?: number;
}

/** Counts a window currently holds. */
export interface WindowCounts {
  readonly calls: number;
  readonly failures: number;
  readonly slowCalls: number;
}

/** The running state of a trigger while the breaker is closed. */
export interface TriggerState {
  /**
   * Records one outcome at monotonic time `now` (ms); returns true when the breaker should
   * open.
   */
  record(failed: boolean, durationMs: number, now: number): boolean;
  /** Forgets every outcome (the breaker closed again or was reset). */
  reset(): void;
  /** What the window holds now. */
  counts(now: number): WindowCounts;
}

/** Rates resolved with their defaults. */
export interface ResolvedRates {
  readonly failureRate: number;
  readonly minimumCalls: number;
  readonly slowCallMs: number;
  readonly slowCallRate: number;
}

/**
 * True when a window's counts cross the configured rates, once it holds `minimumCalls` (at
 * least 1, so `calls` is never 0 past that check). Plain numbers: it runs on every outcome.
 */
export function exceedsRates(
  calls: number,
  failures: number,
  slowCalls: number,
  rates: ResolvedRates,
): boolean {
  if (calls < rates.minimumCalls) return false;
  return (
    failures / calls >= rates.failureRate ||
    (rates.slowCallMs !== Infinity && slowCalls / calls >= rates.slowCallRate)
  );
}

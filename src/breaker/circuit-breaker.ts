import type { FaultError } from '../errors/fault-error.js';
import type { Policy } from '../policy/policy.js';
import type { BreakerStateJSON, BreakerStateName } from './state.js';
import type { WindowCounts } from './triggers/trigger.js';

/** A state change, as handed to `onStateChange` listeners. */
export interface BreakerStateChange {
  readonly from: BreakerStateName;
  readonly to: BreakerStateName;
  /** The failure that opened the breaker, if one did. */
  readonly error?: unknown;
}

/** One call's outcome, as handed to `onOutcome` listeners. */
export type BreakerOutcome =
  | { readonly kind: 'success'; readonly durationMs: number }
  | { readonly kind: 'failure' | 'ignored'; readonly durationMs: number; readonly error: unknown }
  | { readonly kind: 'rejected'; readonly error: FaultError };

/** Running totals since the breaker was made. */
export interface BreakerMetrics {
  readonly state: BreakerStateName;
  readonly successes: number;
  readonly failures: number;
  /** Outcomes that counted as neither (429, cancellations, bugs in the caller). */
  readonly ignored: number;
  /** Calls refused without running. */
  readonly rejections: number;
  /** Times it opened. */
  readonly opens: number;
  /** What the closed-state trigger currently holds. */
  readonly window: WindowCounts;
}

/** A circuit breaker policy (SPEC §3). */
export interface CircuitBreaker extends Policy {
  /** `closed`, `open` or `half_open` (an open breaker whose wait is over reads `half_open`). */
  readonly state: BreakerStateName;
  readonly name: string;
  readonly metrics: BreakerMetrics;
  /** Listens to state changes; returns an unsubscribe function. */
  onStateChange(listener: (change: BreakerStateChange) => void): () => void;
  /** Listens to every call's outcome; returns an unsubscribe function. */
  onOutcome(listener: (outcome: BreakerOutcome) => void): () => void;
  /** The versioned state, for saving and {@link CircuitBreaker.restore}. */
  toJSON(): BreakerStateJSON;
  /** Takes a saved state. @throws FaultError `format_error` (3202) if it is malformed. */
  restore(state: BreakerStateJSON | string): void;
  /** Closes the breaker and forgets every outcome. */
  reset(): void;
  /** Stops listening to a shared store. */
  dispose(): void;
}

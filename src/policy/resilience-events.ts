import type { FaultError } from '../errors/fault-error.js';
import { Listeners, type Subscribe } from './event.js';

/** A breaker changed state. */
export interface BreakerTransitionEvent {
  readonly kind: 'breaker_transition';
  /** The breaker's name (for `resilientFetch`, the origin). */
  readonly breaker: string;
  readonly from: 'closed' | 'open' | 'half_open';
  readonly to: 'closed' | 'open' | 'half_open';
  /** The failure that opened it, when one did. */
  readonly error?: unknown;
}

/** A retry policy gave up; `error` is the final FaultError with the attempt history. */
export interface RetryExhaustedEvent {
  readonly kind: 'retry_exhausted';
  readonly error: FaultError;
}

/** What the resilience policies report to whoever listens (a capture client, a logger). */
export type ResilienceEvent = BreakerTransitionEvent | RetryExhaustedEvent;

const hub = /* @__PURE__ */ new Listeners<ResilienceEvent>();

/**
 * Listens to every breaker transition and exhausted retry in this realm, whichever policy
 * produced it. A capture client subscribes once so the dashboard shows them beside the errors
 * (SPEC §3); returns a function that unsubscribes.
 *
 * @example
 * const stop = onResilienceEvent((event) => console.warn(event.kind, event));
 */
export const onResilienceEvent: Subscribe<ResilienceEvent> = (listener) => hub.subscribe(listener);

/** Reports an event to the listeners of {@link onResilienceEvent}. @internal */
export function emitResilienceEvent(event: ResilienceEvent): void {
  if (hub.active) hub.emit(event);
}

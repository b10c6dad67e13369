import { circuitBreaker } from '../breaker/breaker.js';
import type { CircuitBreaker } from '../breaker/circuit-breaker.js';
import type { BreakerStore } from '../breaker/store.js';
import type { Clock } from '../runtime/clock.js';

/** The name of the breaker {@link collectorBreaker} makes; the capture client never reports it. */
export const COLLECTOR_BREAKER = 'faultline:collector';

/** Options of {@link collectorBreaker}. */
export interface CollectorBreakerOptions {
  /** Failures in a row (5xx, 408, network failures, timeouts) that open it. Default 5. */
  readonly threshold?: number | undefined;
  /** First wait before a probe, in ms; doubles per failed probe up to 5 minutes. Default 10 000. */
  readonly halfOpenAfterMs?: number | undefined;
  /** Where the state lives, e.g. shared by the tabs of one page. Default: private. */
  readonly store?: BreakerStore | undefined;
  /** Time source. Default: the system clock. */
  readonly clock?: Clock | undefined;
}

/**
 * The circuit breaker a transport puts on its collector endpoint: `circuitBreaker()` named
 * `faultline:collector`, opened by consecutive failures, with the default verdict (429 is
 * back-pressure, not a failure; SPEC §3).
 *
 * It costs about 4 KB gzip in a browser bundle that already holds FaultError: a page within a
 * tight budget may pass a smaller `TransportBreaker` to `createFetchTransport` instead.
 *
 * @throws FaultError 1201/1203 when an option is invalid.
 * @example
 * const transport = createFetchTransport({ endpoint, key, breaker: collectorBreaker() });
 */
export function collectorBreaker(options: CollectorBreakerOptions = {}): CircuitBreaker {
  const { threshold = 5, halfOpenAfterMs = 10_000, store, clock } = options;
  return circuitBreaker({
    name: COLLECTOR_BREAKER,
    trigger: { kind: 'consecutive', threshold },
    halfOpenAfterMs,
    ...(store && { store }),
    ...(clock && { clock }),
  });
}

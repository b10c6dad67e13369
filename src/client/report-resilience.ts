/**
 * The capture client's side of the resilience hook (issue 3 item 7, SPEC §3): breaker
 * transitions become breadcrumbs, an opened breaker and an exhausted retry become events. The
 * transport's breaker is left out: reporting it would feed the failure it reports back into the
 * transport (no feedback loops, SPEC §4). `collectorBreaker()` emits no events; a
 * `circuitBreaker()` given to a transport in its place must be named {@link COLLECTOR_BREAKER}.
 *
 * @module
 */
import { FaultError } from '../errors/fault-error.js';
import { onResilienceEvent } from '../policy/resilience-events.js';
import type { Clock } from '../runtime/clock.js';
import { COLLECTOR_BREAKER } from '../transport/collector-breaker.js';
import type { Client } from './client-api.js';

/**
 * Subscribes `client` to the resilience events of this realm (exhausted retries too unless
 * `retries` is false); returns the unsubscribe function.
 *
 * @example
 * const stop = reportResilience(client, systemClock);
 * // … a breaker named 'payments' opens: a breadcrumb, and a circuit_open event
 * stop();
 */
export function reportResilience(
  client: Pick<Client, 'addBreadcrumb' | 'captureException'>,
  clock: Clock,
  { retries = true }: { readonly retries?: boolean } = {},
): () => void {
  return onResilienceEvent((event) => {
    if (event.kind === 'retry_exhausted') {
      if (retries) client.captureException(event.error);
      return;
    }
    if (event.breaker === COLLECTOR_BREAKER) return;
    client.addBreadcrumb({
      category: 'breaker',
      message: `${event.breaker}: ${event.from} → ${event.to}`,
      level: event.to === 'open' ? 'warning' : 'info',
    });
    if (event.to === 'open') {
      const opened = new FaultError('circuit_open', `Circuit ${event.breaker} opened`, {
        cause: event.error,
        context: { breaker: event.breaker, from: event.from },
        captureStack: false,
        clock,
      });
      client.captureException(opened);
    }
  });
}

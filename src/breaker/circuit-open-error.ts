import { FaultError } from '../errors/fault-error.js';
import type { Clock } from '../runtime/clock.js';
import type { BreakerSnapshot } from './state.js';

/**
 * The `circuit_open` FaultError (2302) a breaker named `name` rejects calls with while in
 * `snapshot`: no stack, and `context` says which breaker, in which state, and when to come back
 * (`retryAt`, ms since the epoch, and `retryAfterMs`). While half-open, `retryAt` is only the
 * latest the probe may take, and the probe usually settles far sooner: no `retryAfterMs` is
 * given then (unless `probeHint`), so a retry keeps to its own backoff instead of waiting out
 * the probe's deadline.
 */
export function circuitOpenError(
  name: string,
  snapshot: BreakerSnapshot,
  clock: Clock,
  probeHint = false,
): FaultError {
  const retryAt =
    snapshot.state === 'open'
      ? snapshot.halfOpenAt
      : snapshot.state === 'half_open'
        ? snapshot.probeUntil
        : 0;
  return new FaultError('circuit_open', `Circuit "${name}" is ${snapshot.state}`, {
    captureStack: false,
    clock,
    context:
      snapshot.state === 'half_open' && !probeHint
        ? { breaker: name, state: snapshot.state, retryAt }
        : {
            breaker: name,
            state: snapshot.state,
            retryAt,
            /** Read when asked, so one rejection shared by many callers never goes stale. */
            get retryAfterMs() {
              return Math.max(0, retryAt - clock.now());
            },
          },
  });
}

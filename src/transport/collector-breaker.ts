import { breakerVerdict, type BreakerVerdict } from '../breaker/breaker-failure.js';
import { circuitOpenError } from '../breaker/circuit-open-error.js';
import { halfOpenDelay } from '../breaker/options.js';
import type { BreakerSnapshot } from '../breaker/state.js';
import { checkOptions } from '../policy/option-checks.js';
import { systemClock, type Clock } from '../runtime/clock.js';
import type { TransportBreaker } from './transport.js';

/** The name of the breaker {@link collectorBreaker} makes; the capture client never reports it. */
export const COLLECTOR_BREAKER = 'faultline:collector';

/** Options of {@link collectorBreaker}. */
export interface CollectorBreakerOptions {
  /** Failures in a row (5xx, 408, network failures, timeouts) that open it. Default 5. */
  readonly threshold?: number | undefined;
  /** First wait before a probe, in ms; doubles per failed probe up to 5 minutes. Default 10 000. */
  readonly halfOpenAfterMs?: number | undefined;
  /**
   * A probe still unsettled after this many ms counts as failed: the next call is turned away
   * and the wait doubles. Default 60 000.
   */
  readonly probeTimeoutMs?: number | undefined;
  /** Time source. Default: the system clock. */
  readonly clock?: Clock | undefined;
}

/**
 * The circuit breaker a transport puts on its collector endpoint, named `faultline:collector`:
 * `threshold` failures in a row open it (the default verdict of `circuitBreaker`: 5xx, 408,
 * network failures and timeouts fail; 429 is back-pressure and cancellations say nothing,
 * SPEC §3); after the wait, one probe runs while every other call fails fast with FaultError
 * `circuit_open` (2302, `context.retryAfterMs` says when to come back); the probe's success
 * closes it, its failure opens it again for twice as long (at most 5 minutes).
 *
 * Not `circuitBreaker()`: the transport needs one trigger, no store, no listeners, no
 * serialised state, and a browser bundle holding the client should not carry the rest.
 *
 * @throws FaultError 1201/1203 when an option is invalid.
 * @example
 * const transport = createFetchTransport({ endpoint, key, breaker: collectorBreaker() });
 */
export function collectorBreaker(options: CollectorBreakerOptions = {}): TransportBreaker {
  const { threshold = 5, halfOpenAfterMs = 10_000, probeTimeoutMs = 60_000 } = options;
  checkOptions('collector breaker options')
    .number('threshold', threshold, { min: 1, integer: true })
    .number('halfOpenAfterMs', halfOpenAfterMs, { min: 0 })
    .number('probeTimeoutMs', probeTimeoutMs, { min: 0, exclusiveMin: true })
    .done();
  const clock = options.clock ?? systemClock;
  let snapshot: BreakerSnapshot = { state: 'closed', revision: 0, opens: 0 };
  let failures = 0;

  function move(next: BreakerSnapshot): void {
    snapshot = next;
    failures = 0;
  }

  function open(now: number): void {
    const opens = snapshot.opens + 1;
    const halfOpenAt = now + halfOpenDelay(halfOpenAfterMs, opens);
    move({ state: 'open', revision: snapshot.revision + 1, opens, openedAt: now, halfOpenAt });
  }

  /** Admits a call: `true` when it is the probe, throws when the circuit turns it away. */
  function admit(now: number): boolean {
    // A probe that outlived its lease has failed: the wait before the next one doubles.
    if (snapshot.state === 'half_open' && now >= snapshot.probeUntil) open(now);
    if (snapshot.state === 'closed') return false;
    if (snapshot.state === 'half_open' || now < snapshot.halfOpenAt) {
      // The transport's one sender comes back when the probe's lease ends, at the latest.
      throw circuitOpenError(COLLECTOR_BREAKER, snapshot, clock, true);
    }
    const { revision, opens } = snapshot;
    move({ state: 'half_open', revision: revision + 1, opens, probeUntil: now + probeTimeoutMs });
    return true;
  }

  /** What one outcome of a call admitted at `revision` does; late outcomes change nothing. */
  function settle(probe: boolean, revision: number, verdict: BreakerVerdict): void {
    if (snapshot.revision !== revision) return;
    const now = clock.now();
    if (verdict === 'failure') {
      if (probe || ++failures >= threshold) open(now);
    } else if (verdict === 'success') {
      if (probe) move({ state: 'closed', revision: revision + 1, opens: 0 });
      else failures = 0;
    } else if (probe) {
      // A probe turned back (429, cancelled) says nothing: the next call probes, no longer wait.
      const { opens } = snapshot;
      move({ state: 'open', revision: revision + 1, opens, openedAt: now, halfOpenAt: now });
    }
  }

  return {
    /** `open` only while calls are turned away: once the wait is over, `half_open`. */
    get state() {
      const { state } = snapshot;
      return state === 'open' && clock.now() >= snapshot.halfOpenAt ? 'half_open' : state;
    },
    async execute(fn) {
      const probe = admit(clock.now());
      const revision = snapshot.revision;
      let result;
      try {
        result = await fn();
      } catch (error) {
        settle(probe, revision, breakerVerdict(error));
        throw error;
      }
      settle(probe, revision, 'success');
      return result;
    },
    reset() {
      move({ state: 'closed', revision: snapshot.revision + 1, opens: 0 });
    },
  };
}

import { FaultError } from '../errors/fault-error.js';
import { CallContext } from '../policy/call-context.js';
import { createEvent, type Subscribe } from '../policy/event.js';
import type { ExecuteOptions, Operation, Policy } from '../policy/policy.js';
import { emitResilienceEvent } from '../policy/resilience-events.js';
import { resolveBreakerOptions, type CircuitBreakerOptions } from './options.js';
import {
  INITIAL_SNAPSHOT,
  snapshotFromJSON,
  snapshotToJSON,
  type BreakerSnapshot,
  type BreakerStateJSON,
  type BreakerStateName,
} from './state.js';
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
  /** Outcomes that counted as neither (429, cancellations). */
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
  /** `closed`, `open` or `half_open`. */
  readonly state: BreakerStateName;
  readonly name: string;
  readonly metrics: BreakerMetrics;
  /** Listens to state changes; returns an unsubscribe function. */
  readonly onStateChange: Subscribe<BreakerStateChange>;
  /** Listens to every call's outcome; returns an unsubscribe function. */
  readonly onOutcome: Subscribe<BreakerOutcome>;
  /** The versioned state, for saving and {@link CircuitBreaker.restore}. */
  toJSON(): BreakerStateJSON;
  /** Takes a saved state. @throws FaultError `format_error` (3202) if it is malformed. */
  restore(state: BreakerStateJSON | string): void;
  /** Closes the breaker and forgets every outcome. */
  reset(): void;
  /** Stops listening to a shared store. */
  dispose(): void;
}

/**
 * A circuit breaker: after enough failures it opens and rejects calls at once with a
 * `circuit_open` FaultError (2302, no stack captured, `context.retryAfterMs` says when to come
 * back), then lets `halfOpenProbes` probes through; their success closes it, their failure
 * reopens it for longer. While probes run, every other caller fails fast. No timers: time is
 * read when calls arrive, so an idle breaker costs only its fields.
 *
 * @throws FaultError 1101/1201/1203 when an option is invalid.
 * @example
 * const breaker = circuitBreaker({ trigger: { kind: 'consecutive', threshold: 5 } });
 * breaker.onStateChange(({ from, to }) => console.warn(`payments: ${from} → ${to}`));
 * const order = await breaker.execute(() => payments.charge(cart));
 */
export function circuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const config = resolveBreakerOptions(options);
  const { name, clock, store, verdict } = config;
  const trigger = config.makeTrigger();
  const stateChanges = createEvent<BreakerStateChange>();
  const outcomes = createEvent<BreakerOutcome>();
  let snapshot: BreakerSnapshot = store?.get(name) ?? INITIAL_SNAPSHOT;
  let probeSlots = 0; // probes this breaker may still start while it owns the half-open lease
  let probeSuccesses = 0;
  const totals = { successes: 0, failures: 0, ignored: 0, rejections: 0, opens: 0 };

  function adopt(next: BreakerSnapshot, error?: unknown): void {
    const from = snapshot.state;
    snapshot = next;
    probeSlots = 0;
    if (next.state === 'closed') trigger.reset();
    if (next.state === 'open') totals.opens++;
    if (from === next.state) return;
    const change = error === undefined ? { from, to: next.state } : { from, to: next.state, error };
    stateChanges.emit(change);
    emitResilienceEvent({ kind: 'breaker_transition', breaker: name, ...change });
  }
  let proposing: BreakerSnapshot | undefined;
  const unsubscribe = store?.subscribe(name, (next) => {
    if (next !== proposing && next.revision > snapshot.revision) adopt(next);
  });

  /** Moves to `next` unless another party changed the state first; true if it did. */
  function move(next: BreakerSnapshot, error?: unknown): boolean {
    if (store !== undefined) {
      proposing = next;
      const stored = store.transition(name, next);
      proposing = undefined;
      if (!stored) {
        const latest = store.get(name);
        if (latest !== undefined && latest.revision > snapshot.revision) adopt(latest);
        return false;
      }
    }
    adopt(next, error);
    return true;
  }

  function retryAfter(now: number): number {
    if (snapshot.state === 'open') return Math.max(0, snapshot.halfOpenAt - now);
    if (snapshot.state === 'half_open') return Math.max(0, snapshot.probeUntil - now);
    return 0;
  }

  function open(error: unknown): void {
    const now = clock.now();
    const opens = snapshot.opens + 1;
    const halfOpenAt = now + config.halfOpenDelay(opens);
    move(
      { state: 'open', revision: snapshot.revision + 1, opens, openedAt: now, halfOpenAt },
      error,
    );
  }

  function reject(retryAfterMs: number): Promise<never> {
    totals.rejections++;
    const error = new FaultError('circuit_open', `Circuit "${name}" is ${snapshot.state}`, {
      captureStack: false,
      clock,
      context: { breaker: name, state: snapshot.state, retryAfterMs },
    });
    if (outcomes.active) outcomes.emit({ kind: 'rejected', error });
    return Promise.reject(error);
  }

  /**
   * Admits a call while not closed: the revision a probe runs under, -1 to run it as a closed
   * call (another party closed the breaker meanwhile), or the rejection.
   */
  function admit(): number | Promise<never> {
    const now = clock.now();
    if (snapshot.state === 'open' && now >= snapshot.halfOpenAt) {
      const probeUntil = now + config.probeTimeoutMs;
      const { revision, opens } = snapshot;
      if (move({ state: 'half_open', revision: revision + 1, opens, probeUntil })) {
        probeSlots = config.halfOpenProbes;
        probeSuccesses = 0;
      }
    } else if (snapshot.state === 'half_open' && now >= snapshot.probeUntil) {
      open(
        new FaultError('timeout', `Circuit "${name}": a probe did not settle in time`, {
          captureStack: false,
          clock,
        }),
      );
    }
    if (snapshot.state === 'closed') return -1;
    if (snapshot.state === 'half_open' && probeSlots > 0) {
      probeSlots--;
      return snapshot.revision;
    }
    return reject(retryAfter(now));
  }

  function settleProbe(revision: number, failed: boolean, error: unknown): void {
    if (snapshot.revision !== revision || snapshot.state !== 'half_open') return; // stale probe
    if (failed) return open(error);
    if (++probeSuccesses >= config.halfOpenProbes) {
      move({ state: 'closed', revision: snapshot.revision + 1, opens: 0 });
    }
  }

  function record(error: unknown, thrown: boolean, started: number, probe: number): void {
    const now = config.clocked ? clock.monotonic() : 0;
    const durationMs = config.timed ? now - started : 0;
    const kind = thrown ? verdict(error) : 'success';
    if (kind === 'success') totals.successes++;
    else if (kind === 'failure') totals.failures++;
    else totals.ignored++;
    if (outcomes.active) {
      outcomes.emit(kind === 'success' ? { kind, durationMs } : { kind, durationMs, error });
    }
    if (kind === 'ignored') {
      if (probe === snapshot.revision && snapshot.state === 'half_open') probeSlots++; // slot back
      return;
    }
    if (probe >= 0) return settleProbe(probe, kind === 'failure', error);
    if (snapshot.state !== 'closed') return; // another caller already opened it
    if (trigger.record(kind === 'failure', durationMs, now)) open(error);
  }

  /** An open breaker whose wait is over reads as half-open: the next call will probe. */
  function currentState(): BreakerStateName {
    if (snapshot.state === 'open' && clock.now() >= snapshot.halfOpenAt) return 'half_open';
    return snapshot.state;
  }

  async function run<T>(fn: Operation<T>, context: CallContext, probe: number): Promise<T> {
    const started = config.timed ? clock.monotonic() : 0;
    let value: T;
    try {
      value = await fn(context);
    } catch (error) {
      record(error, true, started, probe);
      throw error;
    }
    record(undefined, false, started, probe);
    return value;
  }

  return {
    name,
    execute<T>(fn: Operation<T>, executeOptions?: ExecuteOptions): Promise<T> {
      const context = CallContext.of(executeOptions);
      if (snapshot.state === 'closed') return run(fn, context, -1);
      const probe = admit();
      return typeof probe === 'number' ? run(fn, context, probe) : probe;
    },
    get state() {
      return currentState();
    },
    get metrics(): BreakerMetrics {
      return { state: currentState(), ...totals, window: trigger.counts(clock.monotonic()) };
    },
    onStateChange: stateChanges.subscribe,
    onOutcome: outcomes.subscribe,
    toJSON: () => snapshotToJSON(snapshot),
    restore(state) {
      const restored = snapshotFromJSON(state);
      move({ ...restored, revision: Math.max(restored.revision, snapshot.revision + 1) });
    },
    reset() {
      move({ state: 'closed', revision: snapshot.revision + 1, opens: 0 });
      trigger.reset();
    },
    dispose() {
      unsubscribe?.();
    },
  };
}

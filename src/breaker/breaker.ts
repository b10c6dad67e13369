import { FaultError } from '../errors/fault-error.js';
import { CallContext } from '../policy/call-context.js';
import { Listeners } from '../policy/event.js';
import type { ExecuteOptions, Operation } from '../policy/policy.js';
import { emitResilienceEvent } from '../policy/resilience-events.js';
import { breakerVerdict, type BreakerVerdict } from './breaker-failure.js';
import { circuitOpenError } from './circuit-open-error.js';
import {
  createTrigger,
  halfOpenDelay,
  resolveBreakerOptions,
  type CircuitBreakerOptions,
  type ResolvedBreakerOptions,
} from './options.js';
import {
  INITIAL_SNAPSHOT,
  snapshotFromJSON,
  snapshotToJSON,
  type BreakerSnapshot,
  type BreakerStateJSON,
  type BreakerStateName,
} from './state.js';
import type { TriggerState } from './triggers/trigger.js';
import type {
  BreakerMetrics,
  BreakerOutcome,
  BreakerStateChange,
  CircuitBreaker,
} from './circuit-breaker.js';

const NOT_A_PROBE = -1;
const settled = Promise.resolve();

/**
 * The engine. A class rather than closures because an app may hold a breaker per origin or per
 * key: prototype methods and lazily made listeners and windows keep an idle one to a few
 * hundred bytes (issue 3: ≤ 500 B, no timers).
 */
class Breaker implements CircuitBreaker {
  readonly name: string;
  readonly #config: ResolvedBreakerOptions;
  readonly #trigger: TriggerState;
  readonly #verdict: (error: unknown) => BreakerVerdict;
  #snapshot: BreakerSnapshot;
  #probeSlots = 0; // probes this breaker may still start while it owns the half-open lease
  #probeSuccesses = 0;
  #successes = 0;
  #failures = 0;
  #ignored = 0;
  #rejections = 0;
  #opens = 0;
  #stateChanges: Listeners<BreakerStateChange> | undefined;
  #outcomes: Listeners<BreakerOutcome> | undefined;
  #rejection: FaultError | undefined; // one per open period, made on demand
  #throwRejection: (() => never) | undefined;
  #proposing: BreakerSnapshot | undefined;
  #unsubscribe: (() => void) | undefined;
  #settle: [(value: unknown) => unknown, (error: unknown) => never] | undefined;

  constructor(config: ResolvedBreakerOptions) {
    this.#config = config;
    this.name = config.name;
    this.#trigger = createTrigger(config.trigger);
    const isFailure = config.isFailure;
    this.#verdict = isFailure ? (e) => (isFailure(e) ? 'failure' : 'success') : breakerVerdict;
    const store = config.store;
    this.#snapshot = store?.get(this.name) ?? INITIAL_SNAPSHOT;
    this.#unsubscribe = store?.subscribe(this.name, (next) => {
      if (next !== this.#proposing && next.revision > this.#snapshot.revision) this.#adopt(next);
    });
  }

  execute<T>(fn: Operation<T>, options?: ExecuteOptions): Promise<T> {
    const context = CallContext.of(options);
    if (this.#snapshot.state === 'closed' && !this.#config.timed) return this.#runFast(fn, context);
    const probe = this.#snapshot.state === 'closed' ? NOT_A_PROBE : this.#admit();
    return typeof probe === 'number' ? this.#run(fn, context, probe) : probe;
  }

  get state(): BreakerStateName {
    const snapshot = this.#snapshot;
    if (snapshot.state === 'open' && this.#config.clock.now() >= snapshot.halfOpenAt) {
      return 'half_open';
    }
    return snapshot.state;
  }

  get metrics(): BreakerMetrics {
    return {
      state: this.state,
      successes: this.#successes,
      failures: this.#failures,
      ignored: this.#ignored,
      rejections: this.#rejections,
      opens: this.#opens,
      window: this.#trigger.counts(this.#config.clock.monotonic()),
    };
  }

  onStateChange(listener: (change: BreakerStateChange) => void): () => void {
    return (this.#stateChanges ??= new Listeners()).subscribe(listener);
  }

  onOutcome(listener: (outcome: BreakerOutcome) => void): () => void {
    return (this.#outcomes ??= new Listeners()).subscribe(listener);
  }

  toJSON(): BreakerStateJSON {
    return snapshotToJSON(this.#snapshot);
  }

  restore(state: BreakerStateJSON | string): void {
    const restored = snapshotFromJSON(state);
    // Revisions only order transitions in one store: the restored state is simply the next one.
    this.#move({ ...restored, revision: this.#snapshot.revision + 1 });
  }

  reset(): void {
    this.#move({ state: 'closed', revision: this.#snapshot.revision + 1, opens: 0 });
    this.#trigger.reset();
  }

  dispose(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** The closed, untimed path: no async frame, handlers made once per breaker. */
  #runFast<T>(fn: Operation<T>, context: CallContext): Promise<T> {
    let result: T | PromiseLike<T>;
    try {
      result = fn(context);
    } catch (error) {
      this.#record(error, true, 0, NOT_A_PROBE);
      return Promise.reject(error);
    }
    const [onValue, onError] = (this.#settle ??= [
      (value) => {
        this.#record(undefined, false, 0, NOT_A_PROBE);
        return value;
      },
      (error) => {
        this.#record(error, true, 0, NOT_A_PROBE);
        throw error;
      },
    ]);
    return Promise.resolve(result).then(onValue, onError) as Promise<T>;
  }

  async #run<T>(fn: Operation<T>, context: CallContext, probe: number): Promise<T> {
    const started = this.#config.timed ? this.#config.clock.monotonic() : 0;
    let value: T;
    try {
      value = await fn(context);
    } catch (error) {
      this.#record(error, true, started, probe);
      throw error;
    }
    this.#record(undefined, false, started, probe);
    return value;
  }

  #adopt(next: BreakerSnapshot, error?: unknown): void {
    const from = this.#snapshot.state;
    this.#snapshot = next;
    this.#probeSlots = 0;
    this.#rejection = this.#throwRejection = undefined;
    if (next.state === 'closed') this.#trigger.reset();
    if (next.state === 'open') this.#opens++;
    if (from === next.state) return;
    const change = error === undefined ? { from, to: next.state } : { from, to: next.state, error };
    this.#stateChanges?.emit(change);
    emitResilienceEvent({ kind: 'breaker_transition', breaker: this.name, ...change });
  }

  /** Moves to `next` unless another party changed the state first; true if it did. */
  #move(next: BreakerSnapshot, error?: unknown): boolean {
    const store = this.#config.store;
    if (store !== undefined) {
      this.#proposing = next;
      const stored = store.transition(this.name, next);
      this.#proposing = undefined;
      if (!stored) {
        const latest = store.get(this.name);
        if (latest !== undefined && latest.revision > this.#snapshot.revision) this.#adopt(latest);
        return false;
      }
    }
    this.#adopt(next, error);
    return true;
  }

  #open(error: unknown): void {
    const now = this.#config.clock.now();
    const { revision, opens } = this.#snapshot;
    const halfOpenAt = now + halfOpenDelay(this.#config.halfOpenAfterMs, opens + 1);
    this.#move(
      { state: 'open', revision: revision + 1, opens: opens + 1, openedAt: now, halfOpenAt },
      error,
    );
  }

  /**
   * Refuses a call. The FaultError is made once per open period (no stack) and delivered after
   * the caller has attached its handler, which spares the runtime's unhandled-rejection
   * bookkeeping: both matter when an open breaker sheds thousands of calls a second.
   */
  #reject(): Promise<never> {
    this.#rejections++;
    const error = (this.#rejection ??= circuitOpenError(
      this.name,
      this.#snapshot,
      this.#config.clock,
    ));
    const thrower = (this.#throwRejection ??= () => {
      throw error;
    });
    if (this.#outcomes?.active) this.#outcomes.emit({ kind: 'rejected', error });
    return settled.then(thrower);
  }

  /**
   * Admits a call while not closed: the revision a probe runs under, NOT_A_PROBE to run it as
   * a closed call (another party closed the breaker meanwhile), or the rejection.
   */
  #admit(): number | Promise<never> {
    const config = this.#config;
    const now = config.clock.now();
    const snapshot = this.#snapshot;
    if (snapshot.state === 'open' && now >= snapshot.halfOpenAt) {
      const { revision, opens } = snapshot;
      const probeUntil = now + config.probeTimeoutMs;
      if (this.#move({ state: 'half_open', revision: revision + 1, opens, probeUntil })) {
        this.#probeSlots = config.halfOpenProbes;
        this.#probeSuccesses = 0;
      }
    } else if (snapshot.state === 'half_open' && now >= snapshot.probeUntil) {
      const message = `Circuit "${this.name}": a probe did not settle in time`;
      this.#open(new FaultError('timeout', message, { captureStack: false, clock: config.clock }));
    }
    const current = this.#snapshot;
    if (current.state === 'closed') return NOT_A_PROBE;
    if (current.state === 'half_open' && this.#probeSlots > 0) {
      this.#probeSlots--;
      return current.revision;
    }
    return this.#reject();
  }

  #settleProbe(revision: number, failed: boolean, error: unknown): void {
    const snapshot = this.#snapshot;
    if (snapshot.revision !== revision || snapshot.state !== 'half_open') return; // stale probe
    if (failed) return this.#open(error);
    if (++this.#probeSuccesses >= this.#config.halfOpenProbes) {
      this.#move({ state: 'closed', revision: snapshot.revision + 1, opens: 0 });
    }
  }

  #record(error: unknown, thrown: boolean, started: number, probe: number): void {
    const config = this.#config;
    const now = config.clocked ? config.clock.monotonic() : 0;
    const durationMs = config.timed ? now - started : 0;
    const kind = thrown ? this.#verdict(error) : 'success';
    if (kind === 'success') this.#successes++;
    else if (kind === 'failure') this.#failures++;
    else this.#ignored++;
    if (this.#outcomes?.active) {
      this.#outcomes.emit(kind === 'success' ? { kind, durationMs } : { kind, durationMs, error });
    }
    const snapshot = this.#snapshot;
    if (kind === 'ignored') {
      if (probe === snapshot.revision && snapshot.state === 'half_open') this.#probeSlots++;
      return;
    }
    if (probe !== NOT_A_PROBE) return this.#settleProbe(probe, kind === 'failure', error);
    if (snapshot.state !== 'closed') return; // another caller already opened it
    if (this.#trigger.record(kind === 'failure', durationMs, now)) this.#open(error);
  }
}

/**
 * A circuit breaker: after enough failures it opens and rejects calls at once with a
 * `circuit_open` FaultError (2302, no stack captured; `context.retryAfterMs` says when to come
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
  return new Breaker(resolveBreakerOptions(options));
}

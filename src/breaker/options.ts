import type { Backoff } from '../backoff/backoff.js';
import { systemClock, type Clock } from '../runtime/clock.js';
import { checkOptions } from '../policy/option-checks.js';
import type { BreakerStore } from './store.js';
import { ConsecutiveTrigger } from './triggers/consecutive.js';
import { CountWindowTrigger } from './triggers/count-window.js';
import { TimeWindowTrigger } from './triggers/time-window.js';
import type { BreakerTrigger, ResolvedRates, TriggerState } from './triggers/trigger.js';

/** Options of {@link circuitBreaker}; every field is optional. */
export interface CircuitBreakerOptions {
  /** Names the breaker in errors and events, and keys its state in `store`. Default `'default'`. */
  readonly name?: string;
  /** When a closed breaker opens. Default `{ kind: 'consecutive', threshold: 5 }`. */
  readonly trigger?: BreakerTrigger;
  /**
   * How long an open breaker waits before letting probes through, in ms. A number is the first
   * wait; each re-open after a failed probe doubles it, up to 5 minutes (or the number itself
   * if larger). A {@link Backoff} gives any other schedule (`constantBackoff(ms)` for a fixed
   * wait). Default 10 000.
   */
  readonly halfOpenAfterMs?: number | Backoff;
  /**
   * Calls let through while half-open; they must all succeed to close it. Every other call
   * fails fast meanwhile (no queueing). Default 1.
   */
  readonly halfOpenProbes?: number;
  /**
   * How long the probes may take, in ms: a probe still running then counts as failed and the
   * breaker opens again, so half-open cannot stick. Default 30 000.
   */
  readonly probeTimeoutMs?: number;
  /**
   * Whether a thrown value counts as a failure of the dependency. Default: network failures,
   * timeouts, 5xx/408 responses and unrecognised errors do; 429 (back-pressure) and
   * cancellations count as neither; other errors (4xx, bugs, validation) count as successes,
   * since the dependency answered.
   */
  readonly isFailure?: (error: unknown) => boolean;
  /** Where the state lives. Default: private to this breaker. */
  readonly store?: BreakerStore;
  /** Time source. Default: the system clock. */
  readonly clock?: Clock;
}

/** A trigger with every default filled in (plain data: no closures per breaker). */
export type ResolvedTrigger =
  | { readonly kind: 'consecutive'; readonly threshold: number }
  | ({ readonly kind: 'count_window'; readonly size: number } & ResolvedRates)
  | ({ readonly kind: 'time_window'; readonly windowMs: number } & ResolvedRates);

/** Options with every default filled in. */
export interface ResolvedBreakerOptions {
  readonly name: string;
  readonly trigger: ResolvedTrigger;
  /** Whether outcomes need timing (a slow-call rate is configured). */
  readonly timed: boolean;
  /** Whether the trigger needs the time of each outcome (timed, or a time window). */
  readonly clocked: boolean;
  readonly halfOpenAfterMs: number | Backoff;
  readonly halfOpenProbes: number;
  readonly probeTimeoutMs: number;
  readonly isFailure: ((error: unknown) => boolean) | undefined;
  readonly store: BreakerStore | undefined;
  readonly clock: Clock;
}

const MAX_GROWN_WAIT_MS = 300_000;
const COUNT = { min: 1, integer: true } as const;
const RATE = { min: 0, max: 1, exclusiveMin: true } as const;
const DURATION = { min: 0, infinite: true } as const;

const DEFAULTS: ResolvedBreakerOptions = Object.freeze({
  name: 'default',
  trigger: Object.freeze({ kind: 'consecutive', threshold: 5 }),
  timed: false,
  clocked: false,
  halfOpenAfterMs: 10_000,
  halfOpenProbes: 1,
  probeTimeoutMs: 30_000,
  isFailure: undefined,
  store: undefined,
  clock: systemClock,
});

/**
 * Fills in defaults and checks every option. Breakers made without options share one frozen
 * result, so an idle breaker costs only its own fields.
 *
 * @throws FaultError 1101/1201/1203.
 */
export function resolveBreakerOptions(options: CircuitBreakerOptions): ResolvedBreakerOptions {
  if (Object.keys(options).length === 0) return DEFAULTS;
  const trigger = options.trigger ?? { kind: 'consecutive' };
  const checks = checkOptions('circuit breaker options')
    .object('trigger', options.trigger)
    .oneOf('trigger.kind', trigger.kind, ['consecutive', 'count_window', 'time_window'])
    .number('halfOpenProbes', options.halfOpenProbes, COUNT)
    .number('probeTimeoutMs', options.probeTimeoutMs, { min: 0, exclusiveMin: true })
    .fn('isFailure', options.isFailure)
    .object('store', options.store);
  if (typeof options.halfOpenAfterMs !== 'object') {
    checks.number('halfOpenAfterMs', options.halfOpenAfterMs, { min: 0 });
  }
  if (trigger.kind === 'consecutive') {
    checks.number('trigger.threshold', trigger.threshold, COUNT);
  } else {
    checks
      .number('trigger.failureRate', trigger.failureRate, RATE)
      .number('trigger.minimumCalls', trigger.minimumCalls, COUNT)
      .number('trigger.slowCallMs', trigger.slowCallMs, DURATION)
      .number('trigger.slowCallRate', trigger.slowCallRate, RATE);
    if (trigger.kind === 'count_window') checks.number('trigger.size', trigger.size, COUNT);
    else checks.number('trigger.windowMs', trigger.windowMs, { min: 10 });
  }
  checks.done();
  const resolved = resolveTrigger(trigger);
  const timed = resolved.kind !== 'consecutive' && resolved.slowCallMs !== Infinity;
  return {
    name: options.name ?? DEFAULTS.name,
    trigger: resolved,
    timed,
    clocked: timed || resolved.kind === 'time_window',
    halfOpenAfterMs: options.halfOpenAfterMs ?? DEFAULTS.halfOpenAfterMs,
    halfOpenProbes: options.halfOpenProbes ?? DEFAULTS.halfOpenProbes,
    probeTimeoutMs: options.probeTimeoutMs ?? DEFAULTS.probeTimeoutMs,
    isFailure: options.isFailure,
    store: options.store,
    clock: options.clock ?? systemClock,
  };
}

function resolveTrigger(trigger: BreakerTrigger): ResolvedTrigger {
  if (trigger.kind === 'consecutive')
    return { kind: trigger.kind, threshold: trigger.threshold ?? 5 };
  const rates = {
    failureRate: trigger.failureRate ?? 0.5,
    minimumCalls: trigger.minimumCalls ?? 10,
    slowCallMs: trigger.slowCallMs ?? Infinity,
    slowCallRate: trigger.slowCallRate ?? 1,
  };
  if (trigger.kind === 'count_window')
    return { kind: trigger.kind, size: trigger.size ?? 100, ...rates };
  return { kind: trigger.kind, windowMs: trigger.windowMs ?? 60_000, ...rates };
}

/** A fresh trigger state for a resolved trigger. */
export function createTrigger(trigger: ResolvedTrigger): TriggerState {
  if (trigger.kind === 'consecutive') return new ConsecutiveTrigger(trigger.threshold);
  if (trigger.kind === 'count_window') return new CountWindowTrigger(trigger.size, trigger);
  return new TimeWindowTrigger(trigger.windowMs, trigger);
}

/**
 * The wait before probing after the `opens`-th open in a row (1-based): a number doubles per
 * re-open up to 5 minutes (or itself if larger); a backoff is walked `opens` steps.
 */
export function halfOpenDelay(option: number | Backoff, opens: number): number {
  if (typeof option === 'number') {
    const cap = Math.max(option, MAX_GROWN_WAIT_MS);
    return Math.min(cap, option * 2 ** Math.min(opens - 1, 30));
  }
  let backoff = option;
  for (let i = 0; i < opens; i++) backoff = backoff.next();
  return backoff.delayMs;
}

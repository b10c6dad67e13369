/**
 * The arithmetic both rate-limit algorithms share. A token bucket and GCRA both track how far a
 * key is in debt: each unit taken adds a fixed cost, the debt drains at a fixed rate, and a take
 * is allowed while the debt stays within a maximum. Each algorithm only picks the three numbers.
 *
 * @module
 */
import { configError, type ConfigProblem } from '../config/config-problem.js';

/**
 * The state of one key: two numbers, so it serialises as is (JSON, Durable Object storage).
 * No state at all means a new key, and a state whose debt has drained is the same as none.
 */
export interface LimiterState {
  /** When the state last changed, in ms of the clock the store uses. */
  readonly at: number;
  /** What the key owed at `at`, in the algorithm's units (see {@link Meter}); never negative. */
  readonly debt: number;
}

/** The answer to a take: the shape SPEC §3 fixes, also the body of the collector's limit route. */
export interface RateLimitDecision {
  /** Whether the units were granted. */
  readonly allowed: boolean;
  /** Whole units that could still be taken at once, right after this decision. */
  readonly remaining: number;
  /**
   * 0 when allowed. Otherwise the smallest whole number of ms after which the same take is
   * allowed, if nothing else takes from the key meanwhile: one ms earlier it is still refused.
   */
  readonly retryAfterMs: number;
}

/** What one step of an algorithm returns: the decision and the state to store. */
export interface LimiterStep {
  readonly decision: RateLimitDecision;
  /** The state after the step; the very object passed in when the take was refused. */
  readonly state: LimiterState;
}

/** How an algorithm maps onto debt. All numbers are positive and `unit ≤ max`. */
export interface Meter {
  /** Debt one unit adds. */
  readonly unit: number;
  /** The most debt a key may carry after a take. */
  readonly max: number;
  /** Debt paid back per ms. */
  readonly drainPerMs: number;
  /** `max / unit`: the most units one take may ask for. */
  readonly maxUnits: number;
  /** What the algorithm calls `maxUnits`, e.g. `'capacity'` or `'burst'`. */
  readonly maxName: string;
}

/** The debt a key carries at `now`: 0 for a new key. A clock that went backwards drains nothing. */
export function debtAt(state: LimiterState | undefined, now: number, meter: Meter): number {
  if (state === undefined) return 0;
  const elapsed = now - state.at;
  return elapsed > 0 ? Math.max(0, state.debt - elapsed * meter.drainPerMs) : state.debt;
}

/**
 * Why `n` units can never be taken under `meter`, or `undefined` when they can. A take larger
 * than the maximum would otherwise wait forever, so it is refused as a caller error.
 */
export function unitsProblem(n: unknown, meter: Meter): ConfigProblem | undefined {
  if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 1 && n <= meter.maxUnits) {
    return undefined;
  }
  const expected = `a whole number from 1 to ${meter.maxUnits} (the ${meter.maxName})`;
  return { kind: 'value', path: 'n', received: n, expected };
}

function wholeUnits(debtLeft: number, unit: number): number {
  return Math.max(0, Math.floor(debtLeft / unit));
}

// The closed form gives the wait to within float rounding; stepping by whole ms against the very
// predicate the next step evaluates makes `retryAfterMs` agree with the engine exactly.
function waitMs(state: LimiterState, cost: number, now: number, meter: Meter): number {
  const fits = (ms: number): boolean => debtAt(state, now + ms, meter) + cost <= meter.max;
  const excess = state.debt + cost - meter.max;
  let ms = Math.max(1, Math.ceil(state.at - now + excess / meter.drainPerMs));
  for (let i = 0; i < 4 && ms > 1 && fits(ms - 1); i += 1) ms -= 1;
  for (let i = 0; i < 4 && !fits(ms); i += 1) ms += 1;
  return ms;
}

/**
 * One take of `n` units at `now`: pure, and O(1). Refused takes return the state unchanged (the
 * same object), so a store can skip the write.
 *
 * @throws FaultError `invalid_config_value` (1201) when `n` is not a whole number from 1 to the
 *   meter's maximum, or `now` is not a finite number.
 */
export function meterStep(
  state: LimiterState | undefined,
  n: number,
  now: number,
  meter: Meter,
): LimiterStep {
  const problem: ConfigProblem | undefined =
    unitsProblem(n, meter) ??
    (Number.isFinite(now)
      ? undefined
      : { kind: 'value', path: 'now', received: now, expected: 'a finite number of ms' });
  if (problem !== undefined) throw configError('rate limiter take arguments', [problem]);
  const owed = debtAt(state, now, meter);
  const cost = n * meter.unit;
  if (owed + cost <= meter.max) {
    const debt = owed + cost;
    return {
      decision: {
        allowed: true,
        remaining: wholeUnits(meter.max - debt, meter.unit),
        retryAfterMs: 0,
      },
      state: { at: state === undefined ? now : Math.max(state.at, now), debt },
    };
  }
  const kept = state ?? { at: now, debt: 0 };
  return {
    decision: {
      allowed: false,
      remaining: wholeUnits(meter.max - owed, meter.unit),
      retryAfterMs: waitMs(kept, cost, now, meter),
    },
    state: kept,
  };
}

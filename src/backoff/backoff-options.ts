import { configError, type ConfigProblem } from '../config/config-problem.js';
import { systemRandom, type RandomSource } from '../runtime/random.js';
import { MAX_DELAY_MS } from '../runtime/timers.js';
import { createBackoff, type Backoff, type BackoffCurve, type Jitter } from './backoff.js';
import { JITTERS } from './jitter.js';

/** Backoff delays are capped where one timer can still hold them (see runtime/timers). */
export { MAX_DELAY_MS };

/** What every backoff factory accepts besides its curve. */
export interface JitterOptions<J extends Jitter = Exclude<Jitter, 'decorrelated'>> {
  /** How each delay is randomised; see {@link Jitter}. */
  readonly jitter?: J | undefined;
  /** Draws the jitter; the sequence is deterministic given it. Default: `systemRandom`. */
  readonly random?: RandomSource | undefined;
}

/**
 * `value` when it is a number in [`min`, `max`], `fallback` when it is `undefined`; otherwise
 * records a problem at `path` and returns `fallback`. Options are checked by hand: zod must stay
 * out of the resilience import graph (SPEC §1).
 *
 * @internal
 */
export function checkNumber(
  problems: ConfigProblem[],
  path: string,
  value: unknown,
  fallback: number,
  min = 0,
  max = MAX_DELAY_MS,
): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && value >= min && value <= max) return value;
  problems.push({
    kind: typeof value === 'number' ? 'range' : 'value',
    path,
    received: value,
    expected: `a number from ${min} to ${max}`,
  });
  return fallback;
}

/**
 * Checks `jitter` (one of `allowed`, default `allowed[0]`) and `random`, then throws every
 * problem found so far as one config FaultError, or returns the backoff along `curve`.
 *
 * @throws FaultError `invalid_config_value` (1201) or `range_error` (1203), per {@link configError}.
 * @internal
 */
export function buildBackoff(
  subject: string,
  problems: ConfigProblem[],
  options: JitterOptions<Jitter>,
  allowed: readonly Jitter[],
  curve: BackoffCurve,
): Backoff {
  const { jitter = allowed[0], random = systemRandom } = options;
  if (!allowed.includes(jitter as Jitter)) {
    const expected = `one of ${allowed.join(', ')}`;
    problems.push({ kind: 'value', path: 'jitter', received: jitter, expected });
  }
  if (typeof random !== 'function') {
    problems.push({ kind: 'value', path: 'random', received: random, expected: 'a function' });
  }
  if (problems.length > 0) throw configError(subject, problems);
  return createBackoff(JITTERS[jitter as Jitter], curve, random);
}

import type { NumberRule, OptionChecks } from '../policy/option-checks.js';
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

/** The rule every delay option follows: a number of ms one timer can hold. @internal */
export const DELAY_RULE: NumberRule = { min: 0, max: MAX_DELAY_MS };

/**
 * Checks `jitter` (one of `allowed`, default `allowed[0]`) and `random`, then throws every
 * problem `checks` holds as one config FaultError, or returns the backoff along `curve`.
 *
 * @throws FaultError `invalid_config_value` (1201) or `range_error` (1203), per {@link OptionChecks.done}.
 * @internal
 */
export function buildBackoff(
  checks: OptionChecks,
  options: JitterOptions<Jitter>,
  allowed: readonly Jitter[],
  curve: BackoffCurve,
): Backoff {
  const { jitter = allowed[0] as Jitter, random = systemRandom } = options;
  checks.oneOf('jitter', jitter, allowed).fn('random', random).done();
  return createBackoff(JITTERS[jitter], curve, random);
}

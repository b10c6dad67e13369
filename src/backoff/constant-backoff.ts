import { checkOptions } from '../policy/option-checks.js';
import type { Backoff } from './backoff.js';
import { buildBackoff, DELAY_RULE, type JitterOptions } from './backoff-options.js';

/** Options of {@link constantBackoff}: the jitter (default `'none'`) and its random source. */
export type ConstantBackoffOptions = JitterOptions;

/**
 * The same delay before every retry, optionally jittered (`'full'`: uniform in [0, ms];
 * `'equal'`: in [ms/2, ms]) so that clients failing together do not retry together.
 *
 * @param ms - the delay, in ms, from 0 to `MAX_DELAY_MS` (2³¹ − 1).
 * @throws FaultError `range_error` (1203) or `invalid_config_value` (1201) for invalid options.
 * @example
 * retry({ attempts: 3, backoff: constantBackoff(500) }); // waits 500 ms, then 500 ms
 * constantBackoff(1000, { jitter: 'equal' }); // each delay in [500, 1000] ms
 */
export function constantBackoff(ms: number, options: ConstantBackoffOptions = {}): Backoff {
  const checks = checkOptions('constantBackoff options').number('ms', ms, DELAY_RULE);
  const curve = { initialMs: ms, factor: 1, stepMs: 0, maxMs: ms };
  return buildBackoff(checks, options, ['none', 'full', 'equal'], curve);
}

import { checkOptions } from '../policy/option-checks.js';
import type { Backoff } from './backoff.js';
import { buildBackoff, DELAY_RULE, type JitterOptions } from './backoff-options.js';

/** Options of {@link linearBackoff}. Every field is optional. */
export interface LinearBackoffOptions extends JitterOptions {
  /** The first delay, in ms. Default 1000. */
  readonly initialMs?: number | undefined;
  /** Added to each following delay, in ms. Default: `initialMs` (1 s, 2 s, 3 s, …). */
  readonly stepMs?: number | undefined;
  /** No delay exceeds this, the first included, in ms. Default: 30 000 (or `initialMs` if larger). */
  readonly maxMs?: number | undefined;
  // `jitter` (default `'none'`) and `random` (default `systemRandom`): see JitterOptions.
}

/**
 * Delays that grow by a fixed step: `initialMs`, `initialMs + stepMs`, `initialMs + 2 × stepMs`,
 * …, capped at `maxMs`. Optionally jittered (`'full'` or `'equal'`, applied to each delay).
 *
 * @throws FaultError `range_error` (1203) or `invalid_config_value` (1201) for invalid options.
 * @example
 * linearBackoff(); // 1000, 2000, 3000, … 30 000, 30 000, … ms
 * linearBackoff({ initialMs: 200, stepMs: 300, maxMs: 1000 }); // 200, 500, 800, 1000, 1000, …
 */
export function linearBackoff(options: LinearBackoffOptions = {}): Backoff {
  const checks = checkOptions('linearBackoff options')
    .number('initialMs', options.initialMs, DELAY_RULE)
    .number('stepMs', options.stepMs, DELAY_RULE)
    .number('maxMs', options.maxMs, DELAY_RULE);
  const { initialMs = 1000, stepMs = initialMs, maxMs = Math.max(30_000, initialMs) } = options;
  return buildBackoff(checks, options, ['none', 'full', 'equal'], {
    initialMs,
    factor: 1,
    stepMs,
    maxMs,
  });
}

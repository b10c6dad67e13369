import { checkOptions } from '../policy/option-checks.js';
import type { Backoff, Jitter } from './backoff.js';
import { buildBackoff, DELAY_RULE, type JitterOptions } from './backoff-options.js';

/** Options of {@link exponentialBackoff}. Every field is optional. */
export interface ExponentialBackoffOptions extends JitterOptions<Jitter> {
  /** The first (un-jittered) delay, in ms. Default 100. */
  readonly initialMs?: number | undefined;
  /** Each delay is the previous one times this, from 1 to 1000. Default 2. */
  readonly factor?: number | undefined;
  /** No delay exceeds this, the first included, in ms. Default: 30 000 (or `initialMs` if larger). */
  readonly maxMs?: number | undefined;
  // `jitter` (default `'full'`) and `random` (default `systemRandom`): see JitterOptions.
}

/**
 * Delays that grow geometrically, `initialMs × factorⁿ` capped at `maxMs`, randomised by
 * `jitter` (default `'full'`: uniform in [0, d], the AWS recommendation, so that clients that
 * failed together spread out). `'decorrelated'` draws each delay from [`initialMs`, 3 × the
 * previous one] instead and ignores `factor`.
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * @throws FaultError `range_error` (1203) or `invalid_config_value` (1201) for invalid options.
 * @example
 * retry({ attempts: 5, backoff: exponentialBackoff() }); // ≤ 100, ≤ 200, ≤ 400, ≤ 800 ms
 * exponentialBackoff({ initialMs: 50, factor: 3, maxMs: 1000, jitter: 'none' }); // 50, 150, 450, 1000, …
 * exponentialBackoff({ jitter: 'decorrelated', random: seededRandom }); // reproducible delays
 */
export function exponentialBackoff(options: ExponentialBackoffOptions = {}): Backoff {
  const checks = checkOptions('exponentialBackoff options')
    .number('initialMs', options.initialMs, DELAY_RULE)
    .number('factor', options.factor, { min: 1, max: 1000 })
    .number('maxMs', options.maxMs, DELAY_RULE);
  const { initialMs = 100, factor = 2, maxMs = Math.max(30_000, initialMs) } = options;
  return buildBackoff(checks, options, ['full', 'none', 'equal', 'decorrelated'], {
    initialMs,
    factor,
    stepMs: 0,
    maxMs,
  });
}

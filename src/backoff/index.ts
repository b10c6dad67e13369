/**
 * Backoff: the delays a retry waits (SPEC §3). Each backoff is an immutable, iterable value;
 * jitter modes are pure functions, deterministic given a random source.
 *
 * @module
 */
export {
  BACKOFF_START,
  createBackoff,
  type Backoff,
  type BackoffCurve,
  type Jitter,
  type JitterFunction,
} from './backoff.js';
export { constantBackoff, type ConstantBackoffOptions } from './constant-backoff.js';
export { linearBackoff, type LinearBackoffOptions } from './linear-backoff.js';
export { exponentialBackoff, type ExponentialBackoffOptions } from './exponential-backoff.js';
export { JITTERS, decorrelatedJitter, equalJitter, fullJitter, noJitter } from './jitter.js';
export { MAX_DELAY_MS, type JitterOptions } from './backoff-options.js';

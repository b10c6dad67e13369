import type { BackoffCurve, Jitter, JitterFunction } from './backoff.js';

/** The un-randomised delay after `previous` (negative before the first), capped at `maxMs`. */
function grow(previous: number, curve: BackoffCurve): number {
  return Math.min(
    curve.maxMs,
    previous < 0 ? curve.initialMs : previous * curve.factor + curve.stepMs,
  );
}

/**
 * No jitter: the curve itself. The state is the previous delay.
 *
 * @example
 * noJitter(-1, { initialMs: 100, factor: 2, stepMs: 0, maxMs: 1000 }, Math.random); // [100, 100]
 */
export const noJitter: JitterFunction = (state, curve) => {
  const delay = grow(state, curve);
  return [delay, delay];
};

/**
 * Full jitter: uniform in [0, d] where d is the curve's delay; the state is d.
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * @example
 * fullJitter(100, { initialMs: 100, factor: 2, stepMs: 0, maxMs: 1000 }, () => 0.5); // [100, 200]
 */
export const fullJitter: JitterFunction = (state, curve, random) => {
  const delay = grow(state, curve);
  return [random() * delay, delay];
};

/**
 * Equal jitter: d/2 + uniform in [0, d/2] where d is the curve's delay; the state is d.
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * @example
 * equalJitter(100, { initialMs: 100, factor: 2, stepMs: 0, maxMs: 1000 }, () => 0.5); // [150, 200]
 */
export const equalJitter: JitterFunction = (state, curve, random) => {
  const delay = grow(state, curve);
  // d − x rather than d/2 + x: rounding can then never push the delay above d.
  return [delay - (random() * delay) / 2, delay];
};

/**
 * Decorrelated jitter: min(`maxMs`, uniform in [`initialMs`, 3 × the previous delay]), the
 * previous delay being `initialMs` before the first step; the state is the delay itself. It
 * spreads retries widest; `factor` and `stepMs` play no part.
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * @example
 * decorrelatedJitter(-1, { initialMs: 100, factor: 2, stepMs: 0, maxMs: 1000 }, () => 0.5); // [200, 200]
 */
export const decorrelatedJitter: JitterFunction = (state, curve, random) => {
  const { initialMs } = curve;
  const previous = state < initialMs ? initialMs : state;
  const delay = Math.min(curve.maxMs, initialMs + random() * (3 * previous - initialMs));
  return [delay, delay];
};

/** Each {@link Jitter} mode's function. */
export const JITTERS: Readonly<Record<Jitter, JitterFunction>> = {
  none: noJitter,
  full: fullJitter,
  equal: equalJitter,
  decorrelated: decorrelatedJitter,
};

/**
 * The one place that reads `Math.random` (STYLE §2 item 5): jitter and sampling take a
 * {@link RandomSource} so tests can make them deterministic.
 *
 * @module
 */

/** Returns a number uniformly distributed in [0, 1), like `Math.random`. */
export type RandomSource = () => number;

/** `Math.random`: fine for jitter and sampling, not for secrets. */
export const systemRandom: RandomSource = () => Math.random();

import fc from 'fast-check';
import type { RandomSource } from '../../../src/runtime/random.js';

/** The first `count` values of an (endless) iterable. */
export function take(iterable: Iterable<number>, count: number): number[] {
  const out: number[] = [];
  if (count <= 0) return out;
  for (const value of iterable) {
    out.push(value);
    if (out.length === count) break;
  }
  return out;
}

/** A random source that replays `draws` in a loop: deterministic jitter for a test. */
export function replay(draws: readonly number[]): RandomSource {
  let index = 0;
  return () => draws[index++ % draws.length] ?? 0;
}

/** Draws in [0, 1), as `Math.random` gives them, edge values included. */
export const draws = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
  minLength: 1,
  maxLength: 20,
});

/** Delays in ms: 0, or 1 µs to about 3 hours (no subnormal floats, whose halves round). */
export const milliseconds = fc.oneof(
  fc.constant(0),
  fc.double({ min: 1e-3, max: 1e7, noNaN: true }),
);

/** What `run` throws (the test fails when it returns). */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

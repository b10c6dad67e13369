import type { RandomSource } from '../runtime/random.js';

/**
 * A delay sequence as an immutable value (STYLE §2 item 6). A fresh backoff stands before the
 * first retry (`delayMs` 0); `next()` returns the step after it and never changes this one, so
 * one backoff can be shared by every call of a policy and each call walks its own sequence.
 *
 * Iterating (`for (const ms of backoff)`) yields the delays that follow this step, endlessly:
 * the caller decides when to stop. Each iteration draws its own jitter.
 *
 * @example
 * let step = exponentialBackoff({ jitter: 'none' }); // 100, 200, 400, … ms
 * step = step.next(); // after the first failure
 * await sleep(step.delayMs); // 100
 */
export interface Backoff extends Iterable<number> {
  /** How long to wait before the attempt this step precedes, in ms; 0 for a fresh backoff. */
  readonly delayMs: number;
  /** The next step: the delay before the next retry. */
  next(): Backoff;
}

/**
 * How a delay is randomised (AWS "Exponential Backoff And Jitter"): `none` keeps it, `full`
 * draws it from [0, d], `equal` from [d/2, d], `decorrelated` from [initialMs, 3 × the
 * previous delay] (capped at `maxMs`; it ignores `factor` and `stepMs`).
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export type Jitter = 'none' | 'full' | 'equal' | 'decorrelated';

/**
 * The un-randomised growth of a sequence: d₁ = `initialMs`, dₙ₊₁ = min(`maxMs`, dₙ × `factor` +
 * `stepMs`). Constant, linear and exponential backoffs are the three special cases.
 */
export interface BackoffCurve {
  /** The first delay, in ms. */
  readonly initialMs: number;
  /** Multiplies the previous delay (1 for constant and linear). */
  readonly factor: number;
  /** Added to the previous delay, in ms (0 for constant and exponential). */
  readonly stepMs: number;
  /** No delay exceeds this, in ms. */
  readonly maxMs: number;
}

/**
 * One jitter mode as a pure function: from the state left by the previous step (a number,
 * {@link BACKOFF_START} before the first) to this step's delay in ms and the state it leaves.
 */
export type JitterFunction = (
  state: number,
  curve: BackoffCurve,
  random: RandomSource,
) => readonly [delayMs: number, state: number];

/** The state of a sequence before its first step. */
export const BACKOFF_START = -1;

/**
 * A fresh {@link Backoff} that steps with `jitter` along `curve`, drawing from `random`. The
 * building block of the constant, linear and exponential backoffs; use it for custom jitter.
 *
 * @example
 * const b = createBackoff(noJitter, { initialMs: 50, factor: 3, stepMs: 0, maxMs: 1000 }, Math.random);
 * [...take(b, 4)]; // 50, 150, 450, 1000
 */
export function createBackoff(
  jitter: JitterFunction,
  curve: BackoffCurve,
  random: RandomSource,
): Backoff {
  const step = (state: number, delayMs: number): Backoff => ({
    delayMs,
    next() {
      const [delay, after] = jitter(state, curve, random);
      return step(after, delay);
    },
    *[Symbol.iterator]() {
      // Walks the states directly: no Backoff object per yielded delay.
      for (let s = state; ;) {
        const [delay, after] = jitter(s, curve, random);
        s = after;
        yield delay;
      }
    },
  });
  return step(BACKOFF_START, 0);
}

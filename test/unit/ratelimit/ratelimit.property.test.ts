import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isIdleState,
  limiterStep,
  rateLimiter,
  resolveLimiterAlgorithm,
  type LimiterState,
  type ResolvedLimiterAlgorithm,
} from '../../../src/ratelimit/index.js';
import { manualTime } from '../../support/manual-time.js';

const algorithms: fc.Arbitrary<ResolvedLimiterAlgorithm> = fc.oneof(
  fc.record({
    algorithm: fc.constant('token_bucket' as const),
    capacity: fc.integer({ min: 1, max: 20 }),
    // Rates that are not binary fractions (0.3, 1/3, 7.7) exercise floating-point rounding.
    refillPerSecond: fc.oneof(
      fc.constantFrom(0.3, 1 / 3, 0.5, 1, 3, 7.7, 250),
      fc.double({ min: 0.01, max: 100, noNaN: true }),
    ),
  }),
  fc
    .record({
      algorithm: fc.constant('gcra' as const),
      limit: fc.integer({ min: 1, max: 50 }),
      periodMs: fc.integer({ min: 1, max: 5000 }),
      burst: fc.integer({ min: 1, max: 10 }),
    })
    .map((a) => resolveLimiterAlgorithm(a)),
);

/** The algorithm's guarantee: at most `maxUnits` plus what `elapsedMs` refills. */
function bound(algorithm: ResolvedLimiterAlgorithm, elapsedMs: number): number {
  return algorithm.algorithm === 'gcra'
    ? algorithm.burst + (elapsedMs * algorithm.limit) / algorithm.periodMs
    : algorithm.capacity + (elapsedMs * algorithm.refillPerSecond) / 1000;
}

const maxUnits = (a: ResolvedLimiterAlgorithm): number =>
  a.algorithm === 'gcra' ? a.burst : a.capacity;

/** Random sequences of (advance ms, take n): n scaled into 1..maxUnits. */
const scenarios = algorithms.chain((algorithm) =>
  fc.tuple(
    fc.constant(algorithm),
    fc.array(
      fc.record({
        advance: fc.oneof(
          fc.constant(0),
          fc.integer({ min: 0, max: 50 }),
          fc.integer({ min: 0, max: 20_000 }),
        ),
        n: fc.integer({ min: 1, max: maxUnits(algorithm) }),
        key: fc.constantFrom('a', 'b'),
      }),
      { maxLength: 80 },
    ),
  ),
);

// Admitted units are whole and the bound is real: the slack only absorbs float rounding.
const SLACK = 1e-6;

describe('rate limit algorithms (properties)', () => {
  it('never admit more units over any window than the algorithm allows', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async ([algorithm, ops]) => {
        const time = manualTime();
        const limiter = rateLimiter({ ...algorithm, clock: time.clock });
        const admitted: Record<string, { at: number; n: number }[]> = { a: [], b: [] };
        for (const { advance, n, key } of ops) {
          time.advance(advance);
          const decision = await limiter.take(key, n);
          expect(Number.isInteger(decision.remaining) && decision.remaining >= 0).toBe(true);
          expect(Number.isInteger(decision.retryAfterMs)).toBe(true);
          expect(decision.retryAfterMs === 0).toBe(decision.allowed);
          if (decision.allowed) admitted[key]?.push({ at: time.elapsed, n });
        }
        for (const takes of Object.values(admitted)) {
          for (let i = 0; i < takes.length; i += 1) {
            let units = 0;
            for (let j = i; j < takes.length; j += 1) {
              const first = takes[i];
              const last = takes[j];
              if (first === undefined || last === undefined) continue;
              units += last.n;
              expect(units).toBeLessThanOrEqual(bound(algorithm, last.at - first.at) + SLACK);
            }
          }
        }
      }),
    );
  });

  it('keep state as finite numbers and make retryAfterMs exact to the ms', () => {
    fc.assert(
      fc.property(scenarios, fc.integer({ min: 0, max: 1e9 }), ([algorithm, ops], start) => {
        let state: LimiterState | undefined;
        let now = start + 0.25; // a fractional clock, like performance.now()
        for (const { advance, n } of ops) {
          now += advance;
          const step = limiterStep(state, n, now, algorithm);
          expect(Number.isFinite(step.state.at) && Number.isFinite(step.state.debt)).toBe(true);
          expect(step.state.debt).toBeGreaterThanOrEqual(0);
          expect(JSON.parse(JSON.stringify(step.state))).toEqual(step.state);
          const wait = step.decision.retryAfterMs;
          if (!step.decision.allowed) {
            expect(limiterStep(state, n, now + wait - 1, algorithm).decision.allowed).toBe(false);
            expect(limiterStep(state, n, now + wait, algorithm).decision.allowed).toBe(true);
          }
          state = step.state;
        }
      }),
    );
  });

  it('decide for an idle state exactly as for a new key', () => {
    fc.assert(
      fc.property(scenarios, fc.integer({ min: 0, max: 100_000 }), ([algorithm, ops], later) => {
        let state: LimiterState | undefined;
        let now = 0;
        for (const { advance, n } of ops) {
          now += advance;
          if (state !== undefined && isIdleState(state, now, algorithm)) {
            const t = now + later;
            expect(limiterStep(state, n, t, algorithm).decision).toEqual(
              limiterStep(undefined, n, t, algorithm).decision,
            );
          }
          state = limiterStep(state, n, now, algorithm).state;
        }
      }),
    );
  });
});

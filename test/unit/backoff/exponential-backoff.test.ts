import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exponentialBackoff, MAX_DELAY_MS, type Jitter } from '../../../src/backoff/index.js';
import { isFaultError } from '../../../src/errors/is-fault-error.js';
import { draws, replay, take, thrownBy } from './sequence.js';

const options = fc.record({
  initialMs: fc.double({ min: 0.001, max: 10_000, noNaN: true }),
  factor: fc.double({ min: 1, max: 10, noNaN: true }),
  extraMs: fc.double({ min: 0, max: 1e6, noNaN: true }),
});

describe('exponentialBackoff()', () => {
  it('defaults to 100 ms doubling up to 30 s, with full jitter', () => {
    const none = take(exponentialBackoff({ jitter: 'none' }), 12);
    expect(none).toEqual([
      100, 200, 400, 800, 1600, 3200, 6400, 12_800, 25_600, 30_000, 30_000, 30_000,
    ]);
    const full = take(exponentialBackoff({ random: () => 0.5 }), 4);
    expect(full).toEqual([50, 100, 200, 400]);
  });

  it('waits no time at all with initialMs 0, whatever the jitter', () => {
    for (const jitter of ['none', 'full', 'equal', 'decorrelated'] as const)
      expect(take(exponentialBackoff({ initialMs: 0, jitter }), 5)).toEqual([0, 0, 0, 0, 0]);
  });

  it('multiplies by factor up to maxMs', () => {
    const backoff = exponentialBackoff({ initialMs: 50, factor: 3, maxMs: 1000, jitter: 'none' });
    expect(take(backoff, 6)).toEqual([50, 150, 450, 1000, 1000, 1000]);
  });

  it('stays finite and capped however long the sequence runs', () => {
    const backoff = exponentialBackoff({
      initialMs: 1,
      factor: 1000,
      maxMs: MAX_DELAY_MS,
      jitter: 'none',
    });
    expect(take(backoff, 2000).every((d) => d <= MAX_DELAY_MS)).toBe(true);
  });

  it('keeps full jitter in [0, d] and equal jitter in [d/2, d] around the un-jittered delay', () => {
    fc.assert(
      fc.property(options, draws, ({ extraMs, ...o }, random) => {
        const maxMs = o.initialMs + extraMs;
        const exact = take(exponentialBackoff({ ...o, maxMs, jitter: 'none' }), 25);
        const full = take(
          exponentialBackoff({ ...o, maxMs, jitter: 'full', random: replay(random) }),
          25,
        );
        const equal = take(
          exponentialBackoff({ ...o, maxMs, jitter: 'equal', random: replay(random) }),
          25,
        );
        exact.forEach((d, i) => {
          expect(d).toBeLessThanOrEqual(maxMs);
          expect(full[i]).toBeGreaterThanOrEqual(0);
          expect(full[i]).toBeLessThanOrEqual(d);
          expect(equal[i]).toBeGreaterThanOrEqual(d / 2);
          expect(equal[i]).toBeLessThanOrEqual(d);
        });
      }),
    );
  });

  it('keeps decorrelated jitter in [initialMs, min(maxMs, 3 × previous)]', () => {
    fc.assert(
      fc.property(options, draws, ({ extraMs, initialMs, factor }, random) => {
        const maxMs = initialMs + extraMs;
        const delays = take(
          exponentialBackoff({
            initialMs,
            factor,
            maxMs,
            jitter: 'decorrelated',
            random: replay(random),
          }),
          25,
        );
        let previous = initialMs;
        for (const d of delays) {
          expect(d).toBeGreaterThanOrEqual(Math.min(initialMs, maxMs));
          expect(d).toBeLessThanOrEqual(Math.min(maxMs, 3 * previous));
          previous = d;
        }
      }),
    );
  });

  it('draws decorrelated delays as the AWS formula does', () => {
    const backoff = exponentialBackoff({
      initialMs: 100,
      maxMs: 1000,
      jitter: 'decorrelated',
      random: replay([0.5, 1 - 2 ** -53, 0]),
    });
    // min(1000, 100 + r × (3 × prev − 100)), prev starting at initialMs.
    expect(take(backoff, 4).map(Math.round)).toEqual([200, 600, 100, 200]);
  });

  it('gives the same sequence for the same random draws', () => {
    fc.assert(
      fc.property(
        draws,
        fc.constantFrom<Jitter>('none', 'full', 'equal', 'decorrelated'),
        (random, jitter) => {
          const a = take(exponentialBackoff({ jitter, random: replay(random) }), 15);
          expect(take(exponentialBackoff({ jitter, random: replay(random) }), 15)).toEqual(a);
        },
      ),
    );
  });

  it.each<[object, string, string]>([
    [{ initialMs: -1 }, 'initialMs', 'range_error'],
    [{ factor: 0.5 }, 'factor', 'range_error'],
    [{ factor: Infinity }, 'factor', 'range_error'],
    [{ factor: Number.NaN }, 'factor', 'range_error'],
    [{ maxMs: MAX_DELAY_MS * 2 }, 'maxMs', 'range_error'],
    [{ maxMs: -1 }, 'maxMs', 'range_error'],
    [{ jitter: 'random' }, 'jitter', 'invalid_config_value'],
    [{ factor: null }, 'factor', 'invalid_config_value'],
  ])('refuses %j (%s) with a %s FaultError', (input, path, type) => {
    const thrown = thrownBy(() => exponentialBackoff(input as never));
    expect(isFaultError(thrown) && thrown.type).toBe(type);
    expect(isFaultError(thrown) && thrown.context['problems']).toMatchObject([{ path }]);
  });
});

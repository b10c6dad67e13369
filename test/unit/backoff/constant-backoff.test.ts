import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantBackoff, MAX_DELAY_MS } from '../../../src/backoff/index.js';
import { isFaultError } from '../../../src/errors/is-fault-error.js';
import { draws, milliseconds, replay, take, thrownBy } from './sequence.js';

describe('constantBackoff()', () => {
  it('waits the same delay before every retry', () => {
    expect(take(constantBackoff(250), 5)).toEqual([250, 250, 250, 250, 250]);
    expect(take(constantBackoff(0), 3)).toEqual([0, 0, 0]);
    expect(constantBackoff(250).delayMs).toBe(0);
  });

  it('keeps full and equal jitter within [0, ms] and [ms/2, ms]', () => {
    fc.assert(
      fc.property(milliseconds, draws, (ms, random) => {
        for (const d of take(constantBackoff(ms, { jitter: 'full', random: replay(random) }), 20))
          expect(d >= 0 && d <= ms).toBe(true);
        for (const d of take(constantBackoff(ms, { jitter: 'equal', random: replay(random) }), 20))
          expect(d >= ms / 2 && d <= ms).toBe(true);
      }),
    );
  });

  it('is deterministic given its random source', () => {
    const a = take(constantBackoff(100, { jitter: 'full', random: replay([0.1, 0.9]) }), 4);
    expect(a).toEqual([10, 90, 10, 90]);
  });

  it.each([
    [-1, 'range_error'],
    [MAX_DELAY_MS + 1, 'range_error'],
    [Infinity, 'range_error'],
    [Number.NaN, 'range_error'],
    ['100', 'invalid_config_value'],
  ])('refuses a delay of %s with a %s FaultError', (ms, type) => {
    const thrown = thrownBy(() => constantBackoff(ms as number));
    expect(isFaultError(thrown) && thrown.type).toBe(type);
    expect(isFaultError(thrown) && thrown.context).toMatchObject({
      problems: [{ path: 'ms', expected: `a number from 0 to ${MAX_DELAY_MS}` }],
    });
  });

  it('refuses decorrelated jitter, which needs a growing curve', () => {
    const thrown = thrownBy(() =>
      constantBackoff(100, { jitter: 'decorrelated' as 'full', random: Math.random }),
    );
    expect(isFaultError(thrown) && thrown.message).toContain(
      'jitter: expected one of "none", "full", "equal", received "decorrelated"',
    );
  });
});

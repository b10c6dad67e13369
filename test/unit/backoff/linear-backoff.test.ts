import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearBackoff } from '../../../src/backoff/index.js';
import { isFaultError } from '../../../src/errors/is-fault-error.js';
import { draws, replay, take, thrownBy } from './sequence.js';

describe('linearBackoff()', () => {
  it('grows by initialMs by default: 1 s, 2 s, 3 s, … capped at 30 s', () => {
    const delays = take(linearBackoff(), 32);
    expect(delays.slice(0, 4)).toEqual([1000, 2000, 3000, 4000]);
    expect(delays.slice(28)).toEqual([29_000, 30_000, 30_000, 30_000]);
  });

  it('adds stepMs to each delay up to maxMs', () => {
    const backoff = linearBackoff({ initialMs: 200, stepMs: 300, maxMs: 1000 });
    expect(take(backoff, 6)).toEqual([200, 500, 800, 1000, 1000, 1000]);
  });

  it('starts at 0 when told to', () => {
    expect(take(linearBackoff({ initialMs: 0, stepMs: 50 }), 4)).toEqual([0, 50, 100, 150]);
  });

  it('never exceeds maxMs, with or without jitter', () => {
    const options = fc.record({
      initialMs: fc.integer({ min: 0, max: 10_000 }),
      stepMs: fc.integer({ min: 0, max: 10_000 }),
      extraMs: fc.integer({ min: 0, max: 100_000 }),
      jitter: fc.constantFrom('none' as const, 'full' as const, 'equal' as const),
    });
    fc.assert(
      fc.property(options, draws, ({ extraMs, ...o }, random) => {
        const maxMs = o.initialMs + extraMs;
        const backoff = linearBackoff({ ...o, maxMs, random: replay(random) });
        for (const d of take(backoff, 30)) expect(d >= 0 && d <= maxMs).toBe(true);
      }),
    );
  });

  it('caps the first delay too when maxMs is below initialMs', () => {
    expect(take(linearBackoff({ initialMs: 500, maxMs: 100 }), 3)).toEqual([100, 100, 100]);
  });

  it('lists every invalid option in one FaultError', () => {
    const thrown = thrownBy(() =>
      linearBackoff({ initialMs: -5, stepMs: 'x' as unknown as number, random: 3 as never }),
    );
    expect(isFaultError(thrown) && thrown.type).toBe('invalid_config_value');
    expect(isFaultError(thrown) && thrown.context['problems']).toEqual([
      { kind: 'range', path: 'initialMs', received: -5, expected: 'a number from 0 to 2147483647' },
      { kind: 'value', path: 'stepMs', received: 'x', expected: 'a number from 0 to 2147483647' },
      { kind: 'value', path: 'random', received: 3, expected: 'a function' },
    ]);
  });
});

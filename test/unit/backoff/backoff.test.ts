import { describe, expect, it } from 'vitest';
import { createBackoff, noJitter, fullJitter } from '../../../src/backoff/index.js';
import { replay, take } from './sequence.js';

const curve = { initialMs: 10, factor: 2, stepMs: 0, maxMs: 100 };

describe('createBackoff()', () => {
  it('starts before the first retry, with no delay', () => {
    expect(createBackoff(noJitter, curve, Math.random).delayMs).toBe(0);
  });

  it('steps without changing the step it came from', () => {
    const start = createBackoff(noJitter, curve, Math.random);
    const first = start.next();
    const second = first.next();
    expect([start.delayMs, first.delayMs, second.delayMs]).toEqual([0, 10, 20]);
    expect(start.next().delayMs).toBe(10);
    expect(first.next().delayMs).toBe(20);
  });

  it('yields an endless sequence, capped, from the step after this one', () => {
    const start = createBackoff(noJitter, curve, Math.random);
    expect(take(start, 7)).toEqual([10, 20, 40, 80, 100, 100, 100]);
    expect(take(start.next().next(), 3)).toEqual([40, 80, 100]);
    expect(take(start, 10_000)).toHaveLength(10_000);
  });

  it('yields a fresh sequence on every iteration', () => {
    const start = createBackoff(noJitter, curve, Math.random);
    const firstPass = take(start, 5);
    expect(take(start, 5)).toEqual(firstPass);
    const iterator = start[Symbol.iterator]();
    iterator.next();
    expect(take(start, 2)).toEqual([10, 20]);
  });

  it('draws fresh jitter for each walk, in order, from the random source', () => {
    const start = createBackoff(fullJitter, curve, replay([0.5, 0.25, 0.1]));
    expect(take(start, 3)).toEqual([5, 5, 4]);
    expect(start.next().delayMs).toBe(5);
    expect(start.next().delayMs).toBe(2.5);
  });
});

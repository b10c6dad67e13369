import { describe, expect, it } from 'vitest';
import { isFaultError } from '../../../src/errors/is-fault-error.js';
import {
  limiterStep,
  rateLimiter,
  type LimiterState,
  type LimiterStore,
} from '../../../src/ratelimit/index.js';
import { manualTime } from '../../support/manual-time.js';

const BUCKET = { algorithm: 'token_bucket', capacity: 5, refillPerSecond: 1 } as const;

/** A store that awaits around every step, as a remote one would; it serialises per key. */
function asyncMapStore(): LimiterStore & { states: Map<string, LimiterState> } {
  const states = new Map<string, LimiterState>();
  return {
    states,
    async take(key, n, now, algorithm) {
      await Promise.resolve();
      const { decision, state } = limiterStep(states.get(key), n, now, algorithm);
      states.set(key, state);
      return decision;
    },
    async peek(key, n, now, algorithm) {
      await Promise.resolve();
      return limiterStep(states.get(key), n, now, algorithm).decision;
    },
    async reset(key) {
      states.delete(key);
    },
  };
}

describe('rateLimiter()', () => {
  it("takes one unit from the 'default' key unless told otherwise", async () => {
    const time = manualTime();
    const limiter = rateLimiter({ ...BUCKET, clock: time.clock });
    await limiter.take();
    expect((await limiter.peek('default')).remaining).toBe(3);
    expect((await limiter.peek()).remaining).toBe(3);
  });

  it('keeps keys independent', async () => {
    const time = manualTime();
    const limiter = rateLimiter({ ...BUCKET, clock: time.clock });
    expect((await limiter.take('alice', 5)).allowed).toBe(true);
    expect((await limiter.take('alice')).allowed).toBe(false);
    expect(await limiter.take('bob')).toEqual({ allowed: true, remaining: 4, retryAfterMs: 0 });
  });

  it('never over-admits under many concurrent takes', async () => {
    const time = manualTime();
    const limiter = rateLimiter({ ...BUCKET, clock: time.clock });
    const decisions = await Promise.all(Array.from({ length: 50 }, () => limiter.take('k')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.slice(0, 5).map((d) => d.remaining)).toEqual([4, 3, 2, 1, 0]);
    expect(decisions.slice(5).every((d) => !d.allowed && d.retryAfterMs === 1000)).toBe(true);
  });

  it('never over-admits under concurrent takes through an asynchronous store either', async () => {
    const time = manualTime();
    const limiter = rateLimiter({ ...BUCKET, clock: time.clock, store: asyncMapStore() });
    const decisions = await Promise.all(
      Array.from({ length: 50 }, (_, i) => limiter.take('k', 1 + (i % 2))),
    );
    const admitted = decisions.reduce((sum, d, i) => sum + (d.allowed ? 1 + (i % 2) : 0), 0);
    expect(admitted).toBeLessThanOrEqual(5);
  });

  it('peeks without taking', async () => {
    const time = manualTime();
    const limiter = rateLimiter({ ...BUCKET, clock: time.clock });
    await limiter.take('k', 4);
    for (let i = 0; i < 3; i += 1) {
      expect(await limiter.peek('k')).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    }
    expect(await limiter.peek('k', 2)).toEqual({
      allowed: false,
      remaining: 1,
      retryAfterMs: 1000,
    });
    expect((await limiter.take('k')).allowed).toBe(true);
  });

  it('forgets a key on reset, and only that key', async () => {
    const time = manualTime();
    const limiter = rateLimiter({ ...BUCKET, clock: time.clock });
    await limiter.take('a', 5);
    await limiter.take('b', 5);
    await limiter.reset('a');
    expect((await limiter.take('a', 5)).allowed).toBe(true);
    expect((await limiter.take('b')).allowed).toBe(false);
  });

  it('measures refill on the monotonic clock, not the wall clock', async () => {
    const time = manualTime();
    let wall = 0;
    const clock = { now: () => (wall -= 3_600_000), monotonic: () => time.clock.monotonic() };
    const limiter = rateLimiter({ ...BUCKET, clock });
    await limiter.take('k', 5);
    time.advance(1000);
    expect(await limiter.take('k')).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  it('runs any LimiterStore and decides exactly as the memory store does', async () => {
    const time = manualTime();
    const store = asyncMapStore();
    const shared = rateLimiter({ ...BUCKET, clock: time.clock, store });
    const local = rateLimiter({ ...BUCKET, clock: time.clock });
    for (const [advance, n] of [
      [0, 3],
      [0, 3],
      [250, 2],
      [1750, 2],
      [10, 5],
      [4000, 5],
    ] as const) {
      time.advance(advance);
      expect(await shared.take('k', n)).toEqual(await local.take('k', n));
    }
    expect(JSON.parse(JSON.stringify(store.states.get('k')))).toEqual(store.states.get('k'));
  });

  it('rejects a bad n or key with a FaultError listing path, received and expected', async () => {
    const limiter = rateLimiter(BUCKET);
    for (const n of [
      0,
      -1,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      6,
      '2' as unknown as number,
    ]) {
      const error: unknown = await limiter.take('k', n).catch((e: unknown) => e);
      expect(isFaultError(error), String(n)).toBe(true);
      expect(error).toMatchObject({
        type: 'invalid_config_value',
        code: 1201,
        context: {
          problems: [{ path: 'n', expected: 'a whole number from 1 to 5 (the capacity)' }],
        },
      });
    }
    await expect(limiter.peek(42 as unknown as string)).rejects.toMatchObject({
      code: 1201,
      context: { problems: [{ path: 'key', received: 42, expected: 'a string' }] },
    });
    await expect(limiter.reset(null as unknown as string)).rejects.toMatchObject({ code: 1201 });
  });

  it('turns a failing store into a FaultError', async () => {
    const failing: LimiterStore = {
      take: () => Promise.reject(new TypeError('Failed to fetch')),
      peek: () => {
        throw new Error('boom');
      },
      reset: () => Promise.reject(new TypeError('Failed to fetch')),
    };
    const limiter = rateLimiter({ ...BUCKET, store: failing });
    await expect(limiter.take()).rejects.toMatchObject({
      name: 'FaultError',
      type: 'network_error',
    });
    await expect(limiter.peek()).rejects.toMatchObject({ name: 'FaultError' });
    await expect(limiter.reset()).rejects.toMatchObject({
      name: 'FaultError',
      type: 'network_error',
    });
  });
});

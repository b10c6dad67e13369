import { describe, expect, it } from 'vitest';
import { rateLimiter, tokenBucketStep } from '../../../src/ratelimit/index.js';
import { manualTime } from '../../support/manual-time.js';

function bucket(capacity: number, refillPerSecond: number) {
  const time = manualTime();
  const limiter = rateLimiter({
    algorithm: 'token_bucket',
    capacity,
    refillPerSecond,
    clock: time.clock,
  });
  return { time, limiter };
}

describe("rateLimiter({ algorithm: 'token_bucket' })", () => {
  it('starts full and admits up to capacity at once, counting remaining down', async () => {
    const { limiter } = bucket(3, 1);
    expect(await limiter.take()).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
    expect(await limiter.take()).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
    expect(await limiter.take()).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    expect(await limiter.take()).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1000 });
  });

  it('refills continuously at refillPerSecond and never above capacity', async () => {
    const { time, limiter } = bucket(4, 2);
    await limiter.take('k', 4);
    time.advance(499);
    expect(await limiter.peek('k')).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1 });
    time.advance(1);
    // peek answers as take would: `remaining` counts what is left after the take.
    expect(await limiter.peek('k')).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    time.advance(1000);
    expect((await limiter.peek('k')).remaining).toBe(2);
    time.advance(60_000);
    expect(await limiter.take('k')).toEqual({ allowed: true, remaining: 3, retryAfterMs: 0 });
  });

  it('keeps partial refill between takes instead of rounding it away', async () => {
    const { time, limiter } = bucket(1, 3); // one token every 333⅓ ms
    await limiter.take();
    time.advance(200);
    expect(await limiter.take()).toMatchObject({ allowed: false, retryAfterMs: 134 });
    time.advance(133);
    expect((await limiter.take()).allowed).toBe(false);
    time.advance(1);
    expect(await limiter.take()).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  it('reports the exact wait: after retryAfterMs the take succeeds, one ms sooner it fails', async () => {
    for (const refillPerSecond of [1, 3, 7, 0.5, 0.3, 1500]) {
      const { time, limiter } = bucket(5, refillPerSecond);
      await limiter.take('k', 5);
      time.advance(1);
      const { allowed, retryAfterMs } = await limiter.peek('k', 2);
      expect(allowed, `rate ${refillPerSecond}`).toBe(false);
      expect(Number.isInteger(retryAfterMs)).toBe(true);
      time.advance(retryAfterMs - 1);
      expect((await limiter.take('k', 2)).allowed, `rate ${refillPerSecond}`).toBe(false);
      time.advance(1);
      expect((await limiter.take('k', 2)).allowed, `rate ${refillPerSecond}`).toBe(true);
    }
  });

  it('takes n units at once and, when refused, waits for all n to refill', async () => {
    const { time, limiter } = bucket(10, 4);
    expect(await limiter.take('k', 7)).toEqual({ allowed: true, remaining: 3, retryAfterMs: 0 });
    expect(await limiter.take('k', 5)).toEqual({ allowed: false, remaining: 3, retryAfterMs: 500 });
    time.advance(500);
    expect(await limiter.take('k', 5)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  it('accepts a whole-bucket take but never more than capacity', async () => {
    const { limiter } = bucket(2, 1);
    expect((await limiter.take('k', 2)).allowed).toBe(true);
    await expect(limiter.take('k', 3)).rejects.toMatchObject({
      name: 'FaultError',
      type: 'invalid_config_value',
      context: {
        problems: [{ path: 'n', received: 3, expected: expect.stringContaining('capacity') }],
      },
    });
  });
});

describe('tokenBucketStep()', () => {
  const options = { algorithm: 'token_bucket', capacity: 2, refillPerSecond: 1 } as const;

  it('treats a missing state as a full bucket', () => {
    expect(tokenBucketStep(undefined, 2, 0, options).decision).toEqual({
      allowed: true,
      remaining: 0,
      retryAfterMs: 0,
    });
  });

  it('returns the very same state when it refuses, and never mutates its input', () => {
    const { state } = tokenBucketStep(undefined, 2, 0, options);
    const copy = { ...state };
    const refused = tokenBucketStep(state, 1, 400, options);
    expect(refused.decision).toEqual({ allowed: false, remaining: 0, retryAfterMs: 600 });
    expect(refused.state).toBe(state);
    tokenBucketStep(state, 1, 5000, options);
    expect(state).toEqual(copy);
  });

  it('keeps a state of plain finite numbers that survives JSON', () => {
    const { state } = tokenBucketStep(undefined, 1, 123.456, options);
    const revived = JSON.parse(JSON.stringify(state)) as typeof state;
    expect(tokenBucketStep(revived, 1, 900, options)).toEqual(
      tokenBucketStep(state, 1, 900, options),
    );
  });

  it('refills nothing while the clock goes backwards', () => {
    const { state } = tokenBucketStep(undefined, 2, 10_000, options);
    expect(tokenBucketStep(state, 1, 5_000, options).decision).toMatchObject({ allowed: false });
    expect(tokenBucketStep(state, 1, 11_000, options).decision).toMatchObject({ allowed: true });
  });
});

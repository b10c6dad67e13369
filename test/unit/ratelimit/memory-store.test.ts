import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITER_MAX_KEYS,
  memoryLimiterStore,
  rateLimiter,
  resolveLimiterAlgorithm,
} from '../../../src/ratelimit/index.js';
import { manualTime } from '../../support/manual-time.js';

const BUCKET = { algorithm: 'token_bucket', capacity: 3, refillPerSecond: 1 } as const;

describe('memoryLimiterStore()', () => {
  it('holds 10 000 keys by default', () => {
    expect(memoryLimiterStore().maxKeys).toBe(DEFAULT_LIMITER_MAX_KEYS);
    expect(DEFAULT_LIMITER_MAX_KEYS).toBe(10_000);
  });

  it('forgets the least recently used key beyond maxKeys', async () => {
    const time = manualTime();
    const store = memoryLimiterStore({ maxKeys: 2 });
    const limiter = rateLimiter({ ...BUCKET, clock: time.clock, store });
    await limiter.take('a', 3);
    await limiter.take('b', 3);
    await limiter.take('a'); // refused, but a is now the most recently used
    await limiter.take('c', 3); // evicts b
    expect(store.size).toBe(2);
    expect((await limiter.take('a')).allowed).toBe(false);
    expect((await limiter.take('b', 3)).allowed).toBe(true); // a new, full bucket
  });

  it('drops keys that have fully recovered without being asked to', async () => {
    const time = manualTime();
    const store = memoryLimiterStore();
    const limiter = rateLimiter({ ...BUCKET, clock: time.clock, store });
    for (let i = 0; i < 100; i += 1) await limiter.take(`burst-${i}`);
    expect(store.size).toBe(100);
    time.advance(1000); // every one of them is full again
    for (let i = 0; i < 100; i += 1) {
      await limiter.take('steady');
      time.advance(1000);
    }
    expect(store.size).toBe(1);
  });

  it('keeps a key that still owes, however old', async () => {
    const time = manualTime();
    const store = memoryLimiterStore();
    const slow = { algorithm: 'token_bucket', capacity: 1, refillPerSecond: 0.001 } as const;
    const limiter = rateLimiter({ ...slow, clock: time.clock, store });
    await limiter.take('slow');
    for (let i = 0; i < 10; i += 1) {
      time.advance(1000);
      await limiter.take(`other-${i}`);
    }
    expect(await limiter.peek('slow')).toMatchObject({ allowed: false, retryAfterMs: 990_000 });
  });

  it('changes no decision by evicting a full bucket', async () => {
    const time = manualTime();
    const tiny = rateLimiter({ ...BUCKET, clock: time.clock, maxKeys: 1 });
    const roomy = rateLimiter({ ...BUCKET, clock: time.clock });
    const both = async (key: string, n: number) => {
      const decision = await tiny.take(key, n);
      expect(decision).toEqual(await roomy.take(key, n));
      return decision;
    };
    await both('a', 3);
    time.advance(3000); // a is full again
    await both('b', 2); // evicts a from the tiny store
    expect(await both('a', 3)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    expect(await both('a', 1)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1000 });
  });

  it('peeks without adding a key or refreshing its recency', async () => {
    const store = memoryLimiterStore({ maxKeys: 2 });
    const algorithm = resolveLimiterAlgorithm(BUCKET);
    store.peek('ghost', 1, 0, algorithm);
    expect(store.size).toBe(0);
    store.take('a', 3, 0, algorithm);
    store.take('b', 3, 0, algorithm);
    store.peek('a', 1, 0, algorithm);
    store.take('c', 3, 0, algorithm); // a is still the least recently used
    expect(store.peek('a', 3, 0, algorithm).allowed).toBe(true);
    expect(store.peek('b', 1, 0, algorithm).allowed).toBe(false);
  });

  it('refuses a maxKeys that is not a whole number of at least 1', () => {
    for (const maxKeys of [0, -5, 2.5, Number.NaN]) {
      expect(() => memoryLimiterStore({ maxKeys })).toThrow(
        expect.objectContaining({
          code: 1201,
          context: { problems: [expect.objectContaining({ path: 'maxKeys' })] },
        }),
      );
    }
  });
});

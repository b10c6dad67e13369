import { describe, expect, it } from 'vitest';
import { gcraStep, rateLimiter, type RateLimitDecision } from '../../../src/ratelimit/index.js';
import { manualTime } from '../../support/manual-time.js';

function gcra(limit: number, periodMs: number, burst?: number) {
  const time = manualTime();
  const limiter = rateLimiter({
    algorithm: 'gcra',
    limit,
    periodMs,
    ...(burst === undefined ? {} : { burst }),
    clock: time.clock,
  });
  return { time, limiter };
}

const allowed = (remaining: number): RateLimitDecision => ({
  allowed: true,
  remaining,
  retryAfterMs: 0,
});
const refused = (retryAfterMs: number, remaining = 0): RateLimitDecision => ({
  allowed: false,
  remaining,
  retryAfterMs,
});

describe("rateLimiter({ algorithm: 'gcra' })", () => {
  it('spaces units one emission interval (periodMs / limit) apart by default (burst 1)', async () => {
    const { time, limiter } = gcra(10, 1000); // T = 100 ms
    expect(await limiter.take()).toEqual(allowed(0));
    expect(await limiter.take()).toEqual(refused(100));
    time.advance(99);
    expect(await limiter.take()).toEqual(refused(1));
    time.advance(1);
    expect(await limiter.take()).toEqual(allowed(0));
    time.advance(250);
    expect(await limiter.take()).toEqual(allowed(0));
    expect(await limiter.take()).toEqual(refused(100));
  });

  it('lets an idle key take burst units at once, then one per emission interval', async () => {
    const { time, limiter } = gcra(4, 1000, 3); // T = 250 ms, tolerance 750 ms
    const decisions = [];
    for (let i = 0; i < 4; i += 1) decisions.push(await limiter.take());
    expect(decisions).toEqual([allowed(2), allowed(1), allowed(0), refused(250)]);
    time.advance(250);
    expect(await limiter.take()).toEqual(allowed(0));
    time.advance(600); // 2.4 intervals paid back: two whole units free
    expect(await limiter.peek()).toEqual(allowed(1));
    expect(await limiter.take('default', 3)).toEqual(refused(150, 2));
    time.advance(150);
    expect(await limiter.take('default', 3)).toEqual(allowed(0));
  });

  it('stays exact when the emission interval is not a whole number of ms', async () => {
    const { time, limiter } = gcra(3, 1000, 3); // T = 333⅓ ms, tolerance 1000 ms
    expect((await limiter.take('default', 3)).allowed).toBe(true); // TAT = 1000
    const admittedAt: number[] = [];
    for (let ms = 1; ms <= 2000; ms += 1) {
      time.advance(1);
      if ((await limiter.take()).allowed) admittedAt.push(time.elapsed);
    }
    // A unit is due once TAT − now ≤ tolerance − T; TAT steps by 333⅓ from 1000.
    expect(admittedAt).toEqual([334, 667, 1000, 1334, 1667, 2000]);
  });

  it('never admits more than limit in any span shorter than periodMs with the default burst', async () => {
    const { time, limiter } = gcra(7, 1000);
    const admittedAt: number[] = [];
    for (let ms = 0; ms < 5000; ms += 1) {
      if ((await limiter.take()).allowed) admittedAt.push(time.elapsed);
      time.advance(1);
    }
    for (let i = 0; i < admittedAt.length; i += 1) {
      const start = admittedAt[i] ?? 0;
      const inSpan = admittedAt.filter((t) => t >= start && t < start + 1000);
      expect(inSpan.length).toBeLessThanOrEqual(7);
    }
    expect(admittedAt.length).toBe(35);
  });

  it('reports the exact wait for n units: after retryAfterMs it succeeds, one ms sooner it fails', async () => {
    for (const [limit, periodMs, burst] of [
      [3, 1000, 5],
      [7, 60_000, 4],
      [1000, 1000, 10],
      [5, 3, 2],
    ] as const) {
      const { time, limiter } = gcra(limit, periodMs, burst);
      await limiter.take('k', burst);
      const { allowed: ok, retryAfterMs } = await limiter.peek('k', 2);
      expect(ok).toBe(false);
      time.advance(retryAfterMs - 1);
      expect((await limiter.take('k', 2)).allowed, `${limit}/${periodMs}`).toBe(false);
      time.advance(1);
      expect((await limiter.take('k', 2)).allowed, `${limit}/${periodMs}`).toBe(true);
    }
  });

  it('refuses a take larger than burst, since it could never be allowed', async () => {
    const { limiter } = gcra(100, 1000);
    await expect(limiter.take('k', 2)).rejects.toMatchObject({
      name: 'FaultError',
      code: 1201,
      context: {
        problems: [{ path: 'n', received: 2, expected: 'a whole number from 1 to 1 (the burst)' }],
      },
    });
  });
});

describe('gcraStep()', () => {
  const options = { algorithm: 'gcra', limit: 10, periodMs: 1000, burst: 2 } as const;

  it('follows the theoretical arrival time: TAT = at + debt / limit', () => {
    let step = gcraStep(undefined, 1, 0, options);
    step = gcraStep(step.state, 1, 0, options);
    expect(step.state.at + step.state.debt / options.limit).toBe(200);
    expect(gcraStep(step.state, 1, 0, options).decision).toEqual(refused(100));
    expect(gcraStep(step.state, 1, 100, options).decision).toEqual(allowed(0));
  });
});

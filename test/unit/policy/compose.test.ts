import { describe, expect, it } from 'vitest';
import { constantBackoff } from '../../../src/backoff/constant-backoff.js';
import { circuitBreaker } from '../../../src/breaker/breaker.js';
import { bulkhead } from '../../../src/policy/bulkhead.js';
import { compose } from '../../../src/policy/compose.js';
import { fallback } from '../../../src/policy/fallback.js';
import { timeout } from '../../../src/policy/timeout.js';
import { retry } from '../../../src/retry/retry.js';
import { handled, manualTime } from '../../support/manual-time.js';

describe('compose()', () => {
  it('runs policies outermost first: a total timeout over retries of per-attempt timeouts', async () => {
    const time = manualTime();
    const starts: number[] = [];
    const policy = compose(
      timeout(1000, time),
      retry({ attempts: 10, backoff: constantBackoff(50), ...time }),
      timeout(200, time),
    );
    const call = handled(
      policy.execute(() => {
        starts.push(time.elapsed);
        return new Promise(() => {});
      }),
    );
    await time.advanceAsync(2000);
    await expect(call).rejects.toMatchObject({ type: 'timeout', context: { timeoutMs: 1000 } });
    expect(starts).toEqual([0, 250, 500, 750]);
  });

  it('aborts the innermost signal when an outer timeout fires', async () => {
    const time = manualTime();
    let signal: AbortSignal | undefined;
    const policy = compose(timeout(100, time), retry({ ...time }), circuitBreaker());
    const call = handled(
      policy.execute((context) => {
        signal = context.signal;
        return new Promise(() => {});
      }),
    );
    await time.advanceAsync(100);
    await expect(call).rejects.toMatchObject({ type: 'timeout' });
    expect(signal?.aborted).toBe(true);
  });

  it('makes no AbortController when nobody reads the signal', async () => {
    const original = globalThis.AbortController;
    let made = 0;
    globalThis.AbortController = class extends original {
      constructor() {
        super();
        made++;
      }
    };
    try {
      const policy = compose(retry(), circuitBreaker(), timeout(1000));
      for (let i = 0; i < 10; i++) await policy.execute(() => i);
    } finally {
      globalThis.AbortController = original;
    }
    expect(made).toBe(0);
  });

  it('types a fallback value into the result', async () => {
    const policy = compose(
      fallback(() => 'cached' as const),
      retry({ attempts: 1 }),
    );
    const value: number | 'cached' = await policy.execute(() =>
      Promise.reject(new TypeError('Failed to fetch')),
    );
    expect(value).toBe('cached');
  });

  it('runs the function directly when given no policies', async () => {
    await expect(compose().execute((context) => context.attempt)).resolves.toBe(1);
  });
});

describe('fallback()', () => {
  it('falls back only when `when` says so', async () => {
    const policy = fallback(() => 'stale', { when: (e) => e instanceof TypeError });
    await expect(policy.execute(() => Promise.reject(new TypeError('x')))).resolves.toBe('stale');
    await expect(policy.execute(() => Promise.reject(new RangeError('y')))).rejects.toThrow('y');
  });
});

describe('bulkhead()', () => {
  it('runs at most `limit` at once, queues `queue` more, rejects the rest at once', async () => {
    const policy = bulkhead(2, 1);
    const gates: (() => void)[] = [];
    const work = () => new Promise<void>((resolve) => gates.push(resolve));
    const calls = [policy.execute(work), policy.execute(work), handled(policy.execute(work))];
    expect(policy).toMatchObject({ running: 2, queued: 1 });
    await expect(policy.execute(work)).rejects.toMatchObject({
      type: 'resource_exhausted',
      code: 2201,
    });
    gates.shift()?.();
    await calls[0];
    await Promise.resolve();
    expect(policy).toMatchObject({ running: 2, queued: 0 });
    gates.forEach((open) => open());
    await new Promise((r) => setTimeout(r, 0));
    gates.forEach((open) => open());
    await Promise.all(calls);
    expect(policy).toMatchObject({ running: 0, queued: 0 });
  });

  it('takes an aborted caller out of the queue', async () => {
    const policy = bulkhead(1, 5);
    void policy.execute(() => new Promise(() => {}));
    const controller = new AbortController();
    const queued = handled(policy.execute(() => 1, { signal: controller.signal }));
    expect(policy.queued).toBe(1);
    controller.abort();
    await expect(queued).rejects.toMatchObject({ type: 'cancelled' });
    expect(policy.queued).toBe(0);
  });
});

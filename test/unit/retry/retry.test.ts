import { describe, expect, it } from 'vitest';
import { constantBackoff } from '../../../src/backoff/constant-backoff.js';
import { exponentialBackoff } from '../../../src/backoff/exponential-backoff.js';
import { circuitBreaker } from '../../../src/breaker/breaker.js';
import { FaultError } from '../../../src/errors/fault-error.js';
import { compose } from '../../../src/policy/compose.js';
import { onResilienceEvent } from '../../../src/policy/resilience-events.js';
import { retry } from '../../../src/retry/retry.js';
import { handled, manualTime } from '../../support/manual-time.js';

/** A function that fails with each of `failures` in turn, then returns 'ok'. */
function flaky(...failures: unknown[]) {
  let calls = 0;
  const fn = () => {
    const failure = failures[calls++];
    return failure === undefined ? Promise.resolve('ok') : Promise.reject(failure);
  };
  return Object.assign(fn, { calls: () => calls });
}

const network = () => new TypeError('Failed to fetch');

describe('retry()', () => {
  it('counts every call in attempts, the first included', async () => {
    const time = manualTime();
    const fn = flaky(network(), network(), network(), network(), network());
    const policy = retry({ attempts: 5, backoff: constantBackoff(10), ...time });
    const call = handled(policy.execute(fn));
    await time.advanceAsync(1000);
    await expect(call).rejects.toMatchObject({ type: 'network_error' });
    expect(fn.calls()).toBe(5);
  });

  it('waits the exact backoff sequence between attempts', async () => {
    const time = manualTime();
    const starts: number[] = [];
    const policy = retry({
      attempts: 4,
      backoff: exponentialBackoff({ initialMs: 100, factor: 2, jitter: 'none' }),
      ...time,
    });
    const call = handled(
      policy.execute(() => {
        starts.push(time.elapsed);
        return Promise.reject(network());
      }),
    );
    await time.advanceAsync(10_000);
    const error = (await call.catch((e: unknown) => e)) as FaultError;
    expect(starts).toEqual([0, 100, 300, 700]);
    expect(error.context.attempts).toMatchObject([
      { attempt: 1, type: 'network_error', delayMs: 100 },
      { attempt: 2, delayMs: 200 },
      { attempt: 3, delayMs: 400 },
      { attempt: 4, message: 'Failed to fetch' },
    ]);
    expect(error.message).toBe('Failed to fetch (after 4 attempts)');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it.each([
    [
      'a bug',
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'programming_error',
    ],
    ['auth', new Response(null, { status: 401 }), 'authentication_failed'],
    ['validation', new Response(null, { status: 422 }), undefined],
    ['a cancellation', new DOMException('stop', 'AbortError'), 'cancelled'],
  ])('never retries %s', async (_, failure, type) => {
    const fn = flaky(failure);
    const error = (await retry({ attempts: 5 })
      .execute(fn)
      .catch((e: unknown) => e)) as FaultError;
    expect(fn.calls()).toBe(1);
    if (type !== undefined) expect(error.type).toBe(type);
    expect(error.context.attempts).toHaveLength(1);
  });

  it.each([
    ['a network failure', network()],
    ['a timeout', new DOMException('late', 'TimeoutError')],
    ['a 503', new Response(null, { status: 503 })],
    ['a 408', new Response(null, { status: 408 })],
    ['a transient FaultError', new FaultError('service_unavailable', 'warming up')],
  ])('retries %s', async (_, failure) => {
    const time = manualTime();
    const fn = flaky(failure);
    const call = handled(retry({ backoff: constantBackoff(5), ...time }).execute(fn));
    await time.advanceAsync(5);
    await expect(call).resolves.toBe('ok');
    expect(fn.calls()).toBe(2);
  });

  it('waits what Retry-After asks when it is longer than the backoff', async () => {
    const time = manualTime();
    const starts: number[] = [];
    const limited = new Response(null, { status: 429, headers: { 'Retry-After': '3' } });
    const call = handled(
      retry({ backoff: constantBackoff(10), ...time }).execute(() => {
        starts.push(time.elapsed);
        return starts.length === 1 ? Promise.reject(limited) : Promise.resolve('ok');
      }),
    );
    await time.advanceAsync(5000);
    await expect(call).resolves.toBe('ok');
    expect(starts).toEqual([0, 3000]);
  });

  it('reads Retry-After as an HTTP date and RateLimit-Reset as seconds', async () => {
    const time = manualTime();
    const date = new Date(time.clock.now() + 2000).toUTCString();
    const starts: number[] = [];
    const failures = [
      new Response(null, { status: 503, headers: { 'Retry-After': date } }),
      new Response(null, { status: 429, headers: { 'RateLimit-Reset': '1' } }),
    ];
    const call = handled(
      retry({ backoff: constantBackoff(0), ...time }).execute(() => {
        starts.push(time.elapsed);
        const failure = failures[starts.length - 1];
        return failure ? Promise.reject(failure) : Promise.resolve('ok');
      }),
    );
    await time.advanceAsync(10_000);
    await expect(call).resolves.toBe('ok');
    expect(starts).toEqual([0, 2000, 3000]);
  });

  it('gives up rather than retry sooner than a Retry-After beyond maxRetryAfterMs', async () => {
    const fn = flaky(new Response(null, { status: 429, headers: { 'Retry-After': '3600' } }));
    const error = (await retry({ maxRetryAfterMs: 60_000 })
      .execute(fn)
      .catch((e: unknown) => e)) as FaultError;
    expect(fn.calls()).toBe(1);
    expect(error.type).toBe('rate_limited');
  });

  it('gives up at once when the next wait would overrun maxElapsedMs', async () => {
    const time = manualTime();
    const fn = flaky(network(), network(), network());
    const call = handled(
      retry({ attempts: 10, backoff: constantBackoff(400), maxElapsedMs: 1000, ...time }).execute(
        fn,
      ),
    );
    await time.advanceAsync(5000);
    const error = (await call.catch((e: unknown) => e)) as FaultError;
    expect(fn.calls()).toBe(3); // at 0, 400, 800; the next wait would end at 1200
    expect(error.context.attempts).toHaveLength(3);
  });

  it('stops waiting at once when the signal aborts', async () => {
    const time = manualTime();
    const controller = new AbortController();
    const fn = flaky(network(), network());
    const call = handled(
      retry({ backoff: constantBackoff(60_000), ...time }).execute(fn, {
        signal: controller.signal,
      }),
    );
    await time.settle();
    controller.abort('navigated away');
    // Cancelled, and still telling what was tried before.
    await expect(call).rejects.toMatchObject({
      type: 'cancelled',
      cause: { cause: 'navigated away' },
      context: { attempts: [{ attempt: 1, type: 'network_error', delayMs: 60_000 }] },
    });
    expect(fn.calls()).toBe(1);
    expect(time.pending).toBe(0); // the sleep's timer was cleared
  });

  it('never retries before an open breaker’s own retry time', async () => {
    const time = manualTime();
    const breaker = circuitBreaker({
      trigger: { kind: 'consecutive', threshold: 1 },
      halfOpenAfterMs: 5000,
      clock: time.clock,
    });
    const starts: number[] = [];
    const policy = compose(retry({ attempts: 3, backoff: constantBackoff(10), ...time }), breaker);
    const call = handled(
      policy.execute(() => {
        starts.push(time.elapsed);
        return starts.length === 1 ? Promise.reject(network()) : Promise.resolve('ok');
      }),
    );
    await time.advanceAsync(10_000);
    await expect(call).resolves.toBe('ok');
    expect(starts).toEqual([0, 5000]); // the rejection at 10 ms waited for the half-open time
  });

  it('reports exhausted retries to onGiveUp and onResilienceEvent, each retry to onRetry', async () => {
    const time = manualTime();
    const policy = retry({ attempts: 2, backoff: constantBackoff(1), ...time });
    const retries: number[] = [];
    const giveUps: FaultError[] = [];
    const events: string[] = [];
    policy.onRetry((event) => retries.push(event.delayMs));
    policy.onGiveUp((error) => giveUps.push(error));
    const stop = onResilienceEvent((event) => events.push(event.kind));
    const call = handled(policy.execute(flaky(network(), network())));
    await time.advanceAsync(10);
    const error = await call.catch((e: unknown) => e);
    stop();
    expect(retries).toEqual([1]);
    expect(giveUps).toEqual([error]);
    expect(events).toEqual(['retry_exhausted']);
  });

  it('hands each attempt its number', async () => {
    const time = manualTime();
    const seen: number[] = [];
    const call = handled(
      retry({ attempts: 3, backoff: constantBackoff(1), ...time }).execute((context) => {
        seen.push(context.attempt);
        return context.attempt < 3 ? Promise.reject(network()) : 'done';
      }),
    );
    await time.advanceAsync(10);
    await expect(call).resolves.toBe('done');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('refuses invalid options', () => {
    expect(() => retry({ attempts: 0 })).toThrow(expect.objectContaining({ category: 'config' }));
    expect(() => retry({ shouldRetry: 'yes' as never })).toThrow(
      expect.objectContaining({ type: 'invalid_config_value' }),
    );
  });
});

// The resilience policies' semantics in real Deno, against the built package, on manual time.
import assert from 'node:assert/strict';
import {
  bulkhead,
  circuitBreaker,
  constantBackoff,
  exponentialBackoff,
  isFaultError,
  rateLimiter,
  retry,
  timeout,
} from '../../dist/index.js';
import { handled, manualTime } from '../support/manual-time.ts';

const network = () => new TypeError('error sending request for url (http://127.0.0.1:1/)');

Deno.test(
  'exponential backoff yields its exact sequence and stays within full-jitter bounds',
  () => {
    const exact = [...take(exponentialBackoff({ initialMs: 100, maxMs: 1000, jitter: 'none' }), 6)];
    assert.deepEqual(exact, [100, 200, 400, 800, 1000, 1000]);
    let draws = 0;
    const jittered = exponentialBackoff({
      initialMs: 100,
      jitter: 'full',
      random: () => (draws++ % 10) / 10,
    });
    for (const [i, ms] of [...take(jittered, 50)].entries()) {
      assert.ok(ms >= 0 && ms <= 100 * 2 ** Math.min(i, 20), `${ms} at ${i}`);
    }
  },
);

Deno.test('retry stops at once for a bug and retries a Deno network failure', async () => {
  let calls = 0;
  const bug = await retry({ attempts: 5 })
    .execute(() => {
      calls++;
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    })
    .catch((e: unknown) => e);
  assert.equal(calls, 1);
  assert.ok(isFaultError(bug) && bug.type === 'programming_error');
  const time = manualTime();
  let attempts = 0;
  const call = handled(
    retry({ attempts: 3, backoff: constantBackoff(100), ...time }).execute(() =>
      ++attempts < 3 ? Promise.reject(network()) : 'ok',
    ),
  );
  await time.advanceAsync(1000);
  assert.equal(await call, 'ok');
});

Deno.test('an abort ends a backoff wait at once', async () => {
  const time = manualTime();
  const controller = new AbortController();
  const call = handled(
    retry({ backoff: constantBackoff(60_000), ...time }).execute(() => Promise.reject(network()), {
      signal: controller.signal,
    }),
  );
  await time.settle();
  controller.abort();
  const error = await call.catch((e: unknown) => e);
  assert.ok(isFaultError(error) && error.type === 'cancelled');
  assert.equal(time.pending, 0);
});

Deno.test('a half-open breaker lets exactly one of many concurrent callers probe', async () => {
  const time = manualTime();
  const breaker = circuitBreaker({
    trigger: { kind: 'consecutive', threshold: 1 },
    halfOpenAfterMs: 1000,
    clock: time.clock,
  });
  await breaker.execute(() => Promise.reject(network())).catch(() => 0);
  time.advance(1000);
  let runs = 0;
  const results = await Promise.allSettled(
    Array.from({ length: 20 }, () => breaker.execute(() => (runs++, Promise.resolve(1)))),
  );
  assert.equal(runs, 1);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  assert.equal(breaker.state, 'closed');
});

Deno.test('a rate limiter admits exactly its capacity under concurrent takes', async () => {
  const time = manualTime();
  const limiter = rateLimiter({
    algorithm: 'token_bucket',
    capacity: 5,
    refillPerSecond: 1,
    clock: time.clock,
  });
  const decisions = await Promise.all(Array.from({ length: 50 }, () => limiter.take('k')));
  assert.equal(decisions.filter((d) => d.allowed).length, 5);
  assert.equal(decisions.find((d) => !d.allowed)?.retryAfterMs, 1000);
});

Deno.test('a timeout shares one timer and a bulkhead rejects beyond its queue', async () => {
  const time = manualTime();
  const policy = timeout(100, time);
  const pending = [1, 2, 3].map(() => handled(policy.execute(() => new Promise(() => {}))));
  assert.equal(time.pending, 1);
  await time.advanceAsync(100);
  for (const call of pending)
    assert.equal(((await call.catch((e: unknown) => e)) as { type: string }).type, 'timeout');
  const gate = bulkhead(1, 0);
  void gate.execute(() => new Promise(() => {}));
  const full = await gate.execute(() => 1).catch((e: unknown) => e);
  assert.ok(isFaultError(full) && full.code === 2201);
});

function* take(iterable: Iterable<number>, count: number): Generator<number> {
  let i = 0;
  for (const value of iterable) {
    if (i++ >= count) return;
    yield value;
  }
}

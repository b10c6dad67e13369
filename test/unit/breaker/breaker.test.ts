import { describe, expect, it } from 'vitest';
import { circuitBreaker } from '../../../src/breaker/breaker.js';
import { memoryBreakerStore } from '../../../src/breaker/store.js';
import { constantBackoff } from '../../../src/backoff/constant-backoff.js';
import { FaultError } from '../../../src/errors/fault-error.js';
import { isFaultError } from '../../../src/errors/is-fault-error.js';
import { onResilienceEvent } from '../../../src/policy/resilience-events.js';
import { manualTime } from '../../support/manual-time.js';
import { failTimes, ok } from './outcomes.js';

function deferred<T>(): {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
} {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('circuitBreaker()', () => {
  it('opens after 5 consecutive failures by default and rejects without running fn', async () => {
    const time = manualTime();
    const breaker = circuitBreaker({ clock: time.clock });
    await failTimes(breaker, 4);
    expect(breaker.state).toBe('closed');
    await failTimes(breaker, 1);
    expect(breaker.state).toBe('open');
    let ran = false;
    const error = await breaker
      .execute(() => {
        ran = true;
        return 1;
      })
      .catch((e: unknown) => e);
    expect(ran).toBe(false);
    expect(isFaultError(error)).toBe(true);
    expect(error).toMatchObject({
      type: 'circuit_open',
      code: 2302,
      context: { breaker: 'default', state: 'open', retryAfterMs: 10_000 },
    });
  });

  it('does not capture a stack for rejections', async () => {
    const breaker = circuitBreaker({ trigger: { kind: 'consecutive', threshold: 1 } });
    await failTimes(breaker, 1);
    const error = (await breaker.execute(ok).catch((e: unknown) => e)) as FaultError;
    expect(error.stack?.split('\n')).toHaveLength(1);
  });

  it('a success resets the consecutive count', async () => {
    const breaker = circuitBreaker({ trigger: { kind: 'consecutive', threshold: 3 } });
    await failTimes(breaker, 2);
    await breaker.execute(ok);
    await failTimes(breaker, 2);
    expect(breaker.state).toBe('closed');
  });

  it('counts neither 429 nor cancellations, and counts bugs and 4xx as answers', async () => {
    const breaker = circuitBreaker({ trigger: { kind: 'consecutive', threshold: 2 } });
    await failTimes(breaker, 1);
    const throwing = (error: unknown) => () => Promise.reject(error);
    await breaker.execute(throwing(new Response(null, { status: 429 }))).catch(() => 0);
    await breaker.execute(throwing(new DOMException('stop', 'AbortError'))).catch(() => 0);
    expect(breaker.metrics).toMatchObject({ failures: 1, ignored: 2 });
    await breaker.execute(throwing(new Response(null, { status: 404 }))).catch(() => 0);
    await failTimes(breaker, 1);
    expect(breaker.state).toBe('closed');
    await breaker.execute(throwing(new Response(null, { status: 503 }))).catch(() => 0);
    expect(breaker.state).toBe('open');
  });

  it('lets exactly one probe through among many concurrent callers, the rest fail fast', async () => {
    const time = manualTime();
    const breaker = circuitBreaker({
      trigger: { kind: 'consecutive', threshold: 1 },
      halfOpenAfterMs: 1000,
      clock: time.clock,
    });
    await failTimes(breaker, 1);
    time.advance(1000);
    expect(breaker.state).toBe('half_open');
    const probe = deferred<number>();
    let runs = 0;
    const calls = Array.from({ length: 50 }, () =>
      breaker
        .execute(() => {
          runs++;
          return probe.promise;
        })
        .then(
          (value) => ({ ok: true, value }),
          (error: unknown) => ({ ok: false, error }),
        ),
    );
    probe.resolve(7);
    const results = await Promise.all(calls);
    expect(runs).toBe(1);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(
      results
        .filter((r) => !r.ok)
        .every((r) => (r as { error: FaultError }).error.type === 'circuit_open'),
    ).toBe(true);
    expect(breaker.state).toBe('closed');
  });

  it('reopens for twice as long after a failed probe, capped at 5 minutes', async () => {
    const time = manualTime();
    const breaker = circuitBreaker({
      trigger: { kind: 'consecutive', threshold: 1 },
      halfOpenAfterMs: 100_000,
      clock: time.clock,
    });
    await failTimes(breaker, 1);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const rejection = (await breaker.execute(ok).catch((e: unknown) => e)) as FaultError;
      waits.push(rejection.context.retryAfterMs as number);
      time.advance(rejection.context.retryAfterMs as number);
      await failTimes(breaker, 1); // the probe fails
    }
    expect(waits).toEqual([100_000, 200_000, 300_000, 300_000]);
    time.advance(300_000);
    await breaker.execute(ok);
    await failTimes(breaker, 1);
    const again = (await breaker.execute(ok).catch((e: unknown) => e)) as FaultError;
    expect(again.context.retryAfterMs).toBe(100_000); // a close resets the growth
  });

  it('takes a backoff for the half-open schedule', async () => {
    const time = manualTime();
    const breaker = circuitBreaker({
      trigger: { kind: 'consecutive', threshold: 1 },
      halfOpenAfterMs: constantBackoff(250),
      clock: time.clock,
    });
    await failTimes(breaker, 1);
    time.advance(249);
    expect(breaker.state).toBe('open');
    time.advance(1);
    expect(breaker.state).toBe('half_open');
  });

  it('times out a probe that never settles so half-open cannot stick', async () => {
    const time = manualTime();
    const breaker = circuitBreaker({
      trigger: { kind: 'consecutive', threshold: 1 },
      halfOpenAfterMs: 1000,
      probeTimeoutMs: 5000,
      clock: time.clock,
    });
    await failTimes(breaker, 1);
    time.advance(1000);
    void breaker.execute(() => new Promise(() => {})); // hangs forever
    expect(breaker.state).toBe('half_open');
    time.advance(5000);
    const rejected = (await breaker.execute(ok).catch((e: unknown) => e)) as FaultError;
    expect(rejected.type).toBe('circuit_open');
    expect(breaker.state).toBe('open');
    time.advance(2000); // the second open waits twice as long
    expect(await breaker.execute(ok)).toBe(1);
    expect(breaker.state).toBe('closed');
  });

  it('needs every one of halfOpenProbes to succeed before closing', async () => {
    const time = manualTime();
    const breaker = circuitBreaker({
      trigger: { kind: 'consecutive', threshold: 1 },
      halfOpenAfterMs: 10,
      halfOpenProbes: 3,
      clock: time.clock,
    });
    await failTimes(breaker, 1);
    time.advance(10);
    await breaker.execute(ok);
    await breaker.execute(ok);
    expect(breaker.state).toBe('half_open');
    await breaker.execute(ok);
    expect(breaker.state).toBe('closed');
  });

  it('tells state changes and outcomes to typed listeners and to onResilienceEvent', async () => {
    const breaker = circuitBreaker({
      name: 'payments',
      trigger: { kind: 'consecutive', threshold: 1 },
    });
    const changes: unknown[] = [];
    const outcomes: string[] = [];
    const global: unknown[] = [];
    breaker.onStateChange((change) => changes.push({ from: change.from, to: change.to }));
    breaker.onOutcome((outcome) => outcomes.push(outcome.kind));
    const stop = onResilienceEvent((event) => global.push(event));
    await breaker.execute(ok);
    await failTimes(breaker, 1);
    await breaker.execute(ok).catch(() => 0);
    stop();
    expect(changes).toEqual([{ from: 'closed', to: 'open' }]);
    expect(outcomes).toEqual(['success', 'failure', 'rejected']);
    expect(global).toMatchObject([{ kind: 'breaker_transition', breaker: 'payments', to: 'open' }]);
  });

  it('saves and restores a versioned state', async () => {
    const time = manualTime();
    const a = circuitBreaker({ trigger: { kind: 'consecutive', threshold: 1 }, clock: time.clock });
    await failTimes(a, 1);
    const saved = JSON.parse(JSON.stringify(a));
    expect(saved).toMatchObject({ version: 1, state: 'open', opens: 1 });
    const b = circuitBreaker({ clock: time.clock });
    b.restore(saved);
    expect(b.state).toBe('open');
    expect(() => b.restore({ version: 2, state: 'open' } as never)).toThrow(
      expect.objectContaining({
        type: 'format_error',
        context: expect.objectContaining({ path: 'version' }),
      }),
    );
    expect(() => b.restore('{not json')).toThrow(expect.objectContaining({ type: 'format_error' }));
  });

  it('restores a saved state into a breaker on a shared store, whatever its revision', async () => {
    const store = memoryBreakerStore();
    const breaker = circuitBreaker({ name: 'api', store });
    breaker.restore({
      version: 1,
      state: 'open',
      revision: 9,
      opens: 1,
      openedAt: 0,
      halfOpenAt: 8.64e15,
    });
    expect(breaker.state).toBe('open');
    expect(store.get('api')?.state).toBe('open');
  });

  it('shares one state between breakers on the same store and name', async () => {
    const store = memoryBreakerStore();
    const a = circuitBreaker({
      name: 'api',
      store,
      trigger: { kind: 'consecutive', threshold: 1 },
    });
    const b = circuitBreaker({ name: 'api', store });
    const other = circuitBreaker({ name: 'other', store });
    await failTimes(a, 1);
    expect(b.state).toBe('open');
    expect(other.state).toBe('closed');
    b.reset();
    expect(a.state).toBe('closed');
  });

  it('gives the half-open probe to one breaker only when several share a store', async () => {
    const time = manualTime();
    const store = memoryBreakerStore();
    const options = {
      name: 'api',
      store,
      clock: time.clock,
      halfOpenAfterMs: 100,
      trigger: { kind: 'consecutive', threshold: 1 } as const,
    };
    const a = circuitBreaker(options);
    const b = circuitBreaker(options);
    await failTimes(a, 1);
    time.advance(100);
    const probe = deferred<number>();
    const first = a.execute(() => probe.promise);
    const second = await b.execute(ok).catch((e: unknown) => e);
    expect(second).toMatchObject({ type: 'circuit_open', context: { state: 'half_open' } });
    probe.resolve(1);
    await first;
    expect(b.state).toBe('closed');
  });

  it('refuses invalid options with one config FaultError listing each problem', () => {
    let thrown: unknown;
    try {
      circuitBreaker({
        trigger: { kind: 'count_window', size: 0, failureRate: 2 },
        halfOpenProbes: 1.5,
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ category: 'config' });
    const problems = (thrown as FaultError).context.problems as { path: string }[];
    expect(problems.map((p) => p.path).sort()).toEqual([
      'halfOpenProbes',
      'trigger.failureRate',
      'trigger.size',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { circuitBreaker } from '../../../src/breaker/breaker.js';
import { manualTime } from '../../support/manual-time.js';
import { fail, failTimes, ok } from './outcomes.js';

describe('circuitBreaker() triggers', () => {
  it('opens on a count window failure rate once minimumCalls are in', async () => {
    const breaker = circuitBreaker({
      trigger: { kind: 'count_window', size: 10, failureRate: 0.5, minimumCalls: 6 },
    });
    await failTimes(breaker, 4);
    await breaker.execute(ok);
    expect(breaker.state).toBe('closed'); // 4/5 but under minimumCalls
    await breaker.execute(ok);
    expect(breaker.state).toBe('open'); // 4/6 ≥ 0.5
  });

  it('forgets the oldest outcomes of a count window', async () => {
    const breaker = circuitBreaker({
      trigger: { kind: 'count_window', size: 4, failureRate: 0.75, minimumCalls: 4 },
    });
    await failTimes(breaker, 2);
    for (let i = 0; i < 4; i++) await breaker.execute(ok);
    await failTimes(breaker, 2);
    expect(breaker.metrics.window).toEqual({ calls: 4, failures: 2, slowCalls: 0 });
    expect(breaker.state).toBe('closed');
  });

  it('judges a time window over the last windowMs only', async () => {
    const time = manualTime();
    const breaker = circuitBreaker({
      trigger: { kind: 'time_window', windowMs: 10_000, failureRate: 0.5, minimumCalls: 4 },
      clock: time.clock,
    });
    await failTimes(breaker, 3);
    time.advance(10_000); // those failures slide out
    await breaker.execute(ok);
    await failTimes(breaker, 1);
    expect(breaker.metrics.window).toMatchObject({ calls: 2, failures: 1 });
    expect(breaker.state).toBe('closed');
    await failTimes(breaker, 2);
    expect(breaker.state).toBe('open');
  });

  it('opens on the slow-call rate even when calls succeed', async () => {
    const time = manualTime();
    const breaker = circuitBreaker({
      trigger: { kind: 'count_window', size: 5, minimumCalls: 2, slowCallMs: 100, slowCallRate: 1 },
      clock: time.clock,
    });
    const slow = () =>
      breaker.execute(async () => {
        time.advance(150);
        return 1;
      });
    await slow();
    expect(breaker.state).toBe('closed');
    await slow();
    expect(breaker.state).toBe('open');
  });

  it('keeps exact counts in a window of a million calls', async () => {
    const small = circuitBreaker({
      trigger: { kind: 'count_window', size: 10, minimumCalls: 1_000_000 },
    });
    const large = circuitBreaker({
      trigger: { kind: 'count_window', size: 1_000_000, minimumCalls: 1_000_000 },
    });
    for (const breaker of [small, large]) {
      for (let i = 0; i < 2000; i++) await breaker.execute(i % 2 ? ok : fail).catch(() => 0);
    }
    expect(small.metrics.window).toEqual({ calls: 10, failures: 5, slowCalls: 0 });
    expect(large.metrics.window).toEqual({ calls: 2000, failures: 1000, slowCalls: 0 });
  });
});

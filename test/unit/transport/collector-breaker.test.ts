import { describe, expect, it } from 'vitest';
import { isFaultError } from '../../../src/errors/is-fault-error.js';
import { COLLECTOR_BREAKER, collectorBreaker } from '../../../src/transport/collector-breaker.js';
import { manualTime } from '../../support/manual-time.js';

const ok = () => Promise.resolve('ok');
/** What the transport throws inside `execute` for an HTTP answer it retries. */
const answer = (status: number) => () => Promise.reject({ status, retryAfter: null });
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

function setup(options: { threshold?: number; halfOpenAfterMs?: number } = {}) {
  const time = manualTime();
  const breaker = collectorBreaker({ clock: time.clock, ...options });
  /** Runs `fn`; resolves with its value, or with the error it threw. */
  const run = (fn: () => Promise<unknown>) => breaker.execute(fn).catch((error: unknown) => error);
  return { time, breaker, run };
}

function expectRejected(value: unknown, retryAfterMs: number) {
  expect(isFaultError(value)).toBe(true);
  expect(value).toMatchObject({
    code: 2302,
    type: 'circuit_open',
    context: { breaker: COLLECTOR_BREAKER, retryAfterMs },
  });
}

describe('collectorBreaker()', () => {
  it('opens after `threshold` failures in a row: 5xx, 408, network failures', async () => {
    const { breaker, run } = setup({ threshold: 3 });
    await run(answer(503));
    await run(offline);
    expect(breaker.state).toBe('closed');
    await run(answer(408));
    expect(breaker.state).toBe('open');
    let ran = false;
    expectRejected(
      await run(async () => {
        ran = true;
      }),
      10_000,
    );
    expect(ran).toBe(false);
  });

  it('is not opened by 429s (back-pressure), and a success restarts the count', async () => {
    const { breaker, run } = setup({ threshold: 2 });
    for (let i = 0; i < 10; i++) await run(answer(429));
    expect(breaker.state).toBe('closed');
    await run(answer(500));
    await run(ok);
    await run(answer(500));
    expect(breaker.state).toBe('closed');
    await run(answer(500));
    expect(breaker.state).toBe('open');
  });

  it('lets one probe through after the wait; the others fail fast until it settles', async () => {
    const { time, breaker, run } = setup({ threshold: 1 });
    await run(answer(500));
    time.advance(10_000);
    let finish!: (value: string) => void;
    const probe = run(() => new Promise((resolve) => (finish = resolve)));
    expect(breaker.state).toBe('half_open');
    expectRejected(await run(ok), 60_000);
    finish('done');
    expect(await probe).toBe('done');
    expect(breaker.state).toBe('closed');
    expect(await run(ok)).toBe('ok');
  });

  it('doubles the wait after each failed probe, up to 5 minutes', async () => {
    const { time, breaker, run } = setup({ threshold: 1 });
    await run(offline);
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const rejection = (await run(ok)) as { context: { retryAfterMs: number } };
      waits.push(rejection.context.retryAfterMs);
      time.advance(rejection.context.retryAfterMs);
      await run(offline); // the probe fails
    }
    expect(waits).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(breaker.state).toBe('open');
  });

  it('lets the next call probe when a probe is turned back by a 429', async () => {
    const { time, breaker, run } = setup({ threshold: 1 });
    await run(offline);
    time.advance(10_000);
    await run(answer(429));
    expect(breaker.state).toBe('half_open');
    expect(await run(ok)).toBe('ok');
    expect(breaker.state).toBe('closed');
  });

  it('counts a probe that never settles as failed once its lease is over', async () => {
    const { time, breaker, run } = setup({ threshold: 1 });
    await run(offline);
    time.advance(10_000);
    void run(() => new Promise(() => {}));
    time.advance(59_999);
    expectRejected(await run(ok), 1);
    time.advance(1);
    expectRejected(await run(ok), 20_000); // failed: the wait doubles
    expect(breaker.state).toBe('open');
    time.advance(20_000);
    expect(await run(ok)).toBe('ok');
    expect(breaker.state).toBe('closed');
  });

  it('says half_open, not open, once the wait is over and a probe may run', async () => {
    const { time, breaker, run } = setup({ threshold: 1 });
    await run(offline);
    time.advance(9_999);
    expect(breaker.state).toBe('open');
    time.advance(1);
    expect(breaker.state).toBe('half_open');
  });

  it('ignores outcomes that arrive after the state moved on, and closes on reset', async () => {
    const { breaker, run } = setup({ threshold: 1 });
    let fail!: (error: unknown) => void;
    let succeed!: (value: string) => void;
    const lateFailure = run(() => new Promise((_, reject) => (fail = reject)));
    const lateSuccess = run(() => new Promise((resolve) => (succeed = resolve)));
    await run(offline);
    expect(breaker.state).toBe('open');
    succeed('late'); // admitted while closed: it must not close the open circuit
    await lateSuccess;
    expect(breaker.state).toBe('open');
    breaker.reset();
    expect(breaker.state).toBe('closed');
    fail(new TypeError('Failed to fetch'));
    await lateFailure;
    expect(breaker.state).toBe('closed');
  });

  it('refuses invalid options with a config FaultError naming each', () => {
    expect(() =>
      collectorBreaker({ threshold: 0, halfOpenAfterMs: -1, probeTimeoutMs: 0 }),
    ).toThrow(
      expect.objectContaining({
        category: 'config',
        context: expect.objectContaining({
          problems: [
            expect.objectContaining({ path: 'threshold' }),
            expect.objectContaining({ path: 'halfOpenAfterMs' }),
            expect.objectContaining({ path: 'probeTimeoutMs' }),
          ],
        }),
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { FaultError } from '../../../src/errors/fault-error.js';
import { timeout } from '../../../src/policy/timeout.js';
import { handled, manualTime } from '../../support/manual-time.js';

describe('timeout()', () => {
  it('resolves with the result when the call beats the deadline', async () => {
    const time = manualTime();
    const policy = timeout(100, time);
    await expect(policy.execute(() => 42)).resolves.toBe(42);
    expect(time.pending).toBe(1); // the shared timer, disarmed lazily
    time.advance(100);
    expect(time.pending).toBe(0);
  });

  it('rejects with a timeout FaultError and aborts the signal when the deadline passes', async () => {
    const time = manualTime();
    const policy = timeout(100, time);
    let signal: AbortSignal | undefined;
    const call = handled(
      policy.execute((context) => {
        signal = context.signal;
        return new Promise(() => {});
      }),
    );
    time.advance(99);
    expect(signal?.aborted).toBe(false);
    time.advance(1);
    const error = (await call.catch((e: unknown) => e)) as FaultError;
    expect(error).toMatchObject({ type: 'timeout', code: 4301, context: { timeoutMs: 100 } });
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBe(error);
  });

  it('shares one timer among many pending calls and fires each at its own deadline', async () => {
    const time = manualTime();
    const policy = timeout(100, time);
    const settled: number[] = [];
    for (let i = 0; i < 5; i++) {
      void policy.execute(() => new Promise(() => {})).catch(() => settled.push(time.elapsed));
      time.advance(10);
    }
    expect(time.pending).toBe(1);
    await time.advanceAsync(100);
    expect(settled).toEqual([100, 110, 120, 130, 140]);
  });

  it('gives each call its own timer where timers belong to a request (Workers)', async () => {
    const time = manualTime();
    const policy = timeout(100, { ...time, timers: { ...time.timers, perRequest: true } });
    const settled: number[] = [];
    for (let i = 0; i < 3; i++) {
      void policy.execute(() => new Promise(() => {})).catch(() => settled.push(time.elapsed));
      time.advance(10);
    }
    expect(time.pending).toBe(3);
    await expect(policy.execute(() => 7)).resolves.toBe(7);
    expect(time.pending).toBe(3); // the finished call cleared its own
    await time.advanceAsync(100);
    expect(settled).toEqual([100, 110, 120]);
  });

  it('keeps memory proportional to pending calls when most calls succeed', async () => {
    const time = manualTime();
    const policy = timeout(1000, time);
    void policy.execute(() => new Promise(() => {})).catch(() => 0); // blocks the queue's head
    for (let i = 0; i < 10_000; i++) await policy.execute(() => i);
    expect(time.pending).toBe(1);
  });

  it('lets its timer hold the process open only while a call is pending', async () => {
    const time = manualTime();
    const holds: boolean[] = [];
    const timers = { ...time.timers, keepAlive: (_: unknown, keep: boolean) => holds.push(keep) };
    const policy = timeout(100, { clock: time.clock, timers });
    await policy.execute(() => 1);
    expect(holds).toEqual([false]); // armed for the call, released when it settled
    let finish!: () => void;
    const pending = policy.execute(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(holds).toEqual([false, true]);
    finish();
    await pending;
    expect(holds).toEqual([false, true, false]);
  });

  it('aborts the function’s signal when the caller aborts', async () => {
    const time = manualTime();
    const controller = new AbortController();
    let inner: AbortSignal | undefined;
    const call = handled(
      timeout(1000, time).execute(
        ({ signal }) => {
          inner = signal;
          return new Promise(() => {});
        },
        { signal: controller.signal },
      ),
    );
    controller.abort('left');
    await expect(call).rejects.toMatchObject({ type: 'cancelled' });
    expect(inner?.aborted).toBe(true);
    expect(inner?.reason).toBe('left');
  });

  it('rejects at once with cancelled when the caller aborts, even if fn ignores the signal', async () => {
    const time = manualTime();
    const controller = new AbortController();
    const call = handled(
      timeout(1000, time).execute(() => new Promise(() => {}), {
        signal: controller.signal,
      }),
    );
    controller.abort(new Error('user left'));
    await expect(call).rejects.toMatchObject({
      type: 'cancelled',
      cause: { message: 'user left' },
    });
  });

  it('passes through the function’s own failure', async () => {
    const error = new FaultError('network_error', 'down');
    await expect(timeout(10).execute(() => Promise.reject(error))).rejects.toBe(error);
    await expect(
      timeout(10).execute(() => {
        throw error;
      }),
    ).rejects.toBe(error);
  });

  it('refuses a non-positive duration', () => {
    expect(() => timeout(0)).toThrow(expect.objectContaining({ category: 'config' }));
    expect(() => timeout(Number.NaN)).toThrow(expect.objectContaining({ category: 'config' }));
  });
});

import { describe, expect, it } from 'vitest';
import { createBatcher } from '../../../src/transport/batcher.js';
import { manualTime } from '../../support/manual-time.js';

/** A flush callback that records when it ran and can be held open. */
function recorder(time: ReturnType<typeof manualTime>) {
  const calls: number[] = [];
  let release: (() => void) | undefined;
  let hold = false;
  const flush = () => {
    calls.push(time.elapsed);
    if (!hold) return undefined;
    return new Promise<void>((resolve) => (release = resolve));
  };
  return {
    flush,
    calls,
    holdNext: () => (hold = true),
    release: () => {
      hold = false;
      release?.();
    },
  };
}

describe('createBatcher()', () => {
  it('sends at once when the pending events reach batchSize', async () => {
    const time = manualTime();
    const r = recorder(time);
    const batcher = createBatcher({ flush: r.flush, batchSize: 3, timers: time.timers });
    batcher.add(10);
    batcher.add(10);
    expect(r.calls).toEqual([]);
    batcher.add(10);
    expect(r.calls).toEqual([0]);
    expect(batcher.pending).toEqual({ events: 0, bytes: 0 });
  });

  it('sends at once when the pending bytes reach maxBatchBytes', () => {
    const time = manualTime();
    const r = recorder(time);
    const batcher = createBatcher({ flush: r.flush, maxBatchBytes: 1000, timers: time.timers });
    batcher.add(600);
    expect(r.calls).toEqual([]);
    batcher.add(400);
    expect(r.calls).toEqual([0]);
  });

  it('sends flushIntervalMs after the first pending event, not after the last', async () => {
    const time = manualTime();
    const r = recorder(time);
    const batcher = createBatcher({ flush: r.flush, flushIntervalMs: 1000, timers: time.timers });
    batcher.add(10);
    await time.advanceAsync(600);
    batcher.add(10);
    await time.advanceAsync(399);
    expect(r.calls).toEqual([]);
    await time.advanceAsync(1);
    expect(r.calls).toEqual([1000]);
    await time.advanceAsync(5000);
    expect(r.calls).toEqual([1000]); // nothing pending, no timer
  });

  it('holds automatic sends during a deferral, then sends even with nothing new pending', async () => {
    const time = manualTime();
    const r = recorder(time);
    const batcher = createBatcher({ flush: r.flush, batchSize: 2, timers: time.timers });
    batcher.defer(5000);
    batcher.add(10);
    batcher.add(10);
    batcher.add(10);
    await time.advanceAsync(4999);
    expect(r.calls).toEqual([]);
    await time.advanceAsync(1);
    expect(r.calls).toEqual([5000]);
  });

  it('flush() sends now, ending a deferral', async () => {
    const time = manualTime();
    const r = recorder(time);
    const batcher = createBatcher({ flush: r.flush, timers: time.timers });
    batcher.defer(60_000);
    await batcher.flush();
    expect(r.calls).toEqual([0]);
    await time.advanceAsync(60_000);
    expect(r.calls).toEqual([0]);
  });

  it('runs one flush at a time: a batch that fills meanwhile goes right after', async () => {
    const time = manualTime();
    const r = recorder(time);
    const batcher = createBatcher({ flush: r.flush, batchSize: 2, timers: time.timers });
    r.holdNext();
    batcher.add(1);
    batcher.add(1); // starts the first flush, held open
    batcher.add(1);
    batcher.add(1); // full again while it runs
    expect(r.calls).toEqual([0]);
    await time.advanceAsync(100);
    r.release();
    await time.settle();
    expect(r.calls).toEqual([0, 100]);
  });

  it('does not send right after a flush that deferred, even if a batch filled meanwhile', async () => {
    const time = manualTime();
    const calls: number[] = [];
    let release: () => void = () => {};
    const batcher: ReturnType<typeof createBatcher> = createBatcher({
      flush: () => {
        calls.push(time.elapsed);
        if (calls.length > 1) return undefined;
        return new Promise<void>((resolve) => {
          release = () => {
            batcher.defer(2000); // the transport asked to wait
            resolve();
          };
        });
      },
      batchSize: 1,
      timers: time.timers,
    });
    batcher.add(1);
    batcher.add(1);
    release();
    await time.settle();
    expect(calls).toEqual([0]);
    await time.advanceAsync(2000);
    expect(calls).toEqual([0, 2000]);
  });

  it('flush() during a running flush resolves after a further flush', async () => {
    const time = manualTime();
    const r = recorder(time);
    const batcher = createBatcher({ flush: r.flush, batchSize: 1, timers: time.timers });
    r.holdNext();
    batcher.add(1);
    let done = false;
    const flushed = batcher.flush().then(() => (done = true));
    await time.settle();
    expect(done).toBe(false);
    r.release();
    await flushed;
    expect(r.calls).toEqual([0, 0]);
  });

  it('swallows what the flush callback throws and keeps sending', async () => {
    const time = manualTime();
    let calls = 0;
    const batcher = createBatcher({
      flush: () => {
        calls++;
        throw new Error('buffer broke');
      },
      batchSize: 1,
      timers: time.timers,
    });
    batcher.add(1);
    await time.settle();
    await expect(batcher.flush()).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });

  it('dispose() cancels the timer and ignores later calls', async () => {
    const time = manualTime();
    const r = recorder(time);
    const batcher = createBatcher({ flush: r.flush, timers: time.timers });
    batcher.add(1);
    expect(time.pending).toBe(1);
    batcher.dispose();
    expect(time.pending).toBe(0);
    batcher.add(1);
    batcher.defer(10);
    await batcher.flush();
    await time.advanceAsync(10_000);
    expect(r.calls).toEqual([]);
  });

  it('never keeps a process alive with its timers', () => {
    const time = manualTime();
    const kept: boolean[] = [];
    const timers = { ...time.timers, keepAlive: (_: unknown, keep: boolean) => kept.push(keep) };
    const batcher = createBatcher({ flush: () => {}, timers });
    batcher.add(1);
    batcher.defer(100);
    expect(kept).toEqual([false, false]);
  });
});

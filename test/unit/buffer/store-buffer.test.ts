import { describe, expect, it } from 'vitest';
import { memoryStore, storeBuffer, type EventStore } from '../../../src/buffer/index.js';
import { numbers, wireEvent } from './wire-events.js';

/** A store that works like memory, says it is IndexedDB, and fails when told to. */
function flakyStore() {
  const inner = memoryStore();
  const calls: { op: string; size: number }[] = [];
  const control = { failing: false };
  const guard = <T>(op: string, size: number, run: () => Promise<T>): Promise<T> => {
    calls.push({ op, size });
    if (control.failing) throw new DOMException('The connection is closing.', 'InvalidStateError');
    return run();
  };
  const store: EventStore = {
    kind: 'indexeddb',
    write: (batch) => guard('write', batch.entries.length, () => inner.write(batch)),
    read: (limits, skip) => guard('read', 0, () => inner.read(limits, skip)),
    lend: (inFlight) => guard('lend', inFlight.size, () => inner.lend(inFlight)),
    remove: (ids, settle) => guard('remove', ids.length, () => inner.remove(ids, settle)),
    totals: () => guard('totals', 0, () => inner.totals()),
    close: () => calls.push({ op: 'close', size: 0 }),
  };
  return { store, calls, control };
}

describe('storeBuffer()', () => {
  it('opens the store lazily, on first use', async () => {
    let opened = 0;
    const buffer = storeBuffer(
      () => {
        opened++;
        return flakyStore().store;
      },
      { kind: 'indexeddb' },
    );
    expect(opened).toBe(0);
    expect(buffer.storage).toBe('indexeddb');
    await buffer.size();
    await buffer.size();
    expect(opened).toBe(1);
  });

  it('writes the puts of one tick in one store write', async () => {
    const { store, calls } = flakyStore();
    const buffer = storeBuffer(() => store, { kind: 'indexeddb' });
    await Promise.all(Array.from({ length: 50 }, (_, n) => buffer.put(wireEvent(n))));
    expect(calls.filter((c) => c.op === 'write')).toEqual([{ op: 'write', size: 50 }]);
  });

  it('falls back to memory when the store cannot be opened', async () => {
    const buffer = storeBuffer(
      () => Promise.reject(new DOMException('Access denied', 'SecurityError')),
      { kind: 'indexeddb' },
    );
    expect(await buffer.put(wireEvent(1))).toEqual({ status: 'stored', evicted: 0 });
    expect(buffer.storage).toBe('memory');
    const stats = await buffer.stats();
    expect(stats).toMatchObject({ storage: 'memory', events: 1 });
    expect(stats.fallbackReason).toBe('SecurityError: Access denied');
  });

  it('falls back to memory when open throws synchronously', async () => {
    const buffer = storeBuffer(() => {
      throw new TypeError('indexedDB is not defined');
    });
    await buffer.put(wireEvent(1));
    expect((await buffer.stats()).fallbackReason).toBe('TypeError: indexedDB is not defined');
  });

  it('keeps the events of a write that failed by replaying it in memory', async () => {
    const { store, control } = flakyStore();
    const buffer = storeBuffer(() => store, { kind: 'indexeddb' });
    await buffer.put(wireEvent(1));
    control.failing = true;
    const results = await Promise.all([buffer.put(wireEvent(2)), buffer.put(wireEvent(3))]);
    expect(results.map((r) => r.status)).toEqual(['stored', 'stored']);
    expect(buffer.storage).toBe('memory');
    expect(numbers((await buffer.take()).events)).toEqual([2, 3]);
    expect((await buffer.stats()).fallbackReason).toMatch(/^InvalidStateError: /);
  });

  it('carries drops counted before the failure over to memory', async () => {
    const { store, control } = flakyStore();
    const buffer = storeBuffer(() => store, { kind: 'indexeddb' });
    control.failing = true;
    await buffer.recordDrop('sampled', 2);
    expect((await buffer.take()).dropped).toEqual({ sampled: 2 });
  });

  it('never rejects when reads, removals or totals fail', async () => {
    for (const op of ['take', 'peek', 'ack', 'drop', 'size', 'stats'] as const) {
      const { store, control } = flakyStore();
      const buffer = storeBuffer(() => store, { kind: 'indexeddb' });
      await buffer.put(wireEvent(1));
      control.failing = true;
      const run = {
        take: () => buffer.take(),
        peek: () => buffer.peek(),
        ack: () => buffer.ack(['event-000001']),
        drop: () => buffer.drop(['event-000001'], 'invalid'),
        size: () => buffer.size(),
        stats: () => buffer.stats(),
      }[op];
      await expect(run(), op).resolves.toBeDefined();
      expect(buffer.storage, op).toBe('memory');
    }
  });

  it('closes the store once, after writing what was pending', async () => {
    const { store, calls } = flakyStore();
    const buffer = storeBuffer(() => store, { kind: 'indexeddb' });
    const put = buffer.put(wireEvent(1));
    await buffer.close();
    expect(await put).toEqual({ status: 'stored', evicted: 0 });
    expect(calls.map((c) => c.op)).toEqual(['write', 'close']);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonBytes, numbers, wireEvent } from '../../buffer/wire-events.js';
import { origin } from './idb-origin.js';

// The IndexedDB buffer when the origin's storage quota is hit (SPEC §3: pruned oldest and
// lowest severity first, each recovery bounded, else memory).

afterEach(() => {
  vi.restoreAllMocks();
});

/** Makes the next `failures` calls of `method` throw QuotaExceededError, as a full disk would. */
function quotaFor(failures: number, method: 'add' | 'put' = 'add') {
  const original = IDBObjectStore.prototype[method];
  let left = failures;
  return vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['add']>
  ) {
    if (left-- > 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.apply(this, args);
  });
}

describe('indexedDbBuffer() at the storage quota', () => {
  const severities = ['low', 'critical', 'low', 'info', 'high'] as const;

  it('prunes the lowest-severity, oldest events first and counts them (SPEC §3)', async () => {
    const buffer = origin()();
    for (const [i, severity] of severities.entries()) await buffer.put(wireEvent(i + 1, severity));
    const small = jsonBytes(wireEvent(1, 'low'));
    const base = jsonBytes(wireEvent(6, 'medium', ''));
    const big = wireEvent(6, 'medium', 'x'.repeat(Math.round(small * 1.5) - base));

    quotaFor(1);
    expect(await buffer.put(big)).toMatchObject({ status: 'stored' });
    // Needed 1.5 events' worth: the info event (4), then the oldest low one (1).
    expect(numbers((await buffer.peek()).events)).toEqual([2, 3, 5, 6]);
    const stats = await buffer.stats();
    expect(stats).toMatchObject({ storage: 'indexeddb', dropped: { storage_quota: 2 } });
    expect(stats.unreported).toEqual({ storage_quota: 2 });
  });

  it('still hands out a batch when the quota refuses to record it as lent', async () => {
    const buffer = origin()();
    for (const [i, severity] of severities.entries()) await buffer.put(wireEvent(i + 1, severity));
    quotaFor(1, 'put');
    expect(numbers((await buffer.take({ maxEvents: 2 })).events)).toEqual([1, 2]);
    expect(buffer.storage).toBe('indexeddb');
  });

  it('spares the events being sent when it prunes', async () => {
    const buffer = origin()();
    for (const [n, severity] of [
      [1, 'info'],
      [2, 'low'],
      [3, 'critical'],
    ] as const) {
      await buffer.put(wireEvent(n, severity));
    }
    const sending = await buffer.take({ maxEvents: 1 });
    expect(numbers(sending.events)).toEqual([1]);
    quotaFor(1);
    expect(await buffer.put(wireEvent(4, 'low'))).toMatchObject({ status: 'stored' });
    // The info event (1) is the lowest, but it is being sent: the low one (2) went instead.
    expect(await buffer.ack(sending.ids)).toBe(1);
    expect(numbers((await buffer.peek()).events)).toEqual([3, 4]);
    expect((await buffer.stats()).dropped).toEqual({ storage_quota: 1 });
  });

  it('prunes and retries an acknowledgement the quota refused, staying on disk', async () => {
    const buffer = origin()();
    for (const [i, severity] of severities.entries()) await buffer.put(wireEvent(i + 1, severity));
    const batch = await buffer.take({ maxEvents: 1 });
    quotaFor(1, 'put');
    expect(await buffer.ack(batch.ids)).toBe(1);
    expect(buffer.storage).toBe('indexeddb');
    // Event 1 was sent; the info event (4) went to make room, and is counted.
    expect(numbers((await buffer.peek()).events)).toEqual([2, 3, 5]);
    expect((await buffer.stats()).dropped).toEqual({ storage_quota: 1 });
  });

  it('falls back to memory, keeping the new event, when pruning does not help', async () => {
    const tab = origin({ quotaRetries: 2 });
    const buffer = tab();
    for (const [i, severity] of severities.entries()) await buffer.put(wireEvent(i + 1, severity));
    quotaFor(Infinity);
    expect(await buffer.put(wireEvent(6))).toEqual({ status: 'stored', evicted: 0 });
    expect(buffer.storage).toBe('memory');
    const stats = await buffer.stats();
    expect(stats.fallbackReason).toMatch(/^QuotaExceededError: /);
    expect(numbers((await buffer.take()).events)).toEqual([6]);

    // Two rounds of pruning, each counted; what is left on disk is the most severe.
    vi.restoreAllMocks();
    const later = tab();
    await later.put(wireEvent(7, 'critical'));
    const onDisk = await later.peek();
    const pruned = stats.dropped.storage_quota ?? 0;
    expect(pruned).toBeGreaterThanOrEqual(2);
    expect(onDisk.events.length - 1 + pruned).toBe(5);
    // The pruning is recorded on disk by the next write that succeeds, for the next batch.
    expect(onDisk.dropped).toEqual({ storage_quota: pruned });
    const pruneOrder = [4, 1, 3, 5, 2]; // info, then low (oldest first), high, critical
    const kept = [...pruneOrder.slice(pruned).sort((x, y) => x - y), 7];
    expect(numbers(onDisk.events)).toEqual(kept);
  });
});

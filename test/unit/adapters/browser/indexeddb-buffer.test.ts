import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { indexedDbBuffer } from '../../../../src/adapters/browser/indexeddb-buffer.js';
import { LEND_MS } from '../../../../src/adapters/browser/lent-record.js';
import { manualTime } from '../../../support/manual-time.js';
import { origin } from './idb-origin.js';
import { assertNoLoss } from '../../buffer/no-loss-property.js';
import { numbers, wireEvent } from '../../buffer/wire-events.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('indexedDbBuffer()', () => {
  it('keeps events across a reload until they are acknowledged', async () => {
    const tab = origin();
    const before = tab();
    for (let n = 1; n <= 3; n++) await before.put(wireEvent(n, 'high'));
    expect(before.storage).toBe('indexeddb');
    await before.close();

    const after = tab();
    const batch = await after.take();
    expect(batch.events).toEqual([1, 2, 3].map((n) => wireEvent(n, 'high')));
    await after.close();

    const again = tab();
    const sameBatch = await again.take();
    expect(numbers(sameBatch.events)).toEqual([1, 2, 3]);
    expect(await again.ack(sameBatch.ids)).toBe(3);
    await again.close();
    expect(await tab().size()).toBe(0);
  });

  it('shares one buffer between tabs, oldest first', async () => {
    const tab = origin();
    const a = tab();
    const b = tab();
    await a.put(wireEvent(1));
    await b.put(wireEvent(2));
    await a.put(wireEvent(3));
    expect(await b.put(wireEvent(1))).toEqual({ status: 'duplicate' });
    expect(numbers((await b.take()).events)).toEqual([1, 2, 3]);
    expect(await a.size()).toBe(3);
  });

  it('enforces the bounds over what all tabs wrote', async () => {
    const tab = origin({ maxEvents: 3 });
    const a = tab();
    const b = tab();
    await Promise.all([a.put(wireEvent(1)), a.put(wireEvent(2))]);
    await Promise.all([b.put(wireEvent(3)), b.put(wireEvent(4))]);
    expect(numbers((await a.peek()).events)).toEqual([2, 3, 4]);
    expect((await b.stats()).dropped).toEqual({ buffer_overflow: 1 });
    expect((await a.stats()).unreported).toEqual({ buffer_overflow: 1 });
  });

  it('refuses new events under drop_newest', async () => {
    const buffer = origin({ maxEvents: 2, overflow: 'drop_newest' })();
    const results = await Promise.all([1, 2, 3].map((n) => buffer.put(wireEvent(n))));
    expect(results[2]).toEqual({ status: 'dropped', reason: 'buffer_overflow' });
    expect(numbers((await buffer.peek()).events)).toEqual([1, 2]);
  });

  it('spares events in flight when it evicts the oldest', async () => {
    const buffer = origin({ maxEvents: 3 })();
    for (let n = 1; n <= 3; n++) await buffer.put(wireEvent(n));
    const sending = await buffer.take({ maxEvents: 1 });
    await buffer.put(wireEvent(4));
    expect(numbers((await buffer.peek()).events)).toEqual([1, 3, 4]);
    expect(await buffer.ack(sending.ids)).toBe(1);
  });

  it('spares the events another tab has in flight, and refuses when only those are left', async () => {
    const tab = origin({ maxEvents: 3 });
    const sender = tab();
    const writer = tab();
    for (let n = 1; n <= 3; n++) await sender.put(wireEvent(n));
    const sending = await sender.take({ maxEvents: 2 });
    expect(await writer.put(wireEvent(4))).toEqual({ status: 'stored', evicted: 1 });
    expect(numbers((await writer.peek()).events)).toEqual([1, 2, 4]);
    // Now every event is in flight in the other tab: the new one is refused.
    const more = await sender.take();
    expect(await writer.put(wireEvent(5))).toEqual({
      status: 'dropped',
      reason: 'buffer_overflow',
    });
    // Sent once, counted once: nothing in flight was evicted and counted as dropped too.
    expect(await sender.ack([...sending.ids, ...more.ids])).toBe(3);
    expect(await writer.size()).toBe(0);
    expect((await writer.stats()).unreported).toEqual({ buffer_overflow: 2 });
  });

  it('spares what each of two sending tabs has in flight, and no longer what one released', async () => {
    const tab = origin({ maxEvents: 3 });
    const [first, second, writer] = [tab(), tab(), tab()];
    for (let n = 1; n <= 3; n++) await writer.put(wireEvent(n));
    const sending = await first.take({ maxEvents: 2 });
    await second.take({ maxEvents: 1 }); // a lead lost mid-send: both tabs send for a moment
    expect(await writer.put(wireEvent(4))).toEqual({ status: 'stored', evicted: 1 });
    expect(numbers((await writer.peek()).events)).toEqual([1, 2, 4]);
    first.release(sending.ids);
    await first.size(); // after the release's record
    await writer.put(wireEvent(5));
    expect(numbers((await writer.peek()).events)).toEqual([1, 4, 5]); // 1: still in the second tab
  });

  it('counts a dropped event that folds repeats by its occurrences', async () => {
    const buffer = origin({ maxEvents: 1 })();
    await buffer.put({ ...wireEvent(1), occurrences: 5 });
    await buffer.put({ ...wireEvent(2), occurrences: 3 }); // evicts the first
    expect(await buffer.drop(['event-000002'], 'invalid')).toBe(1);
    expect((await buffer.stats()).unreported).toEqual({ buffer_overflow: 5, invalid: 3 });
  });

  it("stops sparing another tab's events once its lease is over", async () => {
    const time = manualTime();
    const tab = origin({ maxEvents: 2, clock: time.clock });
    const sender = tab();
    const writer = tab();
    await sender.put(wireEvent(1));
    await sender.put(wireEvent(2));
    await sender.take();
    expect(await writer.put(wireEvent(3))).toEqual({
      status: 'dropped',
      reason: 'buffer_overflow',
    });
    time.advance(LEND_MS);
    expect(await writer.put(wireEvent(4))).toEqual({ status: 'stored', evicted: 1 });
    expect(numbers((await writer.peek()).events)).toEqual([2, 4]);
  });

  it('keeps unreported drop counts across a reload and forgets them once acknowledged', async () => {
    const tab = origin();
    const first = tab();
    await first.recordDrop('sampled', 2);
    await first.put(wireEvent(1));
    await first.drop(['event-000001'], 'invalid');
    await first.close();

    const second = tab();
    const batch = await second.take();
    expect(batch).toMatchObject({ events: [], dropped: { sampled: 2, invalid: 1 } });
    await second.ack(batch.ids, batch.dropped);
    await second.close();
    expect((await tab().take()).dropped).toEqual({});
  });

  it('counts an event IndexedDB cannot clone as invalid and stores the rest', async () => {
    const buffer = origin()();
    const odd = { ...wireEvent(2), context: { callback: () => 1 } };
    const results = await Promise.all([
      buffer.put(wireEvent(1)),
      buffer.put(odd as never),
      buffer.put(wireEvent(3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['stored', 'dropped', 'stored']);
    expect(numbers((await buffer.peek()).events)).toEqual([1, 3]);
    expect(await buffer.stats()).toMatchObject({ storage: 'indexeddb', dropped: { invalid: 1 } });
  });

  it('recounts its depth, counting vanished events, when the totals disagree with the events', async () => {
    const factory = new IDBFactory();
    const first = indexedDbBuffer({ name: 'test', indexedDB: factory });
    for (let n = 1; n <= 3; n++) await first.put(wireEvent(n));
    await first.close();
    await new Promise<void>((resolve) => {
      const request = factory.open('test');
      request.onsuccess = () => {
        const tx = request.result.transaction('events', 'readwrite');
        tx.objectStore('events').clear();
        tx.oncomplete = () => {
          request.result.close();
          resolve();
        };
      };
    });
    const second = indexedDbBuffer({ name: 'test', indexedDB: factory, maxEvents: 2 });
    await second.put(wireEvent(4));
    await second.put(wireEvent(5));
    const stats = await second.stats();
    expect(stats).toMatchObject({ events: 2, dropped: {} });
    // Events that vanished from disk are accounted for, as storage drops.
    expect(stats.unreported).toEqual({ storage_quota: 3 });
  });
});

describe('indexedDbBuffer() falling back to memory', () => {
  it('uses memory when IndexedDB is missing', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const buffer = indexedDbBuffer();
    expect(await buffer.put(wireEvent(1))).toEqual({ status: 'stored', evicted: 0 });
    expect(buffer.storage).toBe('memory');
    expect((await buffer.stats()).fallbackReason).toMatch(/^NotFoundError: /);
  });

  it('uses memory when opening throws (a SecurityError in an opaque origin)', async () => {
    const factory = {
      open() {
        throw new DOMException('Access to IndexedDB denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const buffer = indexedDbBuffer({ indexedDB: factory });
    await buffer.put(wireEvent(1));
    expect(numbers((await buffer.take()).events)).toEqual([1]);
    expect((await buffer.stats()).fallbackReason).toBe('SecurityError: Access to IndexedDB denied');
  });

  it('uses memory when the database on disk is a newer version', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve) => {
      const request = factory.open('test', 7);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    const buffer = indexedDbBuffer({ name: 'test', indexedDB: factory });
    await buffer.put(wireEvent(1));
    expect(await buffer.stats()).toMatchObject({ storage: 'memory', events: 1 });
    expect((await buffer.stats()).fallbackReason).toMatch(/^VersionError: /);
  });

  it('uses memory when other tabs block the open past the timeout', async () => {
    const time = manualTime();
    const stuck = { open: () => ({}) as IDBOpenDBRequest } as unknown as IDBFactory;
    const buffer = indexedDbBuffer({ indexedDB: stuck, timers: time.timers, openTimeoutMs: 2000 });
    const put = buffer.put(wireEvent(1));
    await time.advanceAsync(2000);
    expect(await put).toEqual({ status: 'stored', evicted: 0 });
    expect((await buffer.stats()).fallbackReason).toMatch(/^TimeoutError: .*2000 ms/);
  });

  it('moves to memory, keeping new events, when a newer version closes its connection', async () => {
    const factory = new IDBFactory();
    const buffer = indexedDbBuffer({ name: 'test', indexedDB: factory });
    await buffer.put(wireEvent(1));
    // A newer SDK in another tab upgrades the database: this connection steps aside.
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('test', 2);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    expect(await buffer.put(wireEvent(2))).toEqual({ status: 'stored', evicted: 0 });
    expect(buffer.storage).toBe('memory');
    expect(numbers((await buffer.take()).events)).toEqual([2]);
    expect((await buffer.stats()).fallbackReason).toMatch(/^InvalidStateError: /);
  });
});

describe('indexedDbBuffer() properties', () => {
  it('never loses an event without a counted drop, and reports every drop exactly once', async () => {
    await assertNoLoss(
      (bounds) => indexedDbBuffer({ ...bounds, name: 'p', indexedDB: new IDBFactory() }),
      60,
      {
        maxSteps: 40,
        after: async (buffer) => expect(buffer.storage).toBe('indexeddb'),
      },
    );
  });
});

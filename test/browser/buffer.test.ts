import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { EventBuffer } from '../../src/buffer/buffer.js';
import { useHarness, type PageGlobals } from './buffer-page.js';

// The IndexedDB buffer in real Chromium, from the built dist/ modules: reloads, a renderer
// crash, IndexedDB failures and a real storage quota.
const harness = useHarness();
const open = (context: BrowserContext): Promise<Page> => harness.open(context);

describe('the IndexedDB buffer in Chromium', () => {
  it('keeps events through reloads and a renderer crash until they are acknowledged', async () => {
    const context = await harness.browser.newContext();
    let page = await open(context);
    const storage = await page.evaluate(async () => {
      const { faultline, wireEvent } = window as unknown as PageGlobals;
      const buffer = faultline.indexedDbBuffer({ name: 'reload' });
      for (let n = 1; n <= 3; n++) await buffer.put(wireEvent(n, 'high'));
      await buffer.recordDrop('sampled', 2);
      return buffer.storage;
    });
    expect(storage).toBe('indexeddb');

    await page.reload();
    await page.waitForFunction(() => (window as { ready?: boolean }).ready === true);
    const afterReload = await page.evaluate(async () => {
      const { faultline, wireEvent } = window as unknown as PageGlobals;
      const buffer = faultline.indexedDbBuffer({ name: 'reload' });
      const batch = await buffer.take();
      await buffer.put(wireEvent(4, 'critical'));
      return { ids: batch.ids, dropped: batch.dropped, storage: buffer.storage };
    });
    expect(afterReload).toEqual({
      ids: ['event-000001', 'event-000002', 'event-000003'],
      dropped: { sampled: 2 },
      storage: 'indexeddb',
    });

    // Kill the renderer without any chance to clean up: a taken batch was never acknowledged.
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    page = await open(context);
    const afterCrash = await page.evaluate(async () => {
      const { faultline } = window as unknown as PageGlobals;
      const buffer = faultline.indexedDbBuffer({ name: 'reload' });
      const batch = await buffer.take();
      await buffer.ack(batch.ids, batch.dropped);
      return { events: batch.events, dropped: batch.dropped };
    });
    expect(afterCrash.events.map((e) => [e.id, e.severity])).toEqual([
      ['event-000001', 'high'],
      ['event-000002', 'high'],
      ['event-000003', 'high'],
      ['event-000004', 'critical'],
    ]);
    expect(afterCrash.dropped).toEqual({ sampled: 2 });

    await page.reload();
    await page.waitForFunction(() => (window as { ready?: boolean }).ready === true);
    const emptied = await page.evaluate(async () => {
      const { faultline } = window as unknown as PageGlobals;
      return (await faultline.indexedDbBuffer({ name: 'reload' }).stats()).unreported;
    });
    expect(emptied).toEqual({});
    expect(
      await page.evaluate(() =>
        (window as unknown as PageGlobals).faultline.indexedDbBuffer({ name: 'reload' }).size(),
      ),
    ).toBe(0);
    await context.close();
  });

  it('falls back to memory when IndexedDB throws, fails to open, or is missing', async () => {
    const context = await harness.browser.newContext();
    const page = await open(context);
    const results = await page.evaluate(async () => {
      const { faultline, wireEvent } = window as unknown as PageGlobals;
      const run = async (name: string) => {
        const buffer = faultline.indexedDbBuffer({ name });
        const put = await buffer.put(wireEvent(1));
        const batch = await buffer.take();
        const stats = await buffer.stats();
        return {
          put: put.status,
          ids: batch.ids,
          storage: stats.storage,
          why: stats.fallbackReason,
        };
      };
      // A database on disk from a newer version: a genuine Chromium VersionError.
      await new Promise<void>((resolve) => {
        const request = indexedDB.open('newer', 5);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
      });
      const versionError = await run('newer');
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = () => {
        throw new DOMException('The user denied permission.', 'SecurityError');
      };
      const throwing = await run('throwing');
      IDBFactory.prototype.open = open;
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      const missing = await run('missing');
      const leader = faultline.tabLeader({ locks: null });
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { versionError, throwing, missing, leader: [leader.mechanism, leader.isLeader] };
    });
    const kept = { put: 'stored', ids: ['event-000001'], storage: 'memory' };
    expect(results.versionError).toMatchObject(kept);
    expect(results.versionError.why).toMatch(/^VersionError: /);
    expect(results.throwing).toEqual({
      ...kept,
      why: 'SecurityError: The user denied permission.',
    });
    expect(results.missing).toEqual({ ...kept, why: 'NotFoundError: IndexedDB is unavailable' });
    expect(results.leader).toEqual(['solo', true]);
    await context.close();
  });

  it('prunes at a real storage quota, lowest severity first, and counts every pruned event', async () => {
    const context = await harness.browser.newContext();
    const page = await open(context);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: harness.origin,
      quotaSize: 256 * 1024,
    });
    const result = await page.evaluate(async () => {
      const { faultline, wireEvent } = window as unknown as PageGlobals;
      const noise = () =>
        Array.from(crypto.getRandomValues(new Uint8Array(1500)), (b) =>
          b.toString(16).padStart(2, '0'),
        ).join('');
      const buffer = faultline.indexedDbBuffer({ name: 'quota' });
      const statuses = new Set<string>();
      for (let n = 1; n <= 150; n++) {
        statuses.add((await buffer.put(wireEvent(n, n % 2 ? 'low' : 'high', noise()))).status);
      }
      const stats = await buffer.stats();
      const onDisk = await faultline.indexedDbBuffer({ name: 'quota' }).peek({ maxEvents: 1000 });
      return {
        statuses: [...statuses],
        storage: stats.storage,
        inMemory: stats.storage === 'memory' ? stats.events : 0,
        pruned: stats.dropped.storage_quota ?? 0,
        reportedOnDisk: onDisk.dropped.storage_quota ?? 0,
        disk: onDisk.events.map((e) => e.severity),
      };
    });
    expect(result.statuses).toEqual(['stored']);
    expect(result.storage).toBe('indexeddb');
    expect(result.pruned).toBeGreaterThan(0);
    expect(result.reportedOnDisk).toBe(result.pruned);
    // Nothing lost uncounted: every event is on disk or was pruned and counted.
    expect(result.disk.length + result.inMemory + result.pruned).toBe(150);
    const high = result.disk.filter((s) => s === 'high').length;
    expect(high).toBeGreaterThan(result.disk.length - high);
    await context.close();
  });

  it('spares the events the sending tab has in flight when another tab overflows', async () => {
    const context = await harness.browser.newContext();
    const [sender, writer] = [await open(context), await open(context)];
    const taken = await sender.evaluate(async () => {
      const { faultline, wireEvent } = window as unknown as PageGlobals;
      const buffer = faultline.indexedDbBuffer({ name: 'lent', maxEvents: 3 });
      for (let n = 1; n <= 3; n++) await buffer.put(wireEvent(n));
      const batch = await buffer.take({ maxEvents: 2 });
      (window as unknown as { pending: unknown }).pending = { buffer, batch };
      return batch.ids;
    });
    expect(taken).toEqual(['event-000001', 'event-000002']);
    const written = await writer.evaluate(async () => {
      const { faultline, wireEvent } = window as unknown as PageGlobals;
      const buffer = faultline.indexedDbBuffer({ name: 'lent', maxEvents: 3 });
      const results = [await buffer.put(wireEvent(4)), await buffer.put(wireEvent(5))];
      return { results, ids: (await buffer.peek()).ids };
    });
    // Only event 3, then 4, could go: 1 and 2 are being sent by the other tab.
    expect(written.results).toEqual([
      { status: 'stored', evicted: 1 },
      { status: 'stored', evicted: 1 },
    ]);
    expect(written.ids).toEqual(['event-000001', 'event-000002', 'event-000005']);
    const acked = await sender.evaluate(async () => {
      const { pending } = window as unknown as {
        pending: { buffer: EventBuffer; batch: { ids: string[] } };
      };
      const removed = await pending.buffer.ack(pending.batch.ids);
      return { removed, stats: await pending.buffer.stats() };
    });
    expect(acked.removed).toBe(2);
    expect(acked.stats).toMatchObject({ events: 1, unreported: { buffer_overflow: 2 } });
    await context.close();
  });
});

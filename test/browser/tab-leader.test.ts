import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { WireEvent } from '../../src/wire/event-schema.js';
import {
  elect,
  useHarness,
  expectNoOverlap,
  samplesOf,
  spans,
  type PageGlobals,
} from './buffer-page.js';

// The election of the sending tab in real Chromium, across pages of one origin: Web Locks, and
// IndexedDB leases where they are missing.
const harness = useHarness();
const open = (context: BrowserContext): Promise<Page> => harness.open(context);

describe('the sending-tab election in Chromium', () => {
  it('lets one tab at a time lead with Web Locks, and sends each event of every tab once', async () => {
    const context = await harness.browser.newContext();
    const [a, b] = [await open(context), await open(context)];
    for (const page of [a, b]) {
      await elect(page, 'faultline:sender', false);
      await page.evaluate(() => {
        const g = window as unknown as PageGlobals;
        const buffer = g.faultline.indexedDbBuffer({ name: 'shared' });
        g.sent = [];
        const send = async () => {
          if (g.leader.isLeader) {
            const batch = await buffer.take({ maxEvents: 7 });
            g.sent.push(...batch.ids);
            await buffer.ack(batch.ids, batch.dropped);
          }
          setTimeout(send, 5);
        };
        void send();
        (window as unknown as { buffer: typeof buffer }).buffer = buffer;
      });
    }
    const putAll = (page: Page, from: number, to: number) =>
      page.evaluate(
        async ({ from, to }) => {
          const g = window as unknown as PageGlobals & { buffer: { put(e: WireEvent): unknown } };
          for (let n = from; n <= to; n++) await g.buffer.put(g.wireEvent(n));
        },
        { from, to },
      );
    const depth = (page: Page) =>
      page.evaluate(() =>
        (window as unknown as { buffer: { size(): Promise<number> } }).buffer.size(),
      );
    await Promise.all([putAll(a, 1, 20), putAll(b, 21, 40)]);
    await expect.poll(() => depth(a), { timeout: 10_000 }).toBe(0);
    expect(await a.evaluate(() => (window as unknown as PageGlobals).leader.mechanism)).toBe(
      'web_locks',
    );
    const sentBy = async (page: Page) =>
      page.evaluate(() => (window as unknown as PageGlobals).sent);
    const [sentA, sentB] = [await sentBy(a), await sentBy(b)];
    expect([sentA.length === 0, sentB.length === 0].sort()).toEqual([false, true]);
    const first = sentA.length > 0 ? a : b;
    const second = first === a ? b : a;
    expectNoOverlap(await samplesOf(a), await samplesOf(b));

    // The leading tab closes: the other takes over and sends what is buffered from then on.
    const firstSent = first === a ? sentA : sentB;
    await first.close();
    await second.waitForFunction(() => (window as unknown as PageGlobals).leader.isLeader);
    await putAll(second, 41, 50);
    await expect.poll(() => depth(second), { timeout: 10_000 }).toBe(0);
    const secondSent = await sentBy(second);
    const all = [...firstSent, ...secondSent].sort();
    expect(all).toEqual(
      Array.from({ length: 50 }, (_, i) => `event-${String(i + 1).padStart(6, '0')}`),
    );
    await context.close();
  });

  it('never lets two tabs lead at once with leases, even when the leader is throttled', async () => {
    const context = await harness.browser.newContext();
    const [a, b] = [await open(context), await open(context)];
    await elect(a, 'lease-test', true);
    await a.waitForFunction(() => (window as unknown as PageGlobals).leader.isLeader);
    await elect(b, 'lease-test', true);
    expect(await b.evaluate(() => (window as unknown as PageGlobals).leader.mechanism)).toBe(
      'lease',
    );
    await b.waitForTimeout(600);
    expect(await b.evaluate(() => (window as unknown as PageGlobals).leader.isLeader)).toBe(false);

    // Throttle the leader's timers, as Chromium does in background tabs: it cannot renew its
    // lease, yet it keeps running and being asked whether it leads.
    await a.evaluate(() => (window as unknown as PageGlobals).throttle(true));
    await b.waitForFunction(() => (window as unknown as PageGlobals).leader.isLeader, undefined, {
      timeout: 5000,
    });
    expect(await a.evaluate(() => (window as unknown as PageGlobals).leader.isLeader)).toBe(false);
    // Its late renewal then finds the lease taken.
    await a.evaluate(() => (window as unknown as PageGlobals).throttle(false));
    await a.waitForTimeout(1500);
    const [samplesA, samplesB] = [await samplesOf(a), await samplesOf(b)];
    expectNoOverlap(samplesA, samplesB);
    expect(spans(samplesA).length).toBeGreaterThan(0);
    expect(spans(samplesB).length).toBeGreaterThan(0);
    // Exactly one leader now.
    const now = await Promise.all(
      [a, b].map((p) => p.evaluate(() => (window as unknown as PageGlobals).leader.isLeader)),
    );
    expect(now.filter(Boolean)).toHaveLength(1);

    // The leader closes its tab without releasing: the other takes over once the lease expires.
    const leader = now[0] ? a : b;
    const other = leader === a ? b : a;
    await leader.close();
    await other.waitForFunction(
      () => (window as unknown as PageGlobals).leader.isLeader,
      undefined,
      {
        timeout: 5000,
      },
    );
    await context.close();
  });
});

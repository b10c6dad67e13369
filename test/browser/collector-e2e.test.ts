// Issue 5 item 7: the standalone bundle in real Chromium against the project's own collector
// (wrangler dev, local D1): offline capture across reloads and two tabs, then every event
// counted exactly once; no secret in IndexedDB; overflow drops reported; a 429 storm backed off.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_PAGE, startCollector, type CollectorProcess } from './collector-process.mjs';
import {
  batchOf,
  capture,
  letters,
  status,
  storedJson,
  until,
  type BundleWindow,
} from './e2e-helpers.js';
import { launchChromium } from './launch.js';

const EVENTS = '**/v1/events**';

let collector: CollectorProcess;
let browser: Browser;

beforeAll(async () => {
  collector = await startCollector(19_000 + (process.pid % 900));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  collector?.stop();
});

/** A fresh browser profile whose pages are served at the collector's origin. */
async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.route('**/e2e.html', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: BUNDLE_PAGE }),
  );
  return context;
}

/** Opens (or reloads) the page and starts the client with `options`. */
async function start(page: Page, options: Record<string, unknown> = {}): Promise<void> {
  await load(page);
  await initClient(page, options);
}

/** Opens (or reloads) the page and waits for the bundle. */
async function load(page: Page): Promise<void> {
  if (page.url().endsWith('/e2e.html')) await page.reload();
  else await page.goto(`${collector.base}/e2e.html`);
  await page.waitForFunction(() => (window as { ready?: boolean }).ready === true, null, {
    timeout: 90_000,
  });
}

/** Calls the bundle's `init` with the collector's endpoint and key, and `options`. */
async function initClient(page: Page, options: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    ([endpoint, key, extra]) =>
      (window as unknown as BundleWindow).faultline.init({
        endpoint,
        key,
        release: 'e2e',
        integrations: { console: false },
        transport: { flushIntervalMs: 200 },
        ...extra,
      }),
    [collector.base, collector.key, options] as const,
  );
}

describe('the browser SDK against the real collector', () => {
  it('keeps what it captures offline across reloads and tabs, then delivers each exactly once', async () => {
    const context = await newContext();
    // Sends that reached the collector, not beacons (`?key=`: never acknowledged, so they may
    // repeat events), watched from the start: one issued just before the unroute may get through.
    const sends: { at: number; batch: ReturnType<typeof batchOf> }[] = [];
    context.on('requestfinished', (request) => {
      const url = request.url();
      if (request.method() === 'POST' && url.includes('/v1/events') && !url.includes('key=')) {
        sends.push({ at: Date.now(), batch: batchOf(request) });
      }
    });
    await context.route(EVENTS, (route) => route.abort('internetdisconnected'));
    const page = await context.newPage();
    const ids: string[] = [];
    for (let round = 0; round < 4; round++) {
      await start(page); // the first visit, then three reloads
      ids.push(...(await capture(page, 'offlinecase', round * 6, 6)));
    }
    const second = await context.newPage();
    await start(second);
    ids.push(...(await capture(second, 'offlinecase', 24, 6)));
    expect(new Set(ids).size).toBe(30);

    const stored = await until(
      () => storedJson(page),
      (s) => s.count === 30,
    );
    expect(stored.count).toBe(30);
    for (const secret of [
      'jane.doe@example.com',
      '4111 1111 1111 1111',
      'hunter2',
      'abc.def.ghi',
    ]) {
      expect(stored.json).not.toContain(secret);
    }

    await context.unroute(EVENTS);
    const online = Date.now();
    for (const tab of [page, second]) await tab.evaluate(() => dispatchEvent(new Event('online')));
    // Wait for the acknowledged send itself: the beacons of the reloads (which routes do not
    // intercept) may have brought the events to the collector already, unacknowledged.
    await until(
      async () => sends.length,
      (count) => count > 0,
    );
    const issues = await until(
      () => collector.issues('offlinecase'),
      (list) => list.reduce((sum, issue) => sum + issue.count, 0) >= 30,
    );
    expect(sends[0]!.at - online).toBeLessThan(1000);
    expect(sends[0]!.batch.events.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(issues).toHaveLength(30);
    expect(issues.every((issue) => issue.count === 1)).toBe(true);
    expect(issues.every((issue) => !issue.title.includes('jane.doe'))).toBe(true);
    await until(
      () => status(page),
      (s) => s.buffered === 0,
    );
    // One sending tab: no event went out twice (ingest would absorb it, so check the wire).
    const sent = sends.flatMap((send) => send.batch.events.map((e) => e.id));
    expect(sent).toHaveLength(30);
    expect(new Set(sent).size).toBe(30);
    expect(
      (
        await until(
          () => status(page),
          (s) => s.buffered === 0,
        )
      ).buffered,
    ).toBe(0);
    await context.close();
  }, 60_000);

  it('counts buffer overflow drops and reports them to the collector', async () => {
    const context = await newContext();
    // Every request that reached the collector, from the start: one issued just before the
    // unroute below may still get through, and it may be the one that carries the counts.
    const delivered: ReturnType<typeof batchOf>[] = [];
    context.on('requestfinished', (request) => {
      if (request.url().includes('/v1/events')) delivered.push(batchOf(request));
    });
    await context.route(EVENTS, (route) => route.abort('internetdisconnected'));
    const page = await context.newPage();
    await start(page, { databaseName: 'overflow', buffer: { maxEvents: 10 } });
    await capture(page, 'overflowcase', 0, 15);
    expect(
      (
        await until(
          () => status(page),
          (s) => s.dropped.buffer_overflow === 5,
        )
      ).dropped,
    ).toEqual({ buffer_overflow: 5 });
    await context.unroute(EVENTS);
    await page.evaluate(() => (window as unknown as BundleWindow).faultline.flush(10_000));
    expect(delivered.filter((b) => b.dropped).map((b) => b.dropped)).toEqual([
      { buffer_overflow: 5 },
    ]);
    const issues = await until(
      () => collector.issues('overflowcase'),
      (list) => list.length >= 10,
    );
    // drop_oldest: the first five went, the last ten stayed
    const kept = Array.from({ length: 10 }, (_, k) => `overflowcase ${letters(k + 5)} for`);
    expect(issues.map((i) => i.title.split(' [email]')[0]).sort()).toEqual(kept.sort());
    await context.close();
  }, 60_000);

  it('backs off a 429 storm as told by Retry-After and loses nothing', async () => {
    const context = await newContext();
    const refusedAt: number[] = [];
    await context.route(EVENTS, (route) => {
      if (refusedAt.length >= 3) return route.continue();
      refusedAt.push(Date.now());
      return route.fulfill({
        status: 429,
        headers: { 'retry-after': '1', 'access-control-allow-origin': '*' },
        contentType: 'application/json',
        body: JSON.stringify({ error: { type: 'rate_limited', message: 'slow down' } }),
      });
    });
    const page = await context.newPage();
    await start(page, { databaseName: 'storm' });
    await capture(page, 'stormcase', 0, 40);
    const issues = await until(
      () => collector.issues('stormcase'),
      (list) => list.length >= 40,
      20_000,
    );
    expect(refusedAt).toHaveLength(3);
    for (let i = 1; i < refusedAt.length; i++) {
      expect(refusedAt[i]! - refusedAt[i - 1]!).toBeGreaterThanOrEqual(950);
    }
    expect(issues).toHaveLength(40);
    expect(issues.every((issue) => issue.count === 1)).toBe(true);
    await context.close();
  }, 60_000);

  it('sends what an earlier visit buffered in one batch within 1 s of the next start-up', async () => {
    const context = await newContext();
    await context.route(EVENTS, (route) => route.abort('internetdisconnected'));
    const page = await context.newPage();
    await start(page, { databaseName: 'startup' });
    const ids = await capture(page, 'startupcase', 0, 30);
    await page.close();
    await context.unroute(EVENTS);
    const sends: { at: number; batch: ReturnType<typeof batchOf> }[] = [];
    context.on('request', (request) => {
      if (request.url().includes('/v1/events'))
        sends.push({ at: Date.now(), batch: batchOf(request) });
    });
    const next = await context.newPage();
    await load(next);
    const started = Date.now();
    await initClient(next, { databaseName: 'startup' });
    await until(
      async () => sends.length,
      (n) => n > 0,
    );
    expect(sends[0]!.at - started).toBeLessThan(1000);
    expect(sends[0]!.batch.events.map((e) => e.id).sort()).toEqual([...ids].sort());
    await context.close();
  }, 60_000);

  it('runs the demo page of examples/browser unchanged: a click becomes an issue', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${collector.base}/`);
    await page.click('#pii');
    const issues = await until(
      () => collector.issues('Login failed'),
      (list) => list.length > 0,
    );
    expect(issues[0]!.title).toBe('Login failed for [email] with token=[Filtered]');
    await until(
      () => page.textContent('#issue-rows'),
      (rows) => rows?.includes('Login failed for [email]') === true,
    );
    expect(await page.textContent('#issue-rows')).toContain('Login failed for [email]');
    await context.close();
  }, 60_000);
});

import type { Browser, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BreadcrumbInput } from '../../src/client/scope.js';
import type { WireEvent } from '../../src/wire/event-schema.js';
import { launchChromium } from './launch.js';
import { startStaticServer } from './static-server.js';

// The browser integrations in real Chromium, from the built dist/ modules, reporting to a
// recording target: real uncaught errors, rejections, clicks, history, fetch, XHR and console.
const PAGE = `<!doctype html><meta charset="utf-8"><title>integrations</title>
<script type="importmap">{ "imports": { "zod/mini": "/node_modules/zod/v4/mini/index.js" } }</script>
<script>function throwLater(value) { setTimeout(() => { throw value; }); }</script>
<script type="module">
const integrations = await import('/dist/adapters/browser/integrations/index.js');
const { FaultError } = await import('/dist/index.js');
const originals = { fetch, log: console.log, pushState: history.pushState, open: XMLHttpRequest.prototype.open };
const captured = [];
const crumbs = [];
const target = {
  captureException: (error) => void captured.push(error),
  addBreadcrumb: (crumb) => void crumbs.push(crumb),
};
const uninstalls = [
  integrations.globalHandlers(target),
  integrations.consoleBreadcrumbs(target),
  integrations.fetchBreadcrumbs(target),
  integrations.xhrBreadcrumbs(target),
  integrations.clickBreadcrumbs(target),
  integrations.navigationBreadcrumbs(target),
];
Object.assign(window, {
  captured, crumbs, originals, uninstalls,
  // What the client would see of a captured value, and whether the noise filters drop it.
  wire: () => captured.map((error) => {
    const event = FaultError.from(error).toJSON();
    return { ...event, noise: integrations.browserNoise.some((filter) => filter(event)) };
  }),
  ready: true,
});
</script>
<main><form id="cart" onsubmit="return false"><input name="email">
<button id="buy" class="primary" type="button" onclick="event.stopPropagation()">Buy</button>
</form></main>`;

/** What the page script puts on `window`. */
interface PageGlobals {
  captured: unknown[];
  crumbs: BreadcrumbInput[];
  wire(): (WireEvent & { noise: boolean })[];
  originals: Record<'fetch' | 'log' | 'pushState' | 'open', unknown>;
  uninstalls: (() => void)[];
}

let browser: Browser;
let server: Server;
let origin: string;
let page: Page;
const pageErrors: string[] = [];
const consoleLines: string[] = [];

beforeAll(async () => {
  const started = await startStaticServer(
    new URL('../..', import.meta.url).pathname,
    ['dist', 'node_modules/zod'],
    { '/': PAGE },
  );
  server = started.server;
  origin = started.origin;
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  // A script from another origin, served without CORS: its errors reach the page muted.
  await page.route('http://third-party.test/widget.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: "throw new Error('secret detail');" }),
  );
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => (window as { ready?: boolean }).ready === true);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

beforeEach(async () => {
  pageErrors.length = 0;
  consoleLines.length = 0;
  await page.evaluate(() => {
    const g = window as unknown as PageGlobals;
    g.captured.length = 0;
    g.crumbs.length = 0;
  });
});

const wire = () => page.evaluate(() => (window as unknown as PageGlobals).wire());
const crumbs = () => page.evaluate(() => (window as unknown as PageGlobals).crumbs);
const untilCaptured = (count: number) =>
  page.waitForFunction((n) => (window as unknown as PageGlobals).captured.length >= n, count);
const untilCrumbs = (count: number) =>
  page.waitForFunction((n) => (window as unknown as PageGlobals).crumbs.length >= n, count);

describe('the browser integrations in Chromium', () => {
  it('capture uncaught errors, thrown Errors and thrown strings, with frames', async () => {
    await page.evaluate(() => {
      setTimeout(function failLater() {
        throw new TypeError('cart.items is undefined');
      });
      (window as unknown as { throwLater(value: unknown): void }).throwLater('plain string');
    });
    await untilCaptured(2);
    const [typeError, thrownString] = await wire();
    expect(typeError).toMatchObject({ name: 'TypeError', message: 'cart.items is undefined' });
    expect(typeError?.frames?.[0]).toMatchObject({ function: 'failLater' });
    expect(thrownString).toMatchObject({ name: 'Error', message: 'plain string', noise: false });
    expect(thrownString?.frames?.[0]?.file).toBe(`${origin}/`);
    expect(thrownString?.frames?.[0]?.line).toBeGreaterThan(0);
    // Still reported by the browser: nothing was preventDefault'ed.
    expect(pageErrors).toEqual(['cart.items is undefined', 'plain string']);
  });

  it('capture unhandled rejections and leave them in the console', async () => {
    await page.evaluate(() => {
      void Promise.reject(new RangeError('out of range'));
      void Promise.reject(42);
    });
    await untilCaptured(2);
    expect(await page.evaluate(() => (window as unknown as PageGlobals).captured[1])).toBe(42);
    expect((await wire())[0]).toMatchObject({ name: 'RangeError', message: 'out of range' });
    expect(pageErrors).toHaveLength(2);
  });

  it('record a failed fetch nobody awaited, which still reaches unhandledrejection', async () => {
    await page.evaluate(() => void fetch('http://127.0.0.1:9/unreachable'));
    await untilCaptured(1);
    expect((await wire())[0]).toMatchObject({ name: 'TypeError', message: 'Failed to fetch' });
    expect(await crumbs()).toMatchObject([
      {
        category: 'fetch',
        level: 'error',
        data: { method: 'GET', url: 'http://127.0.0.1:9/unreachable' },
      },
    ]);
  });

  it('record fetches with status and duration, skipping faultline’s own, unread', async () => {
    const result = await page.evaluate(async () => {
      const ok = await fetch(new Request('/dist/index.js', { method: 'HEAD' }));
      await fetch('/missing.js', { method: 'post' });
      await fetch('/dist/index.js', { [Symbol.for('faultline.ownRequest')]: true } as RequestInit);
      return { bodyUsed: ok.bodyUsed, name: fetch.name };
    });
    expect(result).toEqual({ bodyUsed: false, name: 'fetch' });
    const recorded = await crumbs();
    expect(recorded).toMatchObject([
      {
        category: 'fetch',
        level: 'info',
        data: { method: 'HEAD', url: `${origin}/dist/index.js`, status_code: 200 },
      },
      {
        category: 'fetch',
        level: 'warning',
        data: { method: 'POST', url: '/missing.js', status_code: 404 },
      },
    ]);
    expect(recorded).toHaveLength(2);
    expect(recorded[0]?.data?.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('record XHRs on loadend, a network failure as an error', async () => {
    await page.evaluate(() => {
      for (const url of ['/dist/index.js', 'http://127.0.0.1:9/down']) {
        const request = new XMLHttpRequest();
        request.open('get', url);
        request.send();
      }
    });
    await untilCrumbs(2);
    const byUrl = Object.fromEntries((await crumbs()).map((c) => [c.data?.url, c]));
    expect(byUrl['/dist/index.js']).toMatchObject({
      category: 'xhr',
      level: 'info',
      data: { method: 'GET', status_code: 200 },
    });
    expect(byUrl['http://127.0.0.1:9/down']).toMatchObject({ category: 'xhr', level: 'error' });
    expect(byUrl['http://127.0.0.1:9/down']?.data).not.toHaveProperty('status_code');
  });

  it('record a click that the page stops, by selector and never by typed text', async () => {
    await page.fill('input[name="email"]', 'jane@example.com');
    await page.click('input[name="email"]');
    await page.click('#buy');
    expect(await crumbs()).toEqual([
      { category: 'ui.click', message: 'main > form#cart > input[name="email"]' },
      { category: 'ui.click', message: 'main > form#cart > button#buy.primary[type="button"]' },
    ]);
  });

  it('record pushState, back and a fragment change from → to', async () => {
    await page.evaluate(() => history.pushState({}, '', '/cart?step=2'));
    await page.evaluate(() => history.back());
    await untilCrumbs(2);
    await page.evaluate(() => (location.hash = '#pay'));
    await untilCrumbs(3);
    expect((await crumbs()).map((c) => [c.category, c.data])).toEqual([
      ['navigation', { from: '/', to: '/cart?step=2' }],
      ['navigation', { from: '/cart?step=2', to: '/' }],
      ['navigation', { from: '/', to: '/#pay' }],
    ]);
  });

  it('record console output and still print it', async () => {
    await page.evaluate(() => console.warn('low stock', { sku: 'A1', left: 2 }));
    expect(await crumbs()).toEqual([
      { category: 'console', level: 'warning', message: 'low stock {"sku":"A1","left":2}' },
    ]);
    expect(consoleLines).toHaveLength(1);
    expect(consoleLines[0]).toMatch(/^warning: low stock \{sku: A1, left: 2\}$/);
    expect(await page.evaluate(() => (window as unknown as PageGlobals).captured)).toEqual([]);
  });

  it('let browserNoise drop ResizeObserver loops, extension frames and "Script error."', async () => {
    await page.evaluate(() => {
      const box = document.body.appendChild(document.createElement('div'));
      // Resizing in its own callback defers a notification to the next frame: one loop notice.
      let resized = false;
      new ResizeObserver(() => {
        if (!resized) box.style.width = '20px';
        resized = true;
      }).observe(box);
      // An extension's content script: Chromium names its frames after the sourceURL.
      setTimeout(() =>
        (0, eval)(
          "(function inject() { throw new Error('ext'); })()\n//# sourceURL=chrome-extension://abcdefgh/content.js",
        ),
      );
      const widget = document.createElement('script');
      widget.src = 'http://third-party.test/widget.js';
      document.head.append(widget);
    });
    await untilCaptured(3);
    const events = await wire();
    const find = (pattern: RegExp) => events.find((e) => pattern.test(e.message));
    expect(find(/^ResizeObserver loop/)).toMatchObject({ noise: true });
    expect(find(/^ext$/)).toMatchObject({ noise: true });
    expect(find(/^ext$/)?.frames?.[0]).toMatchObject({
      function: 'inject',
      file: 'chrome-extension://abcdefgh/content.js',
    });
    expect(find(/^Script error\.$/)).toMatchObject({ noise: true });
    expect(events.some((e) => e.message.includes('secret detail'))).toBe(false);
  });

  it('restore every wrapped function and stop listening on uninstall', async () => {
    const restored = await page.evaluate(() => {
      const g = window as unknown as PageGlobals;
      for (const uninstall of g.uninstalls) uninstall();
      return [
        fetch === g.originals.fetch,
        console.log === g.originals.log,
        history.pushState === g.originals.pushState,
        XMLHttpRequest.prototype.open === g.originals.open,
      ];
    });
    expect(restored).toEqual([true, true, true, true]);
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('after uninstall');
      });
      console.log('quiet');
      history.pushState({}, '', '/elsewhere');
    });
    await page.click('#buy');
    await expect.poll(() => pageErrors).toEqual(['after uninstall']);
    expect(await crumbs()).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as PageGlobals).captured)).toEqual([]);
  });
});

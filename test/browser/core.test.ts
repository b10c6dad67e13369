import type { Browser, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './launch.js';
import { startStaticServer } from './static-server.js';

// The core error model in real Chromium, loading the unbundled dist/ modules with an import map.
const PAGE = `<!doctype html><meta charset="utf-8"><title>core</title>
<script type="importmap">{ "imports": { "zod/mini": "/node_modules/zod/v4/mini/index.js" } }</script>
<script>function thrower() { return new TypeError('x is not a function'); }</script>
<script type="module">window.faultline = await import('/dist/index.js'); window.ready = true;</script>`;

let browser: Browser;
let server: Server;
let page: Page;

beforeAll(async () => {
  const started = await startStaticServer(
    new URL('../..', import.meta.url).pathname,
    ['dist', 'node_modules/zod'],
    {
      '/': PAGE,
    },
  );
  server = started.server;
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${started.origin}/`);
  await page.waitForFunction(() => (window as { ready?: boolean }).ready === true);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the core in Chromium', () => {
  it("classifies Chromium's own fetch failure as a transient network_error", async () => {
    const result = await page.evaluate(async () => {
      const { classify } = (window as never as { faultline: typeof import('../../src/index.js') })
        .faultline;
      const thrown = await fetch('http://127.0.0.1:9/').catch((e: unknown) => e);
      return { message: (thrown as Error).message, ...classify(thrown) };
    });
    expect(result).toMatchObject({
      message: 'Failed to fetch',
      type: 'network_error',
      transient: true,
    });
  });

  it("classifies Chromium's JSON, property-of-undefined and abort errors", async () => {
    const types = await page.evaluate(async () => {
      const { classify } = (window as never as { faultline: typeof import('../../src/index.js') })
        .faultline;
      const caught = (fn: () => unknown) => {
        try {
          fn();
        } catch (e) {
          return e;
        }
      };
      const controller = new AbortController();
      controller.abort();
      return [
        classify(caught(() => JSON.parse('<!DOCTYPE html>'))).type,
        classify(caught(() => (undefined as unknown as { a: number }).a)).type,
        classify(await fetch('/', { signal: controller.signal }).catch((e: unknown) => e)).type,
        classify(await fetch('/', { signal: AbortSignal.timeout(0) }).catch((e: unknown) => e))
          .type,
      ];
    });
    expect(types).toEqual(['deserialization_failed', 'programming_error', 'cancelled', 'timeout']);
  });

  it('parses a live Chromium stack and keeps it through FaultError.from', async () => {
    const result = await page.evaluate(() => {
      const { FaultError } = (window as never as { faultline: typeof import('../../src/index.js') })
        .faultline;
      const original = (window as never as { thrower: () => TypeError }).thrower();
      const error = FaultError.from(original);
      return {
        same: error.stack === original.stack,
        frames: error.frames,
        wire: JSON.parse(JSON.stringify(error)),
      };
    });
    expect(result.same).toBe(true);
    expect(result.frames[0]).toMatchObject({ function: 'thrower' });
    expect(result.frames[0]?.file).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(result.wire).toMatchObject({ type: 'programming_error', name: 'TypeError' });
  });

  it('recognises an error from an iframe (another realm)', async () => {
    const result = await page.evaluate(async () => {
      const { FaultError, isFaultError } = (
        window as never as { faultline: typeof import('../../src/index.js') }
      ).faultline;
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const foreignWindow = frame.contentWindow as unknown as typeof globalThis;
      const foreign = new foreignWindow.RangeError('Invalid array length');
      const branded = Object.assign(new foreignWindow.Error('slow'), {
        name: 'FaultError',
        code: 4301,
        type: 'timeout',
      });
      return {
        instanceOfHere: foreign instanceof Error,
        type: FaultError.from(foreign).type,
        branded: isFaultError(branded),
      };
    });
    expect(result).toEqual({ instanceOfHere: false, type: 'programming_error', branded: true });
  });

  it('scrubs secrets and fingerprints the same bug the same way', async () => {
    const result = await page.evaluate(() => {
      const { scrub, fingerprint } = (
        window as never as { faultline: typeof import('../../src/index.js') }
      ).faultline;
      const clean = scrub({
        headers: { authorization: 'Bearer abc.def.ghi' },
        note: 'card 4111 1111 1111 1111',
      });
      const event = {
        type: 'programming_error',
        message: "Cannot read properties of undefined (reading 'id')",
      };
      return {
        clean: JSON.stringify(clean),
        same: fingerprint(event) === fingerprint({ ...event }),
      };
    });
    expect(result.clean).not.toContain('abc.def.ghi');
    expect(result.clean).not.toContain('4111 1111 1111 1111');
    expect(result.same).toBe(true);
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../src/client/client-api.js';
import { useHarness, type PageGlobals } from './buffer-page.js';

// In real Chromium: the tab that does not send tells the sending tab over a BroadcastChannel
// what it buffered, and the sending tab, idle, sends it.
const harness = useHarness();

interface SignalPage {
  client: Client;
  /** Messages of the events this tab's transport posted. */
  posted: string[];
}

/** Calls `init` with a `fetch` that records what the tab posts and acknowledges it. */
async function initTab(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = window as unknown as PageGlobals & SignalPage;
    g.posted = [];
    const bodyText = async (init: RequestInit): Promise<string> => {
      const body = init.body as string | Uint8Array<ArrayBuffer>;
      if (typeof body === 'string') return body;
      const inflated = new Blob([body]).stream().pipeThrough(new DecompressionStream('gzip'));
      return new Response(inflated).text();
    };
    g.client = g.faultline.init({
      endpoint: 'https://collector.invalid',
      key: 'public-key-1',
      databaseName: 'tab-signal',
      integrations: { console: false, fetch: false, xhr: false, clicks: false },
      fetch: async (_url, init) => {
        const { events } = JSON.parse(await bodyText(init ?? {})) as {
          events: { message: string }[];
        };
        g.posted.push(...events.map((event) => event.message));
        const answer = { accepted: events.length, duplicate: 0, rejected: [] };
        return Response.json(answer, { status: 202 });
      },
    });
  });
}

const sender = (page: Page) =>
  page.evaluate(async () => (await (window as unknown as SignalPage).client.status()).sender);
const posted = (page: Page) => page.evaluate(() => (window as unknown as SignalPage).posted);

describe('tabs sharing one IndexedDB buffer, in Chromium', () => {
  it('has the idle sending tab send what the other tab captured', async () => {
    const context = await harness.browser.newContext();
    const leader = await harness.open(context);
    await initTab(leader);
    await expect.poll(() => sender(leader)).toBe(true);
    const other = await harness.open(context);
    await initTab(other);
    expect(await sender(other)).toBe(false);
    await leader.waitForTimeout(300); // both idle: start-up sends done
    await other.evaluate(() => {
      (window as unknown as SignalPage).client.captureException(new Error('from the other tab'));
    });
    await expect.poll(() => posted(leader), { timeout: 5000 }).toEqual(['from the other tab']);
    expect(await posted(other)).toEqual([]);
    await context.close();
  });
});

// Shared by the Chromium suites of the buffer and the tab election: a page that loads the built
// dist/ adapter modules, with idb served through an import map as a bundler would resolve it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect } from 'vitest';
import type { TabLeader } from '../../src/adapters/browser/index.js';
import type { WireEvent } from '../../src/wire/event-schema.js';
import { launchChromium } from './launch.js';
import { startStaticServer } from './static-server.js';

const PAGE = `<!doctype html><meta charset="utf-8"><title>buffer</title>
<script type="importmap">{ "imports": {
  "idb": "/node_modules/idb/build/index.js",
  "zod/mini": "/node_modules/zod/v4/mini/index.js"
} }</script>
<script type="module">
window.faultline = await import('/dist/adapters/browser/index.js');
window.wireEvent = (n, severity = 'medium', message = 'boom ' + n) => ({
  id: 'event-' + String(n).padStart(6, '0'), timestamp: 1700000000000 + n, type: 'network_error',
  code: 4101, category: 'external', subcategory: 'network', severity, message,
});
window.ready = true;
</script>`;

/** What the page script and the tests put on `window`. */
export interface PageGlobals {
  faultline: typeof import('../../src/adapters/browser/index.js');
  wireEvent(n: number, severity?: WireEvent['severity'], message?: string): WireEvent;
  leader: TabLeader;
  /** [high-resolution wall time, isLeader] every few ms. */
  samples: [number, boolean][];
  /** Ids this tab sent (took while leader, then acknowledged). */
  sent: string[];
  /** Holds the election's timers back (true) or runs them and the held ones (false). */
  throttle(on: boolean): void;
  throttled: boolean;
}

/** A served page and a running Chromium. */
export interface Harness {
  readonly browser: Browser;
  readonly server: Server;
  readonly origin: string;
}

/** Serves the repository's dist/ and idb, and launches Chromium. */
export async function startHarness(): Promise<Harness> {
  const started = await startStaticServer(
    new URL('../..', import.meta.url).pathname,
    ['dist', 'node_modules/idb', 'node_modules/zod'],
    { '/': PAGE },
  );
  return { browser: await launchChromium(), server: started.server, origin: started.origin };
}

/** The harness of one suite: started before its tests, stopped after them. */
export interface SuiteHarness {
  /** The running Chromium (valid inside tests). */
  readonly browser: Browser;
  /** The served origin (valid inside tests). */
  readonly origin: string;
  /** Opens the page in `context` and waits for its modules. */
  open(context: BrowserContext): Promise<Page>;
}

/** Registers `beforeAll`/`afterAll` hooks that start and stop a {@link Harness}. */
export function useHarness(): SuiteHarness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.browser.close();
    harness?.server.close();
  });
  const started = (): Harness => {
    if (harness === undefined) throw new Error('the harness starts in beforeAll');
    return harness;
  };
  return {
    get browser() {
      return started().browser;
    },
    get origin() {
      return started().origin;
    },
    open: (context) => openPage(context, started().origin),
  };
}

/** Opens the page in `context` and waits for its modules. */
export async function openPage(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => (window as { ready?: boolean }).ready === true);
  return page;
}

/** Joins the election `name` and samples `isLeader` every 2 ms. */
export async function elect(page: Page, name: string, lease: boolean): Promise<void> {
  await page.evaluate(
    ({ name, lease }) => {
      const g = window as unknown as PageGlobals;
      // Timers that a test can hold back, as Chromium throttles a background tab's timers.
      const held: (() => void)[] = [];
      g.throttle = (on) => {
        g.throttled = on;
        if (!on) held.splice(0).forEach((run) => run());
      };
      const timers = {
        set: (run: () => void, ms: number) =>
          setTimeout(() => (g.throttled ? held.push(run) : run()), ms),
        clear: (handle: unknown) => clearTimeout(handle as number),
      };
      g.leader = g.faultline.tabLeader(
        lease ? { name, locks: null, leaseMs: 1000, timers } : { name },
      );
      g.samples = [];
      const sample = () => {
        g.samples.push([performance.timeOrigin + performance.now(), g.leader.isLeader]);
        setTimeout(sample, 2);
      };
      sample();
    },
    { name, lease },
  );
}

/** The time spans over which a tab's samples said it was the leader. */
export function spans(samples: readonly [number, boolean][]): [number, number][] {
  const out: [number, number][] = [];
  let start: number | undefined;
  let last = 0;
  for (const [time, leader] of samples) {
    if (leader && start === undefined) start = time;
    if (!leader && start !== undefined) {
      out.push([start, last]);
      start = undefined;
    }
    last = time;
  }
  if (start !== undefined) out.push([start, last]);
  return out;
}

export async function samplesOf(page: Page): Promise<[number, boolean][]> {
  return page.evaluate(() => (window as unknown as PageGlobals).samples);
}

export function expectNoOverlap(a: [number, boolean][], b: [number, boolean][]): void {
  for (const [aStart, aEnd] of spans(a)) {
    for (const [bStart, bEnd] of spans(b)) {
      expect(aStart <= bEnd && bStart <= aEnd, `${aStart}-${aEnd} vs ${bStart}-${bEnd}`).toBe(
        false,
      );
    }
  }
}

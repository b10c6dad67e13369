// Issue 5 item 9, in Chromium: the sustained IndexedDB buffering rate of the standalone bundle
// (captureException with the collector unreachable, batched writes) beside a bare IndexedDB
// floor (the same records put in one transaction), and the time to drain 10 000 buffered
// events to the local collector (wrangler dev, local D1) once it is reachable.
import { chromium } from 'playwright-core';
import { ensureChromium, chromiumArgs, chromiumPath } from '../browser/ensure-chromium.mjs';
import { BUNDLE_PAGE, startCollector } from '../browser/collector-process.mjs';

const EVENTS = 10_000;
if (!ensureChromium()) {
  console.log('\nChromium buffer benchmark skipped: no Chromium');
} else {
  const collector = await startCollector(19_900 + (process.pid % 90));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const context = await browser.newContext();
    await context.route('**/bench.html', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: BUNDLE_PAGE }),
    );
    await context.route('**/v1/events**', (route) => route.abort('internetdisconnected'));
    const page = await context.newPage();
    await page.goto(`${collector.base}/bench.html`);
    await page.waitForFunction(() => window.ready === true, null, { timeout: 90_000 });
    const buffering = await page.evaluate(
      async ([endpoint, key, count]) => {
        const client = window.faultline.init({
          endpoint,
          key,
          buffer: { maxEvents: count, maxBytes: 256 * 1024 * 1024 },
          integrations: { console: false },
        });
        const errors = Array.from(
          { length: count },
          (_, i) => new Error(`bench ${i.toString(36)}`),
        );
        await client.status(); // the database is open
        const started = performance.now();
        for (const error of errors) client.captureException(error, { fingerprint: error.message });
        const status = await client.status(); // ordered after every queued write
        const ms = performance.now() - started;
        // Floor: the same number of similar records put in one transaction of a bare database.
        const records = (
          await new Promise((resolve) => {
            const open = indexedDB.open('faultline');
            open.onsuccess = () => {
              const all = open.result.transaction('events').objectStore('events').getAll();
              all.onsuccess = () => resolve(all.result);
            };
          })
        ).map((record) => {
          delete record.seq; // the floor database numbers them itself
          return record;
        });
        const db = await new Promise((resolve) => {
          const open = indexedDB.open('bench-floor');
          open.onupgradeneeded = () =>
            open.result.createObjectStore('events', { keyPath: 'seq', autoIncrement: true });
          open.onsuccess = () => resolve(open.result);
        });
        const floorStart = performance.now();
        await new Promise((resolve) => {
          const tx = db.transaction('events', 'readwrite');
          for (const record of records) tx.objectStore('events').put(record);
          tx.oncomplete = resolve;
        });
        return { buffered: status.buffered, ms, floorMs: performance.now() - floorStart };
      },
      [collector.base, collector.key, EVENTS],
    );
    await context.unroute('**/v1/events**');
    const drained = await page.evaluate(async () => {
      const client = window.faultline.getClient();
      const started = performance.now();
      dispatchEvent(new Event('online'));
      for (;;) {
        const { buffered, sent, dropped } = await client.status();
        if (buffered === 0) return { ms: performance.now() - started, sent, dropped };
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    const rate = (n, ms) => Math.round((n / ms) * 1000);
    console.log(`\nChromium ${browser.version()}: IndexedDB buffer and drain (${EVENTS} events)`);
    console.log(
      `  buffering: ${buffering.buffered} events in ${buffering.ms.toFixed(0)} ms = ` +
        `${rate(buffering.buffered, buffering.ms)} events/s (capture + scrub + batched writes)`,
    );
    console.log(
      `  floor: the same records put in one bare transaction: ${buffering.floorMs.toFixed(0)} ms = ` +
        `${rate(EVENTS, buffering.floorMs)} records/s; faultline costs ${(buffering.ms / buffering.floorMs).toFixed(2)}x`,
    );
    console.log(
      `  drain to the local collector: ${drained.sent} events in ${drained.ms.toFixed(0)} ms = ` +
        `${rate(drained.sent, drained.ms)} events/s in batches of 100, one request at a time` +
        ` (dropped: ${JSON.stringify(drained.dropped)})`,
    );
  } finally {
    await browser.close();
    collector.stop();
  }
}

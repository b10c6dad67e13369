// Issue 5 items 6 and 9: captureException throughput into a memory buffer beside Sentry's
// captureException (default init and a minimal BrowserClient, no-op transports) and the floor
// (new Error + .stack + JSON.stringify), in this one run; then the standalone browser bundle's
// size beside Sentry's, measured the same way (esbuild --minify, gzip -9).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as Sentry from '@sentry/browser';
import { createClient, memoryBuffer } from '../../dist/index.js';
import { measure, report } from './harness.mjs';
import { bundleSize } from './resilience-size.mjs';

const MESSAGES = [
  (i) => `Cannot read properties of undefined (reading 'item${i % 7}')`,
  (i) => `Request failed with status code 50${i % 4} for user bob${i}@example.com`,
  (i) => `Unexpected token '<', "<!DOCTYPE "... is not valid JSON (request ${i})`,
  (i) => `Failed to fetch /api/cart/${i}?token=abc${i}`,
];
const nest = (depth, make) => (depth === 0 ? make() : nest(depth - 1, make));
const makeError = (i) =>
  nest(8, () => (i % 4 === 0 ? new TypeError(MESSAGES[0](i)) : new Error(MESSAGES[i % 4](i))));

let i = 0;
let stored;
function countingBuffer() {
  const inner = memoryBuffer({ maxEvents: 1_000_000, maxBytes: 1024 ** 3 });
  return Object.assign(Object.create(null), inner, {
    async put(event, bytes) {
      const result = await inner.put(event, bytes);
      stored?.();
      return result;
    },
  });
}
// A no-op transport that acknowledges everything, like Sentry's no-op transport below.
const idle = {
  send: async ({ events }) => ({
    acked: events.map((e) => e.id),
    dropped: [],
    retry: [],
    droppedReported: true,
  }),
  beacon: () => [],
  status: () => ({ state: 'ready', breaker: 'closed' }),
};
const base = {
  endpoint: 'https://collector.example.com',
  key: 'bench',
  captureResilience: false,
  eventTransport: idle,
  transport: { flushIntervalMs: 3_600_000, batchSize: 1000 },
};
// dedupe off: every event runs the whole pipeline (repeats would fold and cost less).
const full = createClient({ ...base, dedupeWindowMs: 0, eventBuffer: countingBuffer() });
const defaults = createClient({ ...base, eventBuffer: countingBuffer() });
const captured = (client) => () =>
  new Promise((resolve) => {
    stored = resolve;
    if (client.captureException(makeError(i++)) === undefined) resolve(); // folded: no put
  });

let sentryDone;
const noop = () => ({ send: async () => ({}), flush: async () => true });
Sentry.init({
  dsn: 'https://public@o0.ingest.sentry.io/0',
  transport: noop,
  beforeSend: (event) => (sentryDone?.(), event),
});
const minimal = new Sentry.BrowserClient({
  dsn: 'https://public@o0.ingest.sentry.io/0',
  transport: noop,
  integrations: [],
  stackParser: Sentry.defaultStackParser,
  beforeSend: (event) => (sentryDone?.(), event),
});
const viaSentry = (capture) => () =>
  new Promise((resolve) => {
    sentryDone = resolve;
    capture(makeError(i++));
  });

const FLOOR = 'floor: new Error + .stack + JSON.stringify';
const results = await measure({
  [FLOOR]: () => {
    const error = makeError(i++);
    return JSON.stringify({ message: error.message, stack: error.stack });
  },
  'faultline captureException (dedupe off)': captured(full),
  'faultline captureException (defaults)': captured(defaults),
  'sentry captureException (default init)': viaSentry((e) => Sentry.captureException(e)),
  'sentry captureException (minimal client)': viaSentry((e) => minimal.captureException(e)),
});
report(
  `captureException into a memory buffer, per event (Node ${process.version})`,
  results,
  FLOOR,
);
const ours = results['faultline captureException (dedupe off)'].nsPerOp;
const floorNs = results[FLOOR].nsPerOp;
const sentryNs = results['sentry captureException (default init)'].nsPerOp;
console.log(`  faultline / floor cost: ${(ours / floorNs).toFixed(2)}x (target ≤ 3x)`);
console.log(`  sentry default / faultline cost: ${(sentryNs / ours).toFixed(2)}x (target ≥ 3x)`);

const bundle = readFileSync(new URL('../../dist/faultline.browser.mjs', import.meta.url));
const ourGzip = gzipSync(bundle, { level: 9 }).length;
const sentryInit = await bundleSize(`export { init, captureException } from '@sentry/browser';`);
const sentryClient = await bundleSize(
  `export { BrowserClient, defaultStackParser, makeFetchTransport } from '@sentry/browser';`,
);
console.log('\nStandalone browser bundle (esbuild --minify, gzip -9)');
console.log(
  `  dist/faultline.browser.mjs      ${bundle.length} B min ${ourGzip} B gzip (budget 12 288)`,
);
console.log(
  `  sentry init + captureException  ${sentryInit.minified} B min ${sentryInit.gzip} B gzip`,
);
console.log(
  `  sentry BrowserClient (bare)     ${sentryClient.minified} B min ${sentryClient.gzip} B gzip`,
);

// `npm run bench:collector` (issue 4 item 7): events/s the collector ingests through wrangler
// dev on loopback — batches of 100 realistic events, 32 concurrent senders — beside two
// ceilings measured in the same run with the same client: a no-op Hono route and a bare D1
// bulk insert of the same rows; then ingest with storage stubbed, for its CPU cost: in workerd
// (through the bench Worker) and in this process.
// Each Worker gets a throwaway local D1 with the collector's migrations. BENCH_SECONDS sets the
// measured seconds per phase (default 10); a run takes about a minute.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configPath as collectorConfig } from '../../../workers/scripts/wrangler.mjs';
import { batchMaker } from './events.mjs';
import { runLoad } from './load.mjs';
import { printReport } from './report.mjs';
import { snapshotWorker } from './snapshot.mjs';
import { measureIngestCpu, runStubbed } from './stubbed.mjs';
import { measureIngestInWorkerd } from './stubbed-workerd.mjs';
import { startDev, wranglerOnce } from './wrangler-dev.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const STUBBED_SECONDS = Math.min(SECONDS, 5);
const BATCH = 100;
const CONCURRENCY = 32;
const DEMO_KEY = 'demo-public-key';
const benchConfig = new URL('wrangler.jsonc', import.meta.url).pathname;

/** Counts a response's stored events: `accepted` of a 202 holding the whole batch. */
function accepted(status, json) {
  if (status === 202 && json?.accepted === BATCH) return BATCH;
  return `HTTP ${status} ${JSON.stringify(json).slice(0, 300)}`;
}

/** Starts every Worker or none: one that fails to start stops the others. */
async function startAll(options) {
  const settled = await Promise.allSettled(options.map(startDev));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed === undefined) return settled.map((result) => result.value);
  await Promise.all(settled.map((result) => result.status === 'fulfilled' && result.value.stop()));
  throw failed.reason;
}

/**
 * The three phases through wrangler dev and the stubbed one in workerd, then the count of
 * events the collector stored.
 */
async function measureHttp(state, makeBody) {
  const collectorSnapshot = await snapshotWorker(collectorConfig, join(state, 'collector-bundle'));
  const collectorState = join(state, 'collector');
  const [bench, collector] = await startAll([
    { config: benchConfig, persistTo: join(state, 'bench'), readyPath: '/' },
    { config: collectorSnapshot, persistTo: collectorState, readyPath: '/health' },
  ]);
  const load = { makeBody, concurrency: CONCURRENCY, seconds: SECONDS };
  const results = {};
  try {
    results.noop = await runLoad({
      ...load,
      url: `${bench.url}/noop`,
      countEvents: (status, json) => (status === 202 ? BATCH : `HTTP ${status} ${json}`),
    });
    results.insert = await runLoad({ ...load, url: `${bench.url}/insert`, countEvents: accepted });
    results.ingest = await runLoad({
      ...load,
      url: `${collector.url}/v1/events`,
      headers: { 'x-faultline-key': DEMO_KEY },
      countEvents: accepted,
    });
    results.workerd = await measureIngestInWorkerd({
      url: `${bench.url}/stubbed`,
      makeBody,
      seconds: STUBBED_SECONDS,
    });
  } finally {
    await Promise.all([bench.stop(), collector.stop()]);
  }
  const out = await wranglerOnce([
    ...['d1', 'execute', 'DB', '--local', '--json'],
    ...['--persist-to', collectorState, '--config', collectorSnapshot],
    ...['--command', "SELECT count(*) AS n FROM events WHERE project_id = 'demo'"],
  ]);
  results.stored = JSON.parse(out.slice(out.indexOf('[')))[0].results[0].n;
  return results;
}

const started = performance.now();
const makeBody = batchMaker(BATCH);
// Local D1 state in memory where Linux offers it: the figures are the Workers' and D1's work,
// not this machine's disk flushes.
const stateRoot = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const state = mkdtempSync(join(stateRoot, 'faultline-bench-'));
console.log(
  `Collector benchmark: batches of ${BATCH} events (${(makeBody.meta.bytes / 1024).toFixed(0)} KiB of JSON), ` +
    `${CONCURRENCY} concurrent senders, ${SECONDS} s per phase, wrangler dev on 127.0.0.1, ` +
    `D1 state in ${stateRoot}`,
);
let results;
try {
  results = await measureHttp(state, makeBody);
} finally {
  rmSync(state, { recursive: true, force: true });
}
results.stubbed = await runStubbed({ makeBody, seconds: STUBBED_SECONDS });
results.cpu = await measureIngestCpu({ makeBody, seconds: STUBBED_SECONDS });
printReport(results, STUBBED_SECONDS);
console.log(`\n  total ${((performance.now() - started) / 1000).toFixed(0)} s`);
// A phase that stored nothing or answered errors is a broken run, not a slow one.
const phases = [
  results.noop,
  results.insert,
  results.ingest,
  results.workerd,
  results.stubbed,
  results.cpu,
];
process.exit(phases.some((r) => r.failures > 0 || r.events === 0) ? 1 : 0);

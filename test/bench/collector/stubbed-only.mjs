// The stubbed phase of `npm run bench:collector` alone, without wrangler: the collector's whole
// Hono app in process with D1 and the limiter stubbed (see stubbed.mjs), on the same batches of
// 100 events. For profiling ingest's CPU cost: `node --cpu-prof test/bench/collector/stubbed-only.mjs`.
// BENCH_SECONDS sets the measured seconds (default 5, as in the full run); BENCH_RUNS repeats
// the measurement and prints the median (default 1). Needs `npm run build` (the events come
// from the built SDK).
import { batchMaker } from './events.mjs';
import { measureIngestCpu, runStubbed } from './stubbed.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const BATCH = 100;

const makeBody = batchMaker(BATCH);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const throughput = [];
const cpu = [];
for (let run = 0; run < RUNS; run++) {
  const load = await runStubbed({ makeBody, seconds: SECONDS });
  const alone = await measureIngestCpu({ makeBody, seconds: SECONDS });
  const failed = [load, alone].find((r) => r.failures > 0 || r.requests === 0);
  if (failed !== undefined) {
    console.error(`run ${run + 1}: ${failed.failures} failed, first: ${failed.firstFailure}`);
    process.exit(1);
  }
  throughput.push(load.eventsPerSec);
  cpu.push(alone.eventsPerSec);
  console.log(
    `run ${run + 1}: ${load.eventsPerSec.toFixed(0)} events/s with the senders on the thread, ` +
      `${alone.eventsPerSec.toFixed(0)} events/s by the time in app.fetch (${alone.usPerRequest.toFixed(0)} µs per request)`,
  );
}
console.log(
  `median of ${RUNS}: ${median(throughput).toFixed(0)} events/s with the senders, ` +
    `${median(cpu).toFixed(0)} events/s by the time in app.fetch`,
);

// The stubbed phase of `npm run bench:collector` alone, without wrangler: the collector's whole
// Hono app in process with D1 and the limiter stubbed (see stubbed.mjs), on the same batches of
// 100 events. For profiling ingest's CPU cost: `node --cpu-prof test/bench/collector/stubbed-only.mjs`.
// BENCH_SECONDS sets the measured seconds (default 5, as in the full run); BENCH_RUNS repeats
// the measurement and prints the median (default 1). Needs `npm run build` (the events come
// from the built SDK).
import { batchMaker } from './events.mjs';
import { runStubbed } from './stubbed.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const BATCH = 100;

const makeBody = batchMaker(BATCH);
const rates = [];
for (let run = 0; run < RUNS; run++) {
  const result = await runStubbed({ makeBody, seconds: SECONDS });
  if (result.failures > 0 || result.events === 0) {
    console.error(`run ${run + 1}: ${result.failures} failed, first: ${result.firstFailure}`);
    process.exit(1);
  }
  rates.push(result.eventsPerSec);
  console.log(`run ${run + 1}: ${result.eventsPerSec.toFixed(0)} events/s`);
}
rates.sort((a, b) => a - b);
console.log(`median of ${RUNS}: ${rates[Math.floor(RUNS / 2)].toFixed(0)} events/s`);

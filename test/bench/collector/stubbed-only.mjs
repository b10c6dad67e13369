// The stubbed phases of `npm run bench:collector` alone: the collector's whole Hono app with D1
// and the limiter stubbed, on the same batches of 100 events, in this Node process (stubbed.mjs)
// and in workerd through the bench Worker (stubbed-workerd.mjs). For profiling ingest's CPU
// cost: `node --cpu-prof test/bench/collector/stubbed-only.mjs` (the Node phases).
// BENCH_SECONDS sets the measured seconds (default 5, as in the full run); BENCH_RUNS repeats
// the measurement and prints the median (default 1). Needs `npm run build` (the events come
// from the built SDK).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchMaker } from './events.mjs';
import { measureIngestCpu, runStubbed } from './stubbed.mjs';
import { measureIngestInWorkerd } from './stubbed-workerd.mjs';
import { startDev } from './wrangler-dev.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const BATCH = 100;

const makeBody = batchMaker(BATCH);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const state = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'faultline-bench-'));
const bench = await startDev({
  config: new URL('wrangler.jsonc', import.meta.url).pathname,
  persistTo: state,
  readyPath: '/',
});
const figures = { load: [], alone: [], workerd: [] };
try {
  for (let run = 0; run < RUNS; run++) {
    const load = await runStubbed({ makeBody, seconds: SECONDS });
    const alone = await measureIngestCpu({ makeBody, seconds: SECONDS });
    const workerd = await measureIngestInWorkerd({
      url: `${bench.url}/stubbed`,
      makeBody,
      seconds: SECONDS,
    });
    const failed = [load, alone, workerd].find((r) => r.failures > 0 || r.requests === 0);
    if (failed !== undefined) {
      console.error(`run ${run + 1}: ${failed.failures} failed, first: ${failed.firstFailure}`);
      process.exitCode = 1;
      break;
    }
    for (const [name, r] of Object.entries({ load, alone, workerd })) {
      figures[name].push(r.eventsPerSec);
    }
    console.log(
      `run ${run + 1}: Node ${load.eventsPerSec.toFixed(0)} events/s with the senders on the thread, ` +
        `${alone.eventsPerSec.toFixed(0)} by the time in app.fetch (${alone.usPerRequest.toFixed(0)} µs per request); ` +
        `workerd ${workerd.eventsPerSec.toFixed(0)} events/s (${workerd.usPerRequest.toFixed(0)} µs per request)`,
    );
  }
} finally {
  await bench.stop();
  rmSync(state, { recursive: true, force: true });
}
if (figures.workerd.length > 0) {
  console.log(
    `median of ${figures.workerd.length}: Node ${median(figures.load).toFixed(0)} with the senders, ` +
      `${median(figures.alone).toFixed(0)} in app.fetch; workerd ${median(figures.workerd).toFixed(0)} events/s`,
  );
}

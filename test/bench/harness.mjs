// Shared bench plumbing: run tinybench tasks and print ns/op, ops/s and ratios to a baseline.
import { Bench } from 'tinybench';

/** Runs `tasks` ({ name: fn }) and returns { name: { nsPerOp, opsPerSec } }. */
export async function measure(tasks, { time = 1500, warmupTime = 300 } = {}) {
  const bench = new Bench({ time, warmupTime });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  const out = {};
  for (const task of bench.tasks) {
    const period = task.result?.period;
    if (!period)
      throw new Error(
        `bench task ${task.name} failed: ${task.result?.error ?? task.result?.state}`,
      );
    out[task.name] = { nsPerOp: period * 1e6, opsPerSec: 1000 / period };
  }
  return out;
}

/** Prints a table of results with each row's cost relative to `baseline`. */
export function report(title, results, baseline) {
  console.log(`\n${title}`);
  const base = results[baseline].nsPerOp;
  for (const [name, { nsPerOp, opsPerSec }] of Object.entries(results)) {
    const ratio = (nsPerOp / base).toFixed(2);
    console.log(
      `  ${name.padEnd(44)} ${nsPerOp.toFixed(0).padStart(9)} ns/op ${opsPerSec.toFixed(0).padStart(10)} ops/s   ${ratio}x ${baseline}'s cost`,
    );
  }
}

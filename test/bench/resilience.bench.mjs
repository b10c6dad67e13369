// Issue 3 item 8 benchmark: faultline's resilience policies beside cockatiel (v3 and v4) and
// opossum, all in this one run over a trivial `async () => 1`:
//   1-2. a closed breaker's success path (vs the floor, a bare `await fn()`),
//   3.   retry + breaker + timeout composed,
//   4.   rejection by an open breaker (vs `Promise.reject` floors),
//   5.   heap and timers per idle breaker,
//   6.   one failure while closed, at window sizes 100 and 100 000 (O(1) per outcome),
//   7.   minified + gzip -9 bundle size, with faultline's per-module breakdown,
// then the targets as PASS/FAIL. Library setups: resilience-libs.mjs.
//
// Run alone: npm run build && node --expose-gc test/bench/resilience.bench.mjs
// (or `npm run bench` for every benchmark). Takes about 45 s.
import { cpus, loadavg } from 'node:os';
import { measure, report } from './harness.mjs';
import {
  c3,
  c4,
  cockatielBreaker,
  cockatielComposed,
  faultline,
  faultlineComposed,
  op,
  openBreakers,
  Opossum,
  opossumLean,
  unwrapPatchedGlobals,
} from './resilience-libs.mjs';
import { perInstance } from './resilience-memory.mjs';
import {
  FL_COUNT,
  FL_TIME,
  failureCost,
  OPOSSUM_DEFAULTS,
  WINDOW_CONFIGS,
} from './resilience-window.mjs';
import { bundleReport } from './resilience-size.mjs';

const started = performance.now();
const patched = unwrapPatchedGlobals();
const TIME = { time: 1500, warmupTime: 300 };
/** Calls per tinybench iteration: amortises tinybench's own per-iteration timing. */
const BATCH = 100;

const ns = (value) => `${value.toFixed(0)} ns`;
const x = (value) => `${value.toFixed(2)}x`;

/** Measures `{ name: () => Promise }` as batches of awaited calls; results are per call. */
async function perCall(calls, { catching = false } = {}) {
  const tasks = {};
  for (const [name, call] of Object.entries(calls)) {
    tasks[name] = catching
      ? async () => {
          for (let i = 0; i < BATCH; i++) {
            try {
              await call();
            } catch {
              // the rejection is the point
            }
          }
        }
      : async () => {
          for (let i = 0; i < BATCH; i++) await call();
        };
  }
  const results = await measure(tasks, TIME);
  for (const result of Object.values(results)) {
    result.nsPerOp /= BATCH;
    result.opsPerSec *= BATCH;
  }
  return results;
}

/** Prints "competitor costs N× faultline's" for every competitor row. */
function versus(results, ours, competitors) {
  for (const name of competitors) {
    const ratio = results[name].nsPerOp / results[ours].nsPerOp;
    console.log(`    ${name.padEnd(40)} costs ${x(ratio)} faultline's`);
  }
}

const summary = [];
function target(label, pass, detail) {
  summary.push({ label, pass, detail });
}

console.log(
  `\n=== Resilience (issue 3 item 8) — Node ${process.version}, ${cpus()[0]?.model ?? '?'} x${cpus().length}, ` +
    `load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} ===`,
);

if (patched.names.length > 0) {
  console.log(
    `  (unwrapped for this benchmark: ${patched.names.join(', ')}, patched by an earlier one)`,
  );
}

// ---- 1-2. Closed breaker, success path ----------------------------------------------------
const FLOOR = 'floor: await fn()';
{
  const fl = faultline.circuitBreaker();
  const k3 = cockatielBreaker(c3);
  const k4 = cockatielBreaker(c4);
  const opDefault = new Opossum(op);
  const opLean = new Opossum(op, opossumLean());
  const results = await perCall({
    [FLOOR]: op,
    'faultline circuitBreaker()': () => fl.execute(op),
    'cockatiel v3 circuitBreaker (Consecutive 5)': () => k3.execute(op),
    'cockatiel v4 circuitBreaker (Consecutive 5)': () => k4.execute(op),
    'opossum defaults': () => opDefault.fire(),
    'opossum lean (no timeout/percentiles/snaps)': () => opLean.fire(),
  });
  opDefault.shutdown();
  opLean.shutdown();
  report('1-2. Breaker alone, closed, success path (per call)', results, FLOOR);
  const floor = results[FLOOR].nsPerOp;
  const ours = results['faultline circuitBreaker()'].nsPerOp;
  console.log(`  faultline over the floor: +${ns(ours - floor)} (target ≤ +40 ns)`);
  versus(results, 'faultline circuitBreaker()', Object.keys(results).slice(2));
  target(
    'breaker alone ≤ floor + 40 ns',
    ours - floor <= 40,
    `floor ${ns(floor)}, faultline ${ns(ours)} (+${ns(ours - floor)})`,
  );
}

// ---- 3. retry + breaker + timeout ---------------------------------------------------------
{
  const fl = faultlineComposed();
  const k3 = cockatielComposed(c3);
  const k4 = cockatielComposed(c4);
  const opTimed = new Opossum(op, { timeout: 1000 });
  const results = await perCall({
    [FLOOR]: op,
    'faultline compose(retry, breaker, timeout)': () => fl.execute(op),
    'cockatiel v3 wrap(retry, breaker, timeout)': () => k3.execute(op),
    'cockatiel v4 wrap(retry, breaker, timeout)': () => k4.execute(op),
    'opossum {timeout: 1000} (closest: no retry)': () => opTimed.fire(),
  });
  opTimed.shutdown();
  report('3. Retry(3) + breaker + timeout(1000) composed, success path (per call)', results, FLOOR);
  const ours = results['faultline compose(retry, breaker, timeout)'].nsPerOp;
  versus(results, 'faultline compose(retry, breaker, timeout)', Object.keys(results).slice(2));
  console.log(
    '    (opossum has no composition or retry; its built-in timeout is the nearest thing)',
  );
  target('composed ≤ 600 ns', ours <= 600, `faultline ${ns(ours)}`);
}

// ---- 4. Open-circuit rejection ------------------------------------------------------------
{
  const open = await openBreakers();
  for (const [name, { call }] of Object.entries(open)) {
    const error = await call().then(
      () => {
        throw new Error(`${name}: an open breaker let a call through`);
      },
      (e) => e,
    );
    const what = error?.type ?? error?.code ?? error?.constructor?.name;
    console.log(`  ${name.padEnd(18)} rejects with ${error?.constructor?.name} (${what})`);
  }
  const PREALLOCATED = new Error('preallocated');
  const calls = {
    'floor: Promise.reject(preallocated)': () => Promise.reject(PREALLOCATED),
    'floor: Promise.reject(new Error())': () => Promise.reject(new Error('open')),
    // Informational: a rejection that happens after the caller's `await` attached its handler
    // skips Node's unhandled-rejection bookkeeping (what most of the first floor is).
    'floor: deferred reject (handler first)': () =>
      new Promise((_, reject) => queueMicrotask(() => reject(PREALLOCATED))),
  };
  for (const [name, { call }] of Object.entries(open)) calls[`${name} open`] = call;
  const results = await perCall(calls, { catching: true });
  for (const { dispose } of Object.values(open)) dispose?.();
  report(
    '4. Open breaker: one rejected call, caught (per call)',
    results,
    'floor: Promise.reject(preallocated)',
  );
  const ours = results['faultline open'].nsPerOp;
  const floor = results['floor: Promise.reject(preallocated)'].nsPerOp;
  console.log(
    `  faultline over the preallocated floor: +${ns(ours - floor)} (the FaultError and the breaker's bookkeeping)`,
  );
  versus(
    results,
    'faultline open',
    Object.keys(results).filter((n) => n !== 'faultline open'),
  );
  const cheapest = (prefix) =>
    Math.min(
      ...Object.entries(results)
        .filter(([n]) => n.startsWith(prefix))
        .map(([, r]) => r.nsPerOp),
    );
  const k3Ratio = cheapest('cockatiel v3') / ours;
  const k4Ratio = cheapest('cockatiel v4') / ours;
  const opRatio = cheapest('opossum') / ours;
  target('open rejection ≤ 700 ns', ours <= 700, `faultline ${ns(ours)}`);
  target(
    'open rejection ≥ 4x faster than cockatiel and opossum',
    Math.min(k3Ratio, k4Ratio, opRatio) >= 4,
    `cockatiel v3 ${x(k3Ratio)}, v4 ${x(k4Ratio)}, opossum (cheaper config) ${x(opRatio)}`,
  );
}

// ---- 5. Memory and timers per idle breaker ------------------------------------------------
{
  console.log('\n5. Idle breakers: heap (+ array buffers) and timers per instance, 10 000 of each');
  const rows = {
    'faultline circuitBreaker()': { make: () => faultline.circuitBreaker() },
    'faultline count_window (size 100)': {
      make: () => faultline.circuitBreaker({ trigger: { kind: 'count_window', size: 100 } }),
    },
    'faultline time_window (60 s)': {
      make: () => faultline.circuitBreaker({ trigger: { kind: 'time_window', windowMs: 60_000 } }),
    },
    'cockatiel v3 (Consecutive 5)': { make: () => cockatielBreaker(c3) },
    'cockatiel v4 (Consecutive 5)': { make: () => cockatielBreaker(c4) },
    'opossum defaults': { make: () => new Opossum(op), dispose: (b) => b.shutdown() },
    'opossum lean': { make: () => new Opossum(op, opossumLean()), dispose: (b) => b.shutdown() },
  };
  const memory = {};
  for (const [name, { make, dispose }] of Object.entries(rows)) {
    const m = (memory[name] = perInstance(make, { dispose }));
    console.log(
      `  ${name.padEnd(44)} ${m.bytes.toFixed(0).padStart(7)} B   timers: ${m.timeouts} setTimeout, ${m.intervals} setInterval`,
    );
  }
  const ours = memory['faultline circuitBreaker()'];
  for (const name of Object.keys(rows).slice(3)) {
    console.log(`    ${name.padEnd(40)} holds ${x(memory[name].bytes / ours.bytes)} faultline's`);
  }
  target(
    '≤ 500 B per idle breaker, no timers',
    ours.bytes <= 500 && ours.timeouts === 0 && ours.intervals === 0,
    `faultline default ${ours.bytes.toFixed(0)} B, ${ours.timeouts + ours.intervals} timers/instance`,
  );
}

// ---- 6. One failure while closed, small vs large window -----------------------------------
{
  console.log(
    '\n6. One failure while closed, window pre-filled with n successes (median ns per failure)',
  );
  console.log(
    `  ${''.padEnd(44)} ${'n = 100'.padStart(12)} ${'n = 100 000'.padStart(12)}   growth`,
  );
  const growth = {};
  for (const [name, config] of Object.entries(WINDOW_CONFIGS)) {
    const small = await failureCost(config, 100);
    const large = await failureCost(config, 100_000, 800);
    growth[name] = large / small;
    console.log(
      `  ${name.padEnd(44)} ${ns(small).padStart(12)} ${ns(large).padStart(12)}   ${x(large / small)}`,
    );
  }
  target(
    'O(1) per outcome (100 000 vs 100 within 2x)',
    Math.max(growth[FL_COUNT], growth[FL_TIME]) <= 2,
    `faultline count_window ${x(growth[FL_COUNT])}, time_window ${x(growth[FL_TIME])}; ` +
      `opossum defaults ${x(growth[OPOSSUM_DEFAULTS])}`,
  );
}

// ---- 7. Bundle size -----------------------------------------------------------------------
{
  const { gzip, slimGzip, noFetchGzip, faultErrorGzip } = await bundleReport();
  target(
    'bundle ≤ 4 KB gzip',
    gzip <= 4096,
    `faultline ${gzip} B gzip (${slimGzip} B without FaultError's extras, ${noFetchGzip} B also without resilientFetch; FaultError alone ${faultErrorGzip} B)`,
  );
}

// ---- Summary ------------------------------------------------------------------------------
console.log(
  `\nResilience targets (issue 3 item 8), ${((performance.now() - started) / 1000).toFixed(0)} s:`,
);
for (const { label, pass, detail } of summary) {
  console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${label.padEnd(54)} ${detail}`);
}
patched.restore();

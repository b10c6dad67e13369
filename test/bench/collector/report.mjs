// Prints the collector benchmark's table, its ratios to the ceilings and the targets of issue 4
// item 7 with PASS/FAIL.

const cells = (...values) => values.map((value) => String(value).padStart(9)).join(' ');
const ms = (value) => (Number.isNaN(value) ? '-' : value.toFixed(1));

/** Prints `{ noop, insert, ingest, workerd, stubbed, cpu, stored }` (see run.mjs). */
export function printReport(
  { noop, insert, ingest, workerd, stubbed, cpu, stored },
  stubbedSeconds,
) {
  const stubbedRow = {
    ...stubbed,
    reqPerSec: stubbed.requests / stubbedSeconds,
    p50Ms: NaN,
    p99Ms: NaN,
  };
  console.log(`\n  ${''.padEnd(38)} ${cells('req/s', 'events/s', 'p50 ms', 'p99 ms')}`);
  for (const [name, r] of [
    ['no-op Hono route (ceiling)', noop],
    ['bare D1 insert (ceiling)', insert],
    ['faultline ingest', ingest],
    ['ingest, storage stubbed (in process)', stubbedRow],
  ]) {
    const figures = cells(
      r.reqPerSec.toFixed(0),
      r.eventsPerSec.toFixed(0),
      ms(r.p50Ms),
      ms(r.p99Ms),
    );
    const failed = r.failures > 0 ? `   ${r.failures} failed, first: ${r.firstFailure}` : '';
    console.log(`  ${name.padEnd(38)} ${figures}${failed}`);
  }
  console.log(
    `  ${'…time in app.fetch alone'.padEnd(38)} ${cells('', cpu.eventsPerSec.toFixed(0))}` +
      `   ${cpu.usPerRequest.toFixed(0)} µs per request, one at a time`,
  );
  console.log(
    `  ${'ingest, storage stubbed (in workerd)'.padEnd(38)} ${cells('', workerd.eventsPerSec.toFixed(0))}` +
      `   ${workerd.usPerRequest.toFixed(0)} µs per request, one at a time`,
  );

  const rows = ingest.eventsPerSec / insert.eventsPerSec;
  const p99 = ingest.p99Ms / insert.p99Ms;
  const lines = [
    ['ingest req/s vs no-op route', `${(ingest.reqPerSec / noop.reqPerSec).toFixed(2)}x`],
    ['bare insert req/s vs no-op route', `${(insert.reqPerSec / noop.reqPerSec).toFixed(2)}x`],
    ['ingest events/s vs bare insert rows/s', `${rows.toFixed(2)}x`, '≥ 0.60x', rows >= 0.6],
    ['ingest p99 vs bare insert p99', `${p99.toFixed(2)}x`, '≤ 1.50x', p99 <= 1.5],
    [
      'stubbed ingest, time in app.fetch',
      cpu.eventsPerSec.toFixed(0),
      '≥ 50 000',
      cpu.eventsPerSec >= 50_000,
    ],
    [
      'stubbed ingest in workerd',
      workerd.eventsPerSec.toFixed(0),
      '≥ 50 000',
      workerd.eventsPerSec >= 50_000,
    ],
    // An acknowledged event is a stored event; D1 may hold more when a request failed after
    // its commit (a client retries it, idempotently).
    [
      'events in D1 vs acknowledged',
      `${stored} ≥ ${ingest.acknowledged}`,
      'all stored',
      stored >= ingest.acknowledged,
    ],
  ];
  console.log('\n  ratios and targets');
  for (const [name, value, goal, ok] of lines) {
    const verdict = goal === undefined ? '' : `  (target ${goal})  ${ok ? 'PASS' : 'FAIL'}`;
    console.log(`  ${name.padEnd(38)} ${value.padStart(13)}${verdict}`);
  }
}

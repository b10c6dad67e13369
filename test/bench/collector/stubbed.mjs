// Ingest with storage stubbed: the collector's whole Hono app (auth, origin check, body
// decoding, per-event validation, scrubbing, fingerprinting, issue ids, grouping, building the
// D1 statements) bundled with esbuild and run in this Node process, with D1 and the limiter
// Durable Object replaced by stubs that answer at once. Shows the CPU cost of ingest, apart from
// storage and wrangler's proxy: the target is ≥ 50 000 events/s on one core.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const APP = new URL('../../../workers/src/app.ts', import.meta.url).pathname;

/** The collector app, bundled for Node (`cloudflare:*` modules replaced by empty shims). */
async function loadApp() {
  const shim = {
    name: 'cloudflare-shim',
    setup(b) {
      b.onResolve({ filter: /^cloudflare:/ }, (args) => ({ path: args.path, namespace: 'shim' }));
      b.onLoad({ filter: /.*/, namespace: 'shim' }, () => ({
        contents:
          'export class DurableObject { constructor(ctx, env) { this.ctx = ctx; this.env = env; } }',
      }));
    },
  };
  const out = await build({
    entryPoints: [APP],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    plugins: [shim],
    logLevel: 'error',
  });
  const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-app-'));
  const file = join(dir, 'app.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  try {
    return (await import(pathToFileURL(file).href)).app;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A D1 binding that accepts every statement and reports no rows and no changes. */
function stubD1() {
  const result = { success: true, results: [], meta: { changes: 0, duration: 0, rows_read: 0 } };
  const statement = {
    bind: () => statement,
    run: async () => result,
    all: async () => result,
    first: async () => null,
    raw: async () => [],
  };
  return {
    prepare: () => statement,
    batch: async (statements) => statements.map(() => result),
    exec: async () => ({ count: 0, duration: 0 }),
  };
}

/** A Durable Object namespace whose objects admit everything. */
function stubLimiter() {
  const object = {
    take: async () => ({ allowed: true, remaining: Number.MAX_SAFE_INTEGER, retryAfterMs: 0 }),
    ping: async () => 'pong',
  };
  return { idFromName: (name) => ({ name }), get: () => object };
}

/**
 * POSTs bodies from `makeBody` to the in-process app for `seconds` (after `warmupSeconds`), with
 * `inFlight` requests outstanding so the thread never waits on an async digest; each sender
 * rewrites its body's ids in place once its request is answered (see `batchMaker`), so the
 * figure is ingest's work, not the making of bodies. Resolves with
 * `{ events, requests, eventsPerSec, failures, firstFailure }`.
 */
export async function runStubbed({ makeBody, seconds = 4, warmupSeconds = 1, inFlight = 4 }) {
  const app = await loadApp();
  const env = { DB: stubD1(), INGEST_LIMITER: stubLimiter(), FAULTLINE_ENV: 'development' };
  const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} };
  const headers = { 'content-type': 'application/json', 'x-faultline-key': 'demo-public-key' };
  const warmEnd = performance.now() + warmupSeconds * 1000;
  const end = warmEnd + seconds * 1000;
  let events = 0;
  let requests = 0;
  let failures = 0;
  let firstFailure;
  async function sender() {
    let body;
    while (performance.now() < end) {
      body = makeBody(body);
      const req = new Request('http://127.0.0.1/v1/events', { method: 'POST', headers, body });
      const res = await app.fetch(req, env, ctx);
      const json = await res.json();
      const now = performance.now();
      if (now < warmEnd || now > end) continue;
      const answered = res.status === 202 ? json.accepted + json.duplicate : 0;
      if (answered === makeBody.meta.events) {
        events += answered;
        requests += 1;
      } else {
        failures += 1;
        firstFailure ??= `HTTP ${res.status} ${JSON.stringify(json).slice(0, 300)}`;
      }
    }
  }
  await Promise.all(Array.from({ length: inFlight }, sender));
  return { events, requests, eventsPerSec: events / seconds, failures, firstFailure };
}

// Ingest with storage stubbed: the collector's whole Hono app (auth, origin check, body
// decoding, per-event validation, scrubbing, fingerprinting, issue ids, grouping, building the
// D1 statements) bundled with esbuild and run in this Node process, with D1 and the limiter
// Durable Object replaced by stubs that answer at once. Shows the CPU cost of ingest, apart from
// storage and wrangler's proxy: the target is ≥ 50 000 events/s on one core, judged on the time
// spent inside the app (`measureIngestCpu`); the throughput with the sending side on the same
// thread (`runStubbed`) is shown beside it.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ingestRequest, stubbedEnv } from './stub-bindings.mjs';

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

/** The in-process app with stubbed bindings, and what each request carries. */
async function stubbedApp() {
  const app = await loadApp();
  const env = stubbedEnv();
  const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} };
  return { app, env, ctx, post: ingestRequest };
}

/** How many events a 202 answered for, or a description of what went wrong. */
async function answered(res, expected) {
  const json = await res.json();
  const count = res.status === 202 ? json.accepted + json.duplicate : 0;
  return count === expected ? count : `HTTP ${res.status} ${JSON.stringify(json).slice(0, 300)}`;
}

/**
 * POSTs bodies from `makeBody` to the in-process app for `seconds` (after `warmupSeconds`), with
 * `inFlight` requests outstanding so the thread never waits on an async digest; each sender
 * rewrites its body's ids in place once its request is answered (see `batchMaker`), so the
 * figure is ingest's work, not the making of bodies. The sending side (Requests built, answers
 * read) runs on the same thread and is counted too. Resolves with
 * `{ events, requests, eventsPerSec, failures, firstFailure }`.
 */
export async function runStubbed({ makeBody, seconds = 4, warmupSeconds = 1, inFlight = 4 }) {
  const { app, env, ctx, post } = await stubbedApp();
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
      const outcome = await answered(await app.fetch(post(body), env, ctx), makeBody.meta.events);
      const now = performance.now();
      if (now < warmEnd || now > end) continue;
      if (typeof outcome === 'number') {
        events += outcome;
        requests += 1;
      } else {
        failures += 1;
        firstFailure ??= outcome;
      }
    }
  }
  await Promise.all(Array.from({ length: inFlight }, sender));
  return { events, requests, eventsPerSec: events / seconds, failures, firstFailure };
}

/**
 * Ingest's own CPU cost: one request at a time, the time spent inside `app.fetch` alone (body
 * read, decoded, validated, scrubbed, fingerprinted, grouped, statements built, answer made),
 * not the building of Requests or the reading of answers. With stubs that answer at once, that
 * wall time is the thread's work (wall rather than CPU time: it also holds what other threads
 * do meanwhile, such as garbage collection). In workerd the stubbed D1 statements and the
 * Durable Object call cost CPU too: the figure is an upper bound. Resolves with `{ events,
 * requests, usPerRequest, eventsPerSec, failures, firstFailure }`.
 */
export async function measureIngestCpu({ makeBody, seconds = 4, warmupSeconds = 1 }) {
  const { app, env, ctx, post } = await stubbedApp();
  const warmEnd = performance.now() + warmupSeconds * 1000;
  const end = warmEnd + seconds * 1000;
  let inApp = 0;
  let requests = 0;
  let failures = 0;
  let firstFailure;
  let body;
  while (performance.now() < end) {
    body = makeBody(body);
    const request = post(body);
    const started = performance.now();
    const res = await app.fetch(request, env, ctx);
    const took = performance.now() - started;
    const outcome = await answered(res, makeBody.meta.events);
    if (started < warmEnd) continue;
    if (typeof outcome !== 'number') {
      failures += 1;
      firstFailure ??= outcome;
      continue;
    }
    inApp += took;
    requests += 1;
  }
  return timedSummary({
    requests,
    eventsPerRequest: makeBody.meta.events,
    ms: inApp,
    failures,
    firstFailure,
  });
}

/**
 * `{ events, requests, usPerRequest, eventsPerSec, failures, firstFailure }` of `requests`
 * timed requests of `eventsPerRequest` events that took `ms` in all.
 */
export function timedSummary({ requests, eventsPerRequest, ms, failures, firstFailure }) {
  const events = requests * eventsPerRequest;
  return {
    events,
    requests,
    usPerRequest: (ms / requests) * 1000,
    eventsPerSec: events / (ms / 1000),
    failures,
    firstFailure,
  };
}

// The stubbed bindings of the collector's CPU benchmark, plain JavaScript so that the same stubs
// serve the app in this Node process (stubbed.mjs) and inside workerd (bench-worker.mjs).

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

/** The collector's env with D1 and the ingest limiter stubbed, serving the demo project. */
export function stubbedEnv() {
  return { DB: stubD1(), INGEST_LIMITER: stubLimiter(), FAULTLINE_ENV: 'development' };
}

/** What an ingest request of the benchmark carries besides its body. */
export const INGEST_HEADERS = {
  'content-type': 'application/json',
  'x-faultline-key': 'demo-public-key',
};

/** A `POST /v1/events` of `body` (the host is never reached: the app is called directly). */
export function ingestRequest(body) {
  return new Request('http://127.0.0.1/v1/events', {
    method: 'POST',
    headers: INGEST_HEADERS,
    body,
  });
}

// The resilience policies in real Deno, against the built package, with a real Deno.serve
// server failing in scripted ways.
import assert from 'node:assert/strict';
import {
  circuitBreaker,
  compose,
  constantBackoff,
  isFaultError,
  resilientFetch,
  retry,
  timeout,
} from '../../dist/index.js';

type Script = Record<string, number[]>;

/** Serves each path's statuses in turn (the last repeats); 0 means never answer. */
function scriptedServer(script: Script) {
  const hits: Record<string, string[]> = {};
  const hanging: (() => void)[] = [];
  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen() {} }, async (req) => {
    const path = new URL(req.url).pathname;
    (hits[path] ??= []).push(await req.text());
    const statuses = script[path] ?? [200];
    const status = statuses.length > 1 ? (statuses.shift() as number) : (statuses[0] as number);
    if (status === 0) {
      // Hang until close(), so shutdown() does not wait on us forever.
      return new Promise<Response>((resolve) => hanging.push(() => resolve(new Response(null))));
    }
    return new Response(status === 204 ? null : `status ${status}`, { status });
  });
  const base = `http://127.0.0.1:${server.addr.port}`;
  const close = () => {
    hanging.forEach((release) => release());
    return server.shutdown();
  };
  return { base, hits, close };
}

const fast = { backoff: constantBackoff(5) };

Deno.test('resilientFetch retries a GET on 503 and resends nothing twice for a POST', async () => {
  const server = scriptedServer({ '/get': [503, 200], '/post': [503, 200] });
  try {
    const api = resilientFetch({ retry: { ...fast, attempts: 3 } });
    assert.equal((await api(`${server.base}/get`)).status, 200);
    assert.equal(server.hits['/get']?.length, 2);
    const post = await api(`${server.base}/post`, { method: 'POST', body: 'once' });
    assert.equal(post.status, 503);
    await post.body?.cancel();
    assert.deepEqual(server.hits['/post'], ['once']);
  } finally {
    await server.close();
  }
});

Deno.test('resilientFetch replays the body of an idempotent request', async () => {
  const server = scriptedServer({ '/put': [502, 204] });
  try {
    const api = resilientFetch({ retry: fast });
    const res = await api(`${server.base}/put`, { method: 'PUT', body: '{"v":1}' });
    assert.equal(res.status, 204);
    assert.deepEqual(server.hits['/put'], ['{"v":1}', '{"v":1}']);
  } finally {
    await server.close();
  }
});

Deno.test('resilientFetch times out a hanging response with a timeout FaultError', async () => {
  const server = scriptedServer({ '/hang': [0] });
  try {
    const api = resilientFetch({ retry: false, timeoutMs: 50 });
    const error = await api(`${server.base}/hang`).catch((e: unknown) => e);
    assert.ok(isFaultError(error));
    assert.equal(error.type, 'timeout');
  } finally {
    await server.close();
  }
});

Deno.test('resilientFetch rejects with network_error when nothing listens', async () => {
  const listener = Deno.listen({ hostname: '127.0.0.1', port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  const error = await resilientFetch({ retry: { ...fast, attempts: 2 } })(
    `http://127.0.0.1:${port}/`,
  ).catch((e: unknown) => e);
  assert.ok(isFaultError(error));
  assert.equal(error.type, 'network_error');
  assert.equal((error.context.attempts as unknown[]).length, 2);
});

Deno.test('a breaker opens and fails fast with circuit_open', async () => {
  const breaker = circuitBreaker({ trigger: { kind: 'consecutive', threshold: 2 } });
  for (let i = 0; i < 2; i++)
    await breaker.execute(() => Promise.reject(new TypeError('fetch failed'))).catch(() => 0);
  assert.equal(breaker.state, 'open');
  const error = await breaker.execute(() => 1).catch((e: unknown) => e);
  assert.ok(isFaultError(error));
  assert.equal(error.code, 2302);
});

Deno.test('composed policies time out the whole call and abort the signal', async () => {
  let signal: AbortSignal | undefined;
  const policy = compose(timeout(30), retry({ ...fast, attempts: 5 }), circuitBreaker());
  const error = await policy
    .execute((context: { signal: AbortSignal }) => {
      signal = context.signal;
      return new Promise(() => {});
    })
    .catch((e: unknown) => e);
  assert.ok(isFaultError(error));
  assert.equal(error.type, 'timeout');
  assert.equal(signal?.aborted, true);
});

// resilientFetch against real local HTTP servers that fail in scripted ways.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../src/context/operation-context.js';
import type { FaultError } from '../../../src/errors/fault-error.js';
import { resilientFetch } from '../../../src/fetch/resilient-fetch.js';
import { rateLimiter } from '../../../src/ratelimit/limiter.js';
import type { Clock } from '../../../src/runtime/clock.js';
import type { Timers } from '../../../src/runtime/timers.js';

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Step = (res: ServerResponse) => void;

const status =
  (code: number, headers: Record<string, string> = {}): Step =>
  (res) =>
    res.writeHead(code, headers).end(`status ${code}`);
const hang: Step = () => {};

/** A server answering each path with its script, one step per request (the last repeats). */
function scriptedServer() {
  const scripts = new Map<string, Step[]>();
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      seen.push({ method: req.method ?? '', path, headers: req.headers, body });
      if (path === '/auth') {
        const ok = req.headers.authorization === 'Bearer fresh';
        return status(ok ? 200 : 401)(res);
      }
      const script = scripts.get(path) ?? [status(200)];
      const step = script.length > 1 ? (script.shift() as Step) : (script[0] as Step);
      step(res);
    });
  });
  return { server, scripts, seen, hits: (path: string) => seen.filter((s) => s.path === path) };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * Time running 100 times faster than real time, so Retry-After and backoff waits pass in
 * milliseconds while requests still race real timeouts; `waits` records every timer of 500 ms
 * or more that was asked for (in accelerated ms).
 */
function fastTime(factor = 100): { clock: Clock; timers: Timers; waits: number[] } {
  const waits: number[] = [];
  const start = performance.now();
  const scaled = () => (performance.now() - start) * factor;
  return {
    waits,
    clock: { now: () => 1_700_000_000_000 + scaled(), monotonic: scaled },
    timers: {
      set(callback, ms) {
        if (ms >= 500) waits.push(ms);
        return setTimeout(callback, ms / factor);
      },
      clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
  };
}

const primary = scriptedServer();
const backup = scriptedServer();
let base = '';
let backupBase = '';
let deadBase = '';

beforeAll(async () => {
  base = await listen(primary.server);
  backupBase = await listen(backup.server);
  const dead = createServer();
  deadBase = await listen(dead);
  await new Promise((resolve) => dead.close(resolve)); // nothing listens there any more
});
afterAll(() => {
  primary.server.closeAllConnections();
  backup.server.closeAllConnections();
  primary.server.close();
  backup.server.close();
});

describe('resilientFetch() against a real server', () => {
  it('retries a GET on 503 then resolves with the 200', async () => {
    primary.scripts.set('/flaky', [status(503), status(503), status(200)]);
    const time = fastTime();
    const res = await resilientFetch({ ...time, retry: { attempts: 3 } })(`${base}/flaky`);
    expect(res.status).toBe(200);
    expect(primary.hits('/flaky')).toHaveLength(3);
  });

  it('honours Retry-After on a 429', async () => {
    primary.scripts.set('/limited', [status(429, { 'Retry-After': '2' }), status(200)]);
    const time = fastTime();
    const res = await resilientFetch(time)(`${base}/limited`);
    expect(res.status).toBe(200);
    expect(time.waits).toContain(2000);
  });

  it('resolves with the last Response when retries run out on HTTP statuses', async () => {
    primary.scripts.set('/down', [status(503)]);
    const res = await resilientFetch({ ...fastTime(), retry: { attempts: 2 } })(`${base}/down`);
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('status 503');
  });

  it('does not retry a POST, but does when it carries an Idempotency-Key, resending the body', async () => {
    primary.scripts.set('/post', [status(503), status(201)]);
    const api = resilientFetch(fastTime());
    const first = await api(`${base}/post`, { method: 'POST', body: 'order-1' });
    expect(first.status).toBe(503);
    expect(primary.hits('/post')).toHaveLength(1);
    primary.scripts.set('/post2', [status(503), status(201)]);
    const second = await api(`${base}/post2`, {
      method: 'POST',
      body: JSON.stringify({ order: 2 }),
      headers: { 'Idempotency-Key': 'k-2' },
    });
    expect(second.status).toBe(201);
    expect(primary.hits('/post2').map((h) => h.body)).toEqual(['{"order":2}', '{"order":2}']);
  });

  it('times out a hanging attempt, retries, and rejects with a timeout FaultError', async () => {
    primary.scripts.set('/hang', [hang]);
    const api = resilientFetch({ ...fastTime(), timeoutMs: 5000, retry: { attempts: 2 } });
    const error = (await api(`${base}/hang`).catch((e: unknown) => e)) as FaultError;
    expect(error).toMatchObject({ type: 'timeout', code: 4301 });
    expect(error.context.attempts).toHaveLength(2);
    expect(primary.hits('/hang')).toHaveLength(2);
  });

  it('rejects with a network_error FaultError carrying the attempts when nothing listens', async () => {
    const api = resilientFetch({ ...fastTime(), retry: { attempts: 2 }, breaker: false });
    const error = (await api(`${deadBase}/x`).catch((e: unknown) => e)) as FaultError;
    expect(error).toMatchObject({ name: 'FaultError', type: 'network_error' });
    expect(error.context.attempts).toHaveLength(2);
  });

  it('rejects with cancelled when the caller aborts', async () => {
    primary.scripts.set('/slow', [hang]);
    const controller = new AbortController();
    const call = resilientFetch({ timeoutMs: 10_000 })(`${base}/slow`, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toMatchObject({ type: 'cancelled' });
  });

  it('refreshes credentials once on 401 through onAuthError', async () => {
    let refreshes = 0;
    const api = resilientFetch({
      onAuthError: () => {
        refreshes++;
        return { Authorization: 'Bearer fresh' };
      },
    });
    const res = await api(`${base}/auth`, { headers: { Authorization: 'Bearer stale' } });
    expect(res.status).toBe(200);
    expect(refreshes).toBe(1);
    const stubborn = resilientFetch({ onAuthError: () => ({ Authorization: 'Bearer wrong' }) });
    expect((await stubborn(`${base}/auth`)).status).toBe(401); // once only, then the 401
  });

  it('goes to a fallback origin while the primary’s breaker is open', async () => {
    const api = resilientFetch({
      ...fastTime(),
      retry: { attempts: 1 },
      breaker: { trigger: { kind: 'consecutive', threshold: 2 } },
      fallbackOrigins: [backupBase],
    });
    for (let i = 0; i < 2; i++) await api(`${deadBase}/items?page=2`).catch(() => undefined);
    const res = await api(`${deadBase}/items?page=2`);
    expect(res.status).toBe(200);
    expect(backup.hits('/items')).toHaveLength(1);
  });

  it('rejects with circuit_open when every origin’s breaker is open', async () => {
    const api = resilientFetch({
      retry: { attempts: 1 },
      breaker: { trigger: { kind: 'consecutive', threshold: 1 } },
    });
    await api(`${deadBase}/x`).catch(() => undefined);
    await expect(api(`${deadBase}/x`)).rejects.toMatchObject({ type: 'circuit_open', code: 2302 });
  });

  it('sends traceparent, continuing the caller’s context, only where allowed', async () => {
    const context = createContext({
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
    await resilientFetch({ context })(`${base}/traced`);
    const header = primary.hits('/traced')[0]?.headers.traceparent as string;
    expect(header).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    await resilientFetch({ propagateTraceTo: [backupBase] })(`${base}/untraced`);
    expect(primary.hits('/untraced')[0]?.headers.traceparent).toBeUndefined();
  });

  it('waits for the rate limiter like for a 429', async () => {
    const time = fastTime(10); // slow enough that the refill is not over by the second call
    const limiter = rateLimiter({
      algorithm: 'token_bucket',
      capacity: 1,
      refillPerSecond: 1,
      clock: time.clock,
    });
    const api = resilientFetch({ ...time, limiter });
    await api(`${base}/limited-1`);
    const res = await api(`${base}/limited-1`);
    expect(res.status).toBe(200);
    const limiterWaits = time.waits.filter((ms) => ms <= 1000); // not the 10 s / 60 s deadlines
    expect(limiterWaits).toHaveLength(1);
    expect(limiterWaits[0]).toBeGreaterThan(500);
  });
});

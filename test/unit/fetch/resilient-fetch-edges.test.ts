// resilientFetch and its policies at their edges: a path that looks like another host, a
// credential refresh that fails, a call cut by its total time, a long attempt, a probe in
// flight, a store listener that throws.
import { describe, expect, it } from 'vitest';
import { constantBackoff } from '../../../src/backoff/constant-backoff.js';
import { circuitBreaker } from '../../../src/breaker/breaker.js';
import { memoryBreakerStore } from '../../../src/breaker/store.js';
import { resilientFetch } from '../../../src/fetch/resilient-fetch.js';
import { manualTime } from '../../support/manual-time.js';

const failing = () => Promise.reject(new TypeError('fetch failed'));
const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : String(input));

/** A fetch that answers after `ms` of `time`, or rejects when its request is aborted. */
function slowFetch(time: ReturnType<typeof manualTime>, ms: number) {
  return (input: RequestInfo | URL) =>
    new Promise<Response>((resolve, reject) => {
      const request = input as Request;
      const handle = time.timers.set(() => resolve(new Response('late')), ms);
      request.signal.addEventListener('abort', () => {
        time.timers.clear(handle);
        reject(request.signal.reason);
      });
    });
}

describe('resilientFetch() at its edges', () => {
  it('keeps a fallback on its own origin whatever the path looks like', async () => {
    const sent: string[] = [];
    const api = resilientFetch({
      fetch: (input) => (sent.push(urlOf(input)), failing()),
      retry: false,
      breaker: { trigger: { kind: 'consecutive', threshold: 1 } },
      fallbackOrigins: ['https://eu.api.example.com'],
    });
    await api('https://api.example.com/open').catch(() => undefined); // opens the primary
    await api('https://api.example.com//attacker.net/x?y=1').catch(() => undefined);
    expect(sent.at(-1)).toBe('https://eu.api.example.com//attacker.net/x?y=1');
  });

  it('answers the 401 when the credential refresh fails, and counts no failure', async () => {
    const api = resilientFetch({
      fetch: async () => new Response(null, { status: 401 }),
      retry: false,
      breaker: { trigger: { kind: 'consecutive', threshold: 2 } },
      onAuthError: async () => {
        throw new Error('the token endpoint is down');
      },
    });
    for (let i = 0; i < 3; i++) expect((await api('https://api.example.com/me')).status).toBe(401);
  });

  it('rejects a call its total time cut with the attempts it made', async () => {
    const time = manualTime();
    const api = resilientFetch({
      fetch: slowFetch(time, 60_000),
      ...time,
      breaker: false,
      timeoutMs: { attemptMs: 10_000, totalMs: 15_000 },
      retry: { attempts: 3, backoff: constantBackoff(100) },
    });
    const call = api('https://api.example.com/x').catch((error: unknown) => error);
    await time.advanceAsync(20_000);
    expect(await call).toMatchObject({
      type: 'timeout',
      context: { attempts: [{ type: 'timeout' }, { type: 'timeout' }] },
    });
  });

  it('gives a longer attempt than the default total its whole time', async () => {
    const time = manualTime();
    const api = resilientFetch({ fetch: slowFetch(time, 90_000), ...time, timeoutMs: 120_000 });
    const call = api('https://api.example.com/report');
    await time.advanceAsync(100_000);
    expect((await call).status).toBe(200);
  });

  it('retries a call turned away by a probe in flight on its own backoff, not the probe deadline', async () => {
    const time = manualTime();
    let down = true;
    const api = resilientFetch({
      fetch: () =>
        down
          ? failing()
          : new Promise((resolve) => time.timers.set(() => resolve(new Response('ok')), 100)),
      ...time,
      retry: { attempts: 2, backoff: constantBackoff(200) },
      breaker: { trigger: { kind: 'consecutive', threshold: 1 }, halfOpenAfterMs: 1000 },
    });
    const opening = api('https://a.example/x').catch(() => undefined); // opens the breaker
    await time.advanceAsync(2_000);
    await opening;
    down = false;
    const probe = api('https://a.example/probe');
    await time.settle();
    let answeredAt: number | undefined;
    const other = api('https://a.example/other').then((res) => ((answeredAt = time.elapsed), res));
    await time.advanceAsync(1_000);
    expect((await probe).status).toBe(200);
    // Turned away while the 100 ms probe ran, it came back 200 ms later: not 30 s later.
    expect(answeredAt).toBeDefined();
    expect((await other).status).toBe(200);
  });
});

describe('memoryBreakerStore() listeners', () => {
  it('keeps a throwing listener from the call and from the other breakers', async () => {
    const store = memoryBreakerStore();
    const a = circuitBreaker({
      name: 'pay',
      store,
      trigger: { kind: 'consecutive', threshold: 1 },
    });
    const b = circuitBreaker({ name: 'pay', store });
    store.subscribe('pay', () => {
      throw new Error('a listener bug');
    });
    const failure = new TypeError('fetch failed');
    await expect(a.execute(() => Promise.reject(failure))).rejects.toBe(failure);
    expect([a.state, b.state]).toEqual(['open', 'open']);
  });
});

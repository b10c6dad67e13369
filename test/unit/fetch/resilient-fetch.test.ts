// resilientFetch over a scripted fetch: runs in Node and inside workerd, whose Request and
// Response differ from undici's (no `cache`/`mode`/`credentials` fields, stricter bodies).
import { describe, expect, it } from 'vitest';
import { resilientFetch } from '../../../src/fetch/resilient-fetch.js';
import { manualTime } from '../../support/manual-time.js';

/** A fetch answering with `statuses` in turn (the last repeats), recording what it was sent. */
function scriptedFetch(...statuses: number[]) {
  const requests: { method: string; url: string; body: string; headers: Headers }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push({
      method: request.method,
      url: request.url,
      body: await request.text(),
      headers: request.headers,
    });
    const status = statuses.length > 1 ? (statuses.shift() as number) : (statuses[0] as number);
    return new Response(status === 204 ? null : `status ${status}`, { status });
  };
  return Object.assign(fetch as typeof globalThis.fetch, { requests });
}

describe('resilientFetch()', () => {
  it('fails at once while the breaker is open rather than wait past its total time', async () => {
    const time = manualTime();
    const api = resilientFetch({
      fetch: () => Promise.reject(new TypeError('fetch failed')),
      ...time,
      retry: { attempts: 3 },
      timeoutMs: { attemptMs: 2000, totalMs: 8000 },
      breaker: { trigger: { kind: 'consecutive', threshold: 2 }, halfOpenAfterMs: 10_000 },
    });
    const first = api('https://api.example.com/a').catch((error: unknown) => error);
    await time.advanceAsync(1000); // two failures open the breaker; the third attempt gives up
    expect(await first).toMatchObject({ type: 'circuit_open' });
    const started = time.elapsed;
    const next = api('https://api.example.com/b').catch((error: unknown) => error);
    await time.advanceAsync(0);
    // The probe is 10 s away, beyond the 8 s total: no waiting for it, no timeout after it.
    expect(await next).toMatchObject({ type: 'circuit_open', code: 2302 });
    expect(time.elapsed - started).toBe(0);
  });

  it('replays a body on each attempt', async () => {
    const time = manualTime();
    const fetch = scriptedFetch(503, 200);
    const api = resilientFetch({ fetch, ...time, retry: { attempts: 2, methods: ['PUT'] } });
    const call = api('https://api.example.com/items/1', { method: 'PUT', body: 'payload' });
    await time.advanceAsync(60_000);
    expect((await call).status).toBe(200);
    expect(fetch.requests.map((r) => [r.method, r.body])).toEqual([
      ['PUT', 'payload'],
      ['PUT', 'payload'],
    ]);
  });

  it('keeps the caller’s headers and adds a traceparent outside browsers', async () => {
    const fetch = scriptedFetch(200);
    await resilientFetch({ fetch })(
      new Request('https://api.example.com/', { headers: { 'X-Id': '7' } }),
    );
    const headers = fetch.requests[0]?.headers;
    expect(headers?.get('x-id')).toBe('7');
    expect(headers?.get('traceparent')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('keeps a traceparent the caller set', async () => {
    const fetch = scriptedFetch(200);
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await resilientFetch({ fetch })('https://api.example.com/', { headers: { traceparent } });
    expect(fetch.requests[0]?.headers.get('traceparent')).toBe(traceparent);
  });

  it('resolves with a non-retryable response at once', async () => {
    const fetch = scriptedFetch(404);
    const res = await resilientFetch({ fetch })('https://api.example.com/missing');
    expect(res.status).toBe(404);
    expect(fetch.requests).toHaveLength(1);
  });

  it('refuses invalid options with a config FaultError naming each', () => {
    expect(() =>
      resilientFetch({ timeoutMs: -1, fallbackOrigins: ['not a url'], fetch: 1 as never }),
    ).toThrow(
      expect.objectContaining({
        category: 'config',
        context: {
          problems: expect.arrayContaining([
            expect.objectContaining({ path: 'timeoutMs' }),
            expect.objectContaining({ path: 'fallbackOrigins.0' }),
            expect.objectContaining({ path: 'fetch' }),
          ]),
        },
      }),
    );
  });
});

describe('resilientFetch() signals, trace and fallbacks', () => {
  it('aborts the underlying request with the signal of a Request input', async () => {
    let seen: AbortSignal | undefined;
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      seen = new Request(input, init).signal;
      return new Promise<Response>(() => {});
    }) as typeof globalThis.fetch;
    const controller = new AbortController();
    const call = resilientFetch({ fetch })(
      new Request('https://api.example.com/', { signal: controller.signal }),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    controller.abort();
    await expect(call).rejects.toMatchObject({ type: 'cancelled' });
    expect(seen?.aborted).toBe(true);
  });

  it('sends traceparent to a fallback origin only where propagateTraceTo allows', async () => {
    const backup = scriptedFetch(200);
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      return request.url.startsWith('https://api.example.com')
        ? Promise.reject(new TypeError('Failed to fetch'))
        : backup(request);
    }) as typeof globalThis.fetch;
    const api = resilientFetch({
      fetch,
      propagateTraceTo: ['https://api.example.com'],
      fallbackOrigins: ['https://third-party.example.net'],
      breaker: { trigger: { kind: 'consecutive', threshold: 1 } },
      retry: false,
    });
    await api('https://api.example.com/x').catch(() => undefined); // opens the primary
    const res = await api('https://api.example.com/x');
    expect(res.status).toBe(200);
    expect(backup.requests.map((r) => r.url)).toEqual(['https://third-party.example.net/x']);
    expect(backup.requests[0]?.headers.get('traceparent')).toBeNull();
  });

  it('uses a fallback origin while the primary’s half-open probe is in flight', async () => {
    const time = manualTime();
    const backup = scriptedFetch(200);
    let probe: ((res: Response) => void) | undefined;
    let primaryCalls = 0;
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (!request.url.startsWith('https://api.example.com')) return backup(request);
      primaryCalls++;
      if (primaryCalls === 1) return Promise.reject(new TypeError('Failed to fetch'));
      return new Promise<Response>((resolve) => (probe = resolve));
    }) as typeof globalThis.fetch;
    const api = resilientFetch({
      fetch,
      ...time,
      retry: false,
      breaker: { trigger: { kind: 'consecutive', threshold: 1 }, halfOpenAfterMs: 50 },
      fallbackOrigins: ['https://backup.example.com'],
    });
    await api('https://api.example.com/x').catch(() => undefined); // opens the primary
    time.advance(50);
    const probing = api('https://api.example.com/x'); // the probe, left hanging
    await time.settle();
    const res = await api('https://api.example.com/x');
    expect(res.status).toBe(200);
    expect(backup.requests.map((r) => r.url)).toEqual(['https://backup.example.com/x']);
    probe?.(new Response('ok'));
    expect((await probing).status).toBe(200);
  });

  it('spends no limiter token while every breaker is open', async () => {
    const time = manualTime();
    const taken: string[] = [];
    const limiter = {
      take: async (key: string) => {
        taken.push(key);
        return { allowed: true, remaining: 100, retryAfterMs: 0 };
      },
    };
    const api = resilientFetch({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      ...time,
      retry: false,
      limiter,
      breaker: { trigger: { kind: 'consecutive', threshold: 1 }, halfOpenAfterMs: 60_000 },
    });
    await api('https://api.example.com/x').catch(() => undefined); // opens the breaker
    expect(taken).toEqual(['https://api.example.com']);
    for (let i = 0; i < 3; i++) {
      await expect(api('https://api.example.com/x')).rejects.toMatchObject({
        type: 'circuit_open',
      });
    }
    expect(taken).toHaveLength(1);
  });

  it('never lets the limiter’s refusals or failures count against the origin’s breaker', async () => {
    const time = manualTime();
    let limiterState: 'refuse' | 'throw' | 'allow' = 'refuse';
    const limiter = {
      take: async () => {
        if (limiterState === 'throw') throw new TypeError('Failed to fetch'); // a shared store
        return { allowed: limiterState === 'allow', remaining: 0, retryAfterMs: 1000 };
      },
    };
    const upstream = scriptedFetch(503, 200);
    const api = resilientFetch({
      fetch: upstream,
      ...time,
      retry: false,
      limiter,
      breaker: { trigger: { kind: 'consecutive', threshold: 2 }, halfOpenAfterMs: 1000 },
    });
    const url = 'https://api.example.com/x';
    for (const state of ['refuse', 'throw'] as const) {
      limiterState = state;
      for (let i = 0; i < 3; i++) await api(url).catch(() => undefined);
    }
    expect(upstream.requests).toHaveLength(0);
    limiterState = 'allow';
    expect((await api(url)).status).toBe(503); // one real failure: still closed (threshold 2)
    expect((await api(url)).status).toBe(200);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchBreadcrumbs } from '../../../../../src/adapters/browser/integrations/index.js';
import { OWN_REQUEST } from '../../../../../src/transport/own-request.js';
import { recordingTarget, throwingTarget } from './recording-target.js';

/** A fetch that answers `status` after `delayMs` of (fake) time, remembering each call. */
function fakeFetch(status = 200, delayMs = 0) {
  const calls: { self: unknown; args: unknown[] }[] = [];
  const fetch = function (this: unknown, ...args: unknown[]) {
    calls.push({ self: this, args });
    return new Promise<Response>((resolve) => {
      setTimeout(() => resolve(new Response('body', { status })), delayMs);
    });
  } as typeof globalThis.fetch;
  return { scope: { fetch }, original: fetch, calls };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'performance', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

async function settle<T>(promise: Promise<T>, ms = 1000): Promise<T> {
  await vi.advanceTimersByTimeAsync(ms);
  return promise;
}

describe('fetchBreadcrumbs()', () => {
  it('records method, url, status and duration when the response arrives', async () => {
    const client = recordingTarget();
    const { scope } = fakeFetch(201, 120);
    fetchBreadcrumbs(client, scope);
    await settle(scope.fetch('/api/cart', { method: 'post' }));
    expect(client.crumbs).toEqual([
      {
        category: 'fetch',
        level: 'info',
        data: { method: 'POST', url: '/api/cart', status_code: 201, duration_ms: 120 },
      },
    ]);
  });

  it('records a 4xx as a warning and a 5xx as an error', async () => {
    const client = recordingTarget();
    for (const status of [404, 503]) {
      const { scope } = fakeFetch(status);
      fetchBreadcrumbs(client, scope);
      await settle(scope.fetch('/x'));
    }
    expect(client.crumbs.map((crumb) => [crumb.level, crumb.data?.status_code])).toEqual([
      ['warning', 404],
      ['error', 503],
    ]);
  });

  it('records a network failure as an error without a status, and rejects with the same error', async () => {
    const client = recordingTarget();
    const failure = new TypeError('Failed to fetch');
    const scope = { fetch: (() => Promise.reject(failure)) as typeof fetch };
    fetchBreadcrumbs(client, scope);
    await expect(scope.fetch('https://down.example/')).rejects.toBe(failure);
    expect(client.crumbs).toEqual([
      {
        category: 'fetch',
        level: 'error',
        data: { method: 'GET', url: 'https://down.example/', duration_ms: 0 },
      },
    ]);
  });

  it('reads method and url from a Request, and the url of a URL', async () => {
    const client = recordingTarget();
    const { scope } = fakeFetch();
    fetchBreadcrumbs(client, scope);
    await settle(scope.fetch(new Request('https://api.example/items', { method: 'DELETE' })));
    await settle(scope.fetch(new URL('https://api.example/list?page=2')));
    expect(client.crumbs.map((crumb) => crumb.data)).toMatchObject([
      { method: 'DELETE', url: 'https://api.example/items' },
      { method: 'GET', url: 'https://api.example/list?page=2' },
    ]);
  });

  it('passes this and the arguments through and resolves to the same Response, unread', async () => {
    const { scope, calls } = fakeFetch();
    const response = new Response('payload');
    const original = function (this: unknown, ...args: unknown[]) {
      calls.push({ self: this, args });
      return Promise.resolve(response);
    } as typeof fetch;
    scope.fetch = original;
    fetchBreadcrumbs(recordingTarget(), scope);
    const init = { headers: { accept: 'application/json' } };
    const got = await scope.fetch('/a', init);
    expect(got).toBe(response);
    expect(got.bodyUsed).toBe(false);
    expect(calls).toEqual([{ self: scope, args: ['/a', init] }]);
    expect(calls[0]?.args[1]).toBe(init);
  });

  it('throws what the original throws synchronously', () => {
    const thrown = new TypeError('Illegal invocation');
    const scope = {
      fetch: (() => {
        throw thrown;
      }) as typeof fetch,
    };
    fetchBreadcrumbs(recordingTarget(), scope);
    expect(() => scope.fetch('/a')).toThrow(thrown);
  });

  it("skips faultline's own requests", async () => {
    const client = recordingTarget();
    const { scope, calls } = fakeFetch();
    fetchBreadcrumbs(client, scope);
    const init = { method: 'POST', [OWN_REQUEST]: true } as RequestInit;
    await settle(scope.fetch('https://errors.example/v1/events', init));
    expect(calls).toHaveLength(1);
    expect(client.crumbs).toEqual([]);
  });

  it('restores the original fetch on uninstall and records nothing after', async () => {
    const client = recordingTarget();
    const { scope, original } = fakeFetch();
    const uninstall = fetchBreadcrumbs(client, scope);
    expect(scope.fetch).not.toBe(original);
    const inFlight = scope.fetch('/slow');
    uninstall();
    expect(scope.fetch).toBe(original);
    await settle(inFlight);
    await settle(scope.fetch('/after'));
    expect(client.crumbs).toEqual([]);
  });

  it('keeps the response flowing when the client throws', async () => {
    const { scope } = fakeFetch(200);
    fetchBreadcrumbs(throwingTarget, scope);
    const response = await settle(scope.fetch('/a'));
    expect(response.status).toBe(200);
  });

  it('is a no-op where there is no fetch', () => {
    const scope: { fetch?: typeof fetch } = {};
    fetchBreadcrumbs(recordingTarget(), scope)();
    expect(scope).toEqual({});
  });
});

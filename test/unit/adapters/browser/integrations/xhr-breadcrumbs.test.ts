import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { xhrBreadcrumbs } from '../../../../../src/adapters/browser/integrations/index.js';
import { OWN_REQUEST } from '../../../../../src/transport/own-request.js';
import { recordingTarget, throwingTarget } from './recording-target.js';

/**
 * The part of XMLHttpRequest the integration touches: `open`, `send`, `status` and `loadend`,
 * fired `delayMs` of (fake) time after `send` with the status the test set in `respond`.
 */
function fakeXhrClass() {
  const calls: { method: string; args: unknown[] }[] = [];
  class FakeXhr extends EventTarget {
    static respond = 200;
    static delayMs = 0;
    status = 0;
    open(...args: unknown[]) {
      calls.push({ method: 'open', args });
    }
    send(...args: unknown[]) {
      calls.push({ method: 'send', args });
      setTimeout(() => {
        this.status = FakeXhr.respond;
        this.dispatchEvent(new Event('loadend'));
      }, FakeXhr.delayMs);
    }
  }
  const originals = { open: FakeXhr.prototype.open, send: FakeXhr.prototype.send };
  return { Xhr: FakeXhr as unknown as typeof XMLHttpRequest & typeof FakeXhr, calls, originals };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'performance', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('xhrBreadcrumbs()', () => {
  it('records method, url, status and duration on loadend', async () => {
    const client = recordingTarget();
    const { Xhr } = fakeXhrClass();
    Xhr.delayMs = 80;
    xhrBreadcrumbs(client, Xhr);
    const request = new Xhr();
    request.open('post', '/api/cart');
    request.send('{"sku":1}');
    await vi.advanceTimersByTimeAsync(100);
    expect(client.crumbs).toEqual([
      {
        category: 'xhr',
        level: 'info',
        data: { method: 'POST', url: '/api/cart', status_code: 200, duration_ms: 80 },
      },
    ]);
  });

  it('records 4xx as a warning, 5xx and status 0 (no response) as errors', async () => {
    const client = recordingTarget();
    const { Xhr } = fakeXhrClass();
    xhrBreadcrumbs(client, Xhr);
    for (const status of [404, 500, 0]) {
      Xhr.respond = status;
      const request = new Xhr();
      request.open('GET', new URL('https://api.example/x'));
      request.send();
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(client.crumbs.map((crumb) => [crumb.level, crumb.data])).toEqual([
      [
        'warning',
        { method: 'GET', url: 'https://api.example/x', status_code: 404, duration_ms: 0 },
      ],
      ['error', { method: 'GET', url: 'https://api.example/x', status_code: 500, duration_ms: 0 }],
      ['error', { method: 'GET', url: 'https://api.example/x', duration_ms: 0 }],
    ]);
  });

  it('calls the original open and send with the same arguments', () => {
    const { Xhr, calls } = fakeXhrClass();
    xhrBreadcrumbs(recordingTarget(), Xhr);
    const request = new Xhr();
    request.open('GET', '/a', true, 'user', 'secret');
    request.send(null);
    expect(calls).toEqual([
      { method: 'open', args: ['GET', '/a', true, 'user', 'secret'] },
      { method: 'send', args: [null] },
    ]);
  });

  it('records one breadcrumb per open, not for a send repeated without open', async () => {
    const client = recordingTarget();
    const { Xhr } = fakeXhrClass();
    xhrBreadcrumbs(client, Xhr);
    const request = new Xhr();
    request.open('GET', '/a');
    request.send();
    request.send();
    await vi.advanceTimersByTimeAsync(1);
    expect(client.crumbs).toHaveLength(1);
  });

  it('skips a request marked as faultline’s own', async () => {
    const client = recordingTarget();
    const { Xhr } = fakeXhrClass();
    xhrBreadcrumbs(client, Xhr);
    const request = Object.assign(new Xhr(), { [OWN_REQUEST]: true });
    request.open('POST', 'https://errors.example/v1/events');
    request.send();
    await vi.advanceTimersByTimeAsync(1);
    expect(client.crumbs).toEqual([]);
  });

  it('restores open and send on uninstall and records nothing after', async () => {
    const client = recordingTarget();
    const { Xhr, originals } = fakeXhrClass();
    const uninstall = xhrBreadcrumbs(client, Xhr);
    const inFlight = new Xhr();
    inFlight.open('GET', '/slow');
    inFlight.send();
    uninstall();
    expect({ open: Xhr.prototype.open, send: Xhr.prototype.send }).toEqual(originals);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.crumbs).toEqual([]);
  });

  it('lets the request complete when the client throws', async () => {
    const { Xhr } = fakeXhrClass();
    xhrBreadcrumbs(throwingTarget, Xhr);
    const request = new Xhr();
    request.open('GET', '/a');
    request.send();
    await vi.advanceTimersByTimeAsync(1);
    expect(request.status).toBe(200);
  });

  it('is a no-op where there is no XMLHttpRequest', () => {
    expect(() => xhrBreadcrumbs(recordingTarget(), undefined)()).not.toThrow();
  });
});

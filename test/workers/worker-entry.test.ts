// withFaultline in workerd: a module Worker's fetch handler whose errors reach the real
// collector Worker (SELF, behind a Service-Binding-like double) and land in its D1.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { FaultError, withFaultline } from '../../src/worker.js';
import { uniqueWord } from './ingest-fixtures.js';
import {
  TRACEPARENT,
  TRACE_ID,
  acmeOptions,
  collectorDouble,
  storedWith,
  deliveredAfterResponse,
} from './worker-entry-fixtures.js';

/** The system clock, moved forward by `shift(ms)`: waits pass without sleeping. */
function shiftedClock() {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    monotonic: () => performance.now() + offset,
    shift(ms: number) {
      offset += ms;
    },
  };
}

function throwing(error: unknown) {
  return (): Response => {
    throw error;
  };
}

describe('withFaultline()', () => {
  it('re-throws at once and sends the event from waitUntil, with the request facts', async () => {
    const word = uniqueWord();
    const collector = collectorDouble('held');
    const boom = new TypeError(`cart is undefined (${word})`);
    const handler = withFaultline(acmeOptions(collector.binding), throwing(boom));
    const ctx = createExecutionContext();
    const request = new Request('https://shop.example/cart?token=abc123&key=AIzaSy0&page=2', {
      headers: {
        traceparent: TRACEPARENT,
        'cf-ray': '8a1b2c3d4e5f6789-LHR',
        'cf-connecting-ip': '203.0.113.7',
        'x-forwarded-for': '203.0.113.7',
        'user-agent': 'curl/8.5.0',
      },
    });

    // The collector is held shut: an answer that waited for the flush would never come.
    await expect(handler(request, env, ctx)).rejects.toBe(boom);
    const events = await deliveredAfterResponse(collector, ctx, word);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'programming_error',
      url: 'https://shop.example/cart?token=[Filtered]&key=[Filtered]&page=2',
      userAgent: 'curl/8.5.0',
      traceId: TRACE_ID,
      correlationId: TRACE_ID,
      release: 'shop@1.2.3',
      environment: 'test',
      context: { request: { method: 'GET' } },
    });
    const stored = JSON.stringify(events[0]);
    expect(stored).not.toContain('203.0.113.7');
    expect(stored).not.toContain('abc123');
    expect(stored).not.toContain('AIzaSy0');
  });

  it('takes cf-ray as the correlation id when no traceparent is sent', async () => {
    const word = uniqueWord();
    const handler = withFaultline(
      acmeOptions(collectorDouble().binding),
      throwing(new Error(`no stock (${word})`)),
    );
    const ctx = createExecutionContext();
    const request = new Request('https://shop.example/stock', {
      method: 'POST',
      headers: { 'cf-ray': '8a1b2c3d4e5f6789-LHR', traceparent: 'not-a-traceparent' },
    });
    await expect(handler(request, env, ctx)).rejects.toThrow(word);
    await waitOnExecutionContext(ctx);

    const [event] = await storedWith(word);
    expect(event).toMatchObject({
      correlationId: '8a1b2c3d4e5f6789-LHR',
      context: { request: { method: 'POST' } },
    });
    expect(event).not.toHaveProperty('traceId');
  });

  it("answers the FaultError JSON with the failure's status when respond is fault-error", async () => {
    const word = uniqueWord();
    const cases = [
      [new FaultError('timeout', `upstream took 8 s (${word}-a)`), 504, 'timeout'],
      [new FaultError('network_error', `ECONNRESET (${word}-b)`), 502, 'network_error'],
      [new TypeError(`x is undefined (${word}-c)`), 500, 'programming_error'],
    ] as const;
    for (const [thrown, status, type] of cases) {
      const handler = withFaultline(
        { ...acmeOptions(collectorDouble().binding), respond: 'fault-error' },
        throwing(thrown),
      );
      const ctx = createExecutionContext();
      const request = new Request('https://shop.example/', { headers: { 'cf-ray': 'ray-1' } });
      const res = await handler(request, env, ctx);
      await waitOnExecutionContext(ctx);

      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: Record<string, unknown> };
      const [event] = await storedWith(thrown.message);
      expect(body.error).toEqual({
        id: event?.id,
        type,
        code: event?.code,
        category: event?.category,
        subcategory: event?.subcategory,
        severity: event?.severity,
        retry: expect.any(String),
        message: expect.any(String),
        correlationId: 'ray-1',
      });
      expect(JSON.stringify(body)).not.toContain(word); // the raw message stays server-side
    }
  });

  it('adds Retry-After from an open breaker', async () => {
    const open = new FaultError('circuit_open', 'payments breaker open', {
      context: { retryAfterMs: 2500 },
    });
    const handler = withFaultline(
      { ...acmeOptions(collectorDouble().binding), respond: 'fault-error' },
      throwing(open),
    );
    const ctx = createExecutionContext();
    const res = await handler(new Request('https://shop.example/pay'), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('3');
  });

  it('passes answers through and sends nothing when nothing was captured', async () => {
    const collector = collectorDouble();
    const handler = withFaultline(
      acmeOptions(collector.binding),
      () => new Response('ok', { status: 201 }),
    );
    const ctx = createExecutionContext();
    const res = await handler(new Request('https://shop.example/'), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(201);
    expect(await res.text()).toBe('ok');
    expect(collector.calls).toBe(0);
  });

  it('never captures the failure of a faultline batch posted to the Worker', async () => {
    const collector = collectorDouble();
    const boom = new Error('store failed');
    const handler = withFaultline(acmeOptions(collector.binding), throwing(boom));
    const ctx = createExecutionContext();
    const batch = new Request('https://collector.example/v1/events', {
      method: 'POST',
      headers: { 'x-faultline-key': 'acme-public-key-1' },
      body: '{}',
    });
    await expect(handler(batch, env, ctx)).rejects.toBe(boom);
    await waitOnExecutionContext(ctx);
    expect(collector.calls).toBe(0);
  });

  it('makes one client per isolate, from env on the first request', async () => {
    const word = uniqueWord();
    const collector = collectorDouble();
    const options = vi.fn((bindings: Cloudflare.Env) => {
      expect(bindings).toBe(env);
      return acmeOptions(collector.binding);
    });
    let calls = 0;
    const handler = withFaultline(options, () => {
      throw calls++ === 0 ? new TypeError(`first (${word})`) : new RangeError(`second (${word})`);
    });
    for (let i = 0; i < 2; i++) {
      const ctx = createExecutionContext();
      await expect(handler(new Request('https://shop.example/'), env, ctx)).rejects.toThrow(word);
      await waitOnExecutionContext(ctx);
    }
    expect(options).toHaveBeenCalledTimes(1);
    expect(await storedWith(word)).toHaveLength(2);
  });

  it('keeps what a flush could not send in memory and sends it after the next request', async () => {
    const word = uniqueWord();
    const collector = collectorDouble('down');
    const clock = shiftedClock();
    const handler = withFaultline(
      { ...acmeOptions(collector.binding), flushTimeoutMs: 50, clock },
      (request) => {
        if (new URL(request.url).pathname === '/fail') throw new Error(`lost? (${word})`);
        return new Response('ok');
      },
    );
    const first = createExecutionContext();
    await expect(handler(new Request('https://shop.example/fail'), env, first)).rejects.toThrow();
    await waitOnExecutionContext(first);
    expect(await storedWith(word)).toEqual([]);
    expect(collector.calls).toBeGreaterThan(0);

    collector.open();
    clock.shift(60_000); // past the transport's backoff
    const second = createExecutionContext();
    expect((await handler(new Request('https://shop.example/ok'), env, second)).status).toBe(200);
    await waitOnExecutionContext(second);
    expect(await storedWith(word)).toHaveLength(1);
  });

  it('sends no request per failing request while the collector is down: it waits out the backoff', async () => {
    const collector = collectorDouble('down');
    const clock = shiftedClock();
    const handler = withFaultline(
      { ...acmeOptions(collector.binding), flushTimeoutMs: 50, clock },
      throwing(new Error('upstream broke')),
    );
    const failOnce = async () => {
      const ctx = createExecutionContext();
      await handler(new Request('https://shop.example/x'), env, ctx).catch(() => undefined);
      await waitOnExecutionContext(ctx);
    };
    await failOnce();
    const afterFirst = collector.calls; // the first flush's sends
    expect(afterFirst).toBeGreaterThan(0);
    for (let i = 0; i < 19; i++) await failOnce();
    expect(collector.calls).toBe(afterFirst); // all within the first failure's backoff
    clock.shift(60_000);
    await failOnce();
    expect(collector.calls).toBeGreaterThan(afterFirst);
  });

  it('keeps serving, uncaptured, when its options are invalid, and says so once', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const boom = new Error('handler failed');
    const handler = withFaultline(() => ({ endpoint: 'not a url', key: '' }), throwing(boom));
    for (let i = 0; i < 2; i++) {
      await expect(
        handler(new Request('https://shop.example/'), env, createExecutionContext()),
      ).rejects.toBe(boom);
    }
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]?.[0])).toContain('faultline');
    logged.mockRestore();
  });

  it('takes a misspelt respond mode as invalid options, not as rethrow', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const boom = new Error('handler failed');
    const options = { ...acmeOptions(collectorDouble().binding), respond: 'fault_error' };
    const handler = withFaultline(() => options as never, throwing(boom));
    await expect(
      handler(new Request('https://shop.example/'), env, createExecutionContext()),
    ).rejects.toBe(boom);
    expect(String(logged.mock.calls[0]?.[1])).toContain('respond');
    logged.mockRestore();
  });
});

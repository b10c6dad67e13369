// The faultline() Hono middleware in workerd: route errors Hono caught itself (c.error) reach the
// real collector Worker (SELF, behind a Service-Binding-like double) and land in its D1.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it, vi } from 'vitest';
import {
  FaultError,
  faultline,
  type FaultlineVariables,
  type WorkerOptions,
} from '../../src/worker.js';
import { uniqueWord } from './ingest-fixtures.js';
import {
  TRACEPARENT,
  TRACE_ID,
  acmeOptions,
  collectorDouble,
  storedWith,
  deliveredAfterResponse,
} from './worker-entry-fixtures.js';

type App = Hono<{ Bindings: Cloudflare.Env }>;

/** An app with the middleware first and one route, `/cart`, that throws `thrown`. */
function appThrowing(thrown: unknown, options: WorkerOptions): App {
  const app: App = new Hono();
  app.use(faultline(options));
  app.get('/cart', () => {
    throw thrown;
  });
  return app;
}

describe('faultline() Hono middleware', () => {
  it("captures a route error Hono caught, keeps the app's onError answer, flushes in waitUntil", async () => {
    const word = uniqueWord();
    const collector = collectorDouble('held');
    const app = appThrowing(
      new TypeError(`cart is undefined (${word})`),
      acmeOptions(collector.binding),
    );
    app.onError((_error, c) => c.text('sorry', 500, { 'x-app': 'on-error' }));
    const ctx = createExecutionContext();
    const request = new Request('https://shop.example/cart?access_token=abc123&page=2', {
      headers: { traceparent: TRACEPARENT, 'cf-connecting-ip': '203.0.113.7' },
    });

    // The collector is held shut: an answer that waited for the flush would never come.
    const res = await app.fetch(request, env, ctx);
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('sorry');
    const events = await deliveredAfterResponse(collector, ctx, word);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'programming_error',
      url: 'https://shop.example/cart?access_token=[Filtered]&page=2',
      traceId: TRACE_ID,
      correlationId: TRACE_ID,
      context: { request: { method: 'GET' } },
    });
    expect(JSON.stringify(events[0])).not.toContain('203.0.113.7');
  });

  it('answers the FaultError JSON, without the onError headers, when respond is fault-error', async () => {
    const word = uniqueWord();
    const timeout = new FaultError('timeout', `inventory took 8 s (${word})`);
    const app = appThrowing(timeout, {
      ...acmeOptions(collectorDouble().binding),
      respond: 'fault-error',
    });
    app.onError((_error, c) => c.text('sorry', 500, { 'x-app': 'on-error' }));
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request('https://shop.example/cart'), env, ctx);
    await waitOnExecutionContext(ctx);

    expect(res.status).toBe(504);
    expect(res.headers.get('x-app')).toBeNull();
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as { error: Record<string, unknown> };
    const [event] = await storedWith(word);
    expect(body.error).toMatchObject({ id: event?.id, type: 'timeout', code: 4301 });
    expect(JSON.stringify(body)).not.toContain(word);
  });

  it('leaves an HTTPException below 500 to the app, and captures one of 500 and above', async () => {
    const collector = collectorDouble();
    const word = uniqueWord();
    const app: App = new Hono();
    app.use(faultline(acmeOptions(collector.binding)));
    app.get('/missing', () => {
      throw new HTTPException(404, { message: 'no such cart' });
    });
    app.get('/broken', () => {
      throw new HTTPException(503, { message: `kitchen closed (${word})` });
    });

    const missing = createExecutionContext();
    const res = await app.fetch(new Request('https://shop.example/missing'), env, missing);
    await waitOnExecutionContext(missing);
    expect(res.status).toBe(404);
    expect(collector.calls).toBe(0);

    const broken = createExecutionContext();
    expect((await app.fetch(new Request('https://shop.example/broken'), env, broken)).status).toBe(
      503,
    );
    await waitOnExecutionContext(broken);
    expect(await storedWith(word)).toHaveLength(1);
  });

  it('keeps the status and Retry-After of an HTTPException of 500 and above in a fault-error answer', async () => {
    const word = uniqueWord();
    const app: App = new Hono();
    app.use(faultline({ ...acmeOptions(collectorDouble().binding), respond: 'fault-error' }));
    app.get('/closed', () => {
      const res = new Response('closed', { status: 503, headers: { 'retry-after': '30' } });
      throw new HTTPException(503, { message: `kitchen closed (${word})`, res });
    });
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request('https://shop.example/closed'), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    const [event] = await storedWith(word);
    expect(((await res.json()) as { error: { id?: string } }).error.id).toBe(event?.id);
  });

  it('captures an error that onError re-throws, and lets it propagate', async () => {
    const word = uniqueWord();
    const boom = new RangeError(`bad quantity (${word})`);
    const app = appThrowing(boom, acmeOptions(collectorDouble().binding));
    app.onError((error) => {
      throw error;
    });
    const ctx = createExecutionContext();
    await expect(app.fetch(new Request('https://shop.example/cart'), env, ctx)).rejects.toBe(boom);
    await waitOnExecutionContext(ctx);
    expect(await storedWith(word)).toHaveLength(1);
  });

  it('flushes in the background where there is no execution context (app.request)', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {}); // Hono's onError logs
    const word = uniqueWord();
    const app = appThrowing(new Error(`no ctx (${word})`), acmeOptions(collectorDouble().binding));
    const res = await app.request('https://shop.example/cart', {}, env);
    expect(res.status).toBe(500);
    await vi.waitFor(async () => expect(await storedWith(word)).toHaveLength(1));
    logged.mockRestore();
  });

  it("hands routes the client as c.get('faultline') and flushes what they capture", async () => {
    const word = uniqueWord();
    const app = new Hono<{ Bindings: Cloudflare.Env; Variables: FaultlineVariables }>();
    app.use(faultline(acmeOptions(collectorDouble().binding)));
    app.get('/checkout', (c) => {
      c.get('faultline')?.captureMessage(`slow checkout (${word})`, { tags: { step: 'pay' } });
      return c.text('ok');
    });
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request('https://shop.example/checkout'), env, ctx);
    expect(await res.text()).toBe('ok');
    await waitOnExecutionContext(ctx);
    expect(await storedWith(word)).toEqual([
      expect.objectContaining({ severity: 'info', tags: { step: 'pay' } }),
    ]);
  });
});

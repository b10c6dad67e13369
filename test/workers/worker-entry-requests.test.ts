// The Hono middleware in workerd with several requests on one isolate's client: each request's
// breadcrumbs, user and tags stay with its own events, an error a route captured and re-threw
// makes one event, and a route that throws `undefined` is captured too.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { faultline, type FaultlineVariables } from '../../src/worker.js';
import { uniqueWord } from './ingest-fixtures.js';
import { acmeOptions, collectorDouble, storedWith } from './worker-entry-fixtures.js';

type App = Hono<{ Bindings: Cloudflare.Env; Variables: FaultlineVariables }>;

async function serve(app: App, path: string, headers: Record<string, string> = {}) {
  app.onError((_error, c) => c.text('sorry', 500)); // Hono's default would log each error
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`https://shop.example${path}`, { headers }), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe('faultline() Hono middleware, request by request', () => {
  it("never lends one request's user, tags or breadcrumbs to another's events", async () => {
    const word = uniqueWord();
    const app: App = new Hono();
    app.use(faultline(acmeOptions(collectorDouble().binding)));
    app.get('/as/:user', async (c) => {
      const user = c.req.param('user');
      c.get('faultline')?.setUser({ id: user });
      c.get('faultline')?.setTags({ tenant: `${user}-corp` });
      c.get('faultline')?.addBreadcrumb({ category: 'auth', message: `logged in as ${user}` });
      await new Promise((resolve) => setTimeout(resolve, 5)); // the requests interleave
      if (user === 'alice') return c.text('ok');
      throw new Error(`checkout failed for a user (${word})`);
    });
    app.get('/anonymous', () => {
      throw new Error(`anonymous failure (${word})`);
    });

    await Promise.all([serve(app, '/as/alice'), serve(app, '/as/bob')]);
    await serve(app, '/anonymous', { 'cf-ray': 'ray-anon' });
    const events = await storedWith(word);
    const bob = events.find((e) => String(e.message).startsWith('checkout'));
    const anonymous = events.find((e) => String(e.message).startsWith('anonymous'));
    expect(bob).toMatchObject({ user: { id: 'bob' }, tags: { tenant: 'bob-corp' } });
    expect((bob?.breadcrumbs as { message: string }[]).map((c) => c.message)).toEqual([
      'logged in as bob',
    ]);
    expect(anonymous).toMatchObject({ correlationId: 'ray-anon' });
    expect(anonymous?.user).toBeUndefined();
    expect(anonymous?.tags).toBeUndefined();
    expect(anonymous?.breadcrumbs).toBeUndefined();
  });

  it('makes one event, with the request facts, of an error a route captured and re-threw', async () => {
    const word = uniqueWord();
    const app: App = new Hono();
    app.use(faultline({ ...acmeOptions(collectorDouble().binding), respond: 'fault-error' }));
    app.get('/pay', (c) => {
      const error = new Error(`card declined (${word})`);
      c.get('faultline')?.captureException(error, { tags: { step: 'pay' } });
      throw error;
    });
    const res = await serve(app, '/pay?token=abc', { 'cf-ray': 'ray-pay' });
    const body = (await res.json()) as { error: { id?: string } };
    const events = await storedWith(word);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: body.error.id,
      correlationId: 'ray-pay',
      url: 'https://shop.example/pay?token=[Filtered]',
      tags: { step: 'pay' },
    });
  });

  it('captures a route that throws undefined', async () => {
    const app: App = new Hono();
    const collector = collectorDouble();
    app.use(faultline({ ...acmeOptions(collector.binding), respond: 'fault-error' }));
    app.get('/void', () => {
      throw undefined;
    });
    const res = await serve(app, '/void');
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(((await res.json()) as { error: { id?: string } }).error.id).toBeDefined();
    expect(collector.calls).toBeGreaterThan(0);
  });
});

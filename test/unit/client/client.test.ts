import { describe, expect, it } from 'vitest';
import { createClient } from '../../../src/client/client.js';
import { FaultError } from '../../../src/errors/fault-error.js';
import { isFaultError } from '../../../src/errors/is-fault-error.js';
import { wireEventSchema } from '../../../src/wire/event-schema.js';
import { accept, offline, refuse } from '../transport/fake-collector.js';
import { clientSetup, ENDPOINT, errorAt } from './setup.js';

describe('createClient(): capture', () => {
  it('sends a scrubbed, fingerprinted wire event with the scope and config attached', async () => {
    const { client, events, collector } = clientSetup();
    client.setUser({ id: 'u-42', email: 'bob@example.com' });
    client.setTags({ area: 'cart', build: 7 });
    client.setContext('order', { id: 'o-1', token: 'tok_secret' });
    client.addBreadcrumb({ category: 'ui.click', message: 'button#pay' });
    const error = new TypeError('card 4111 1111 1111 1111 declined for bob@example.com');
    const id = client.captureException(error, { tags: { step: 'pay' }, context: { attempt: 2 } });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await client.flush()).toBe(true);
    expect(collector.seen[0]!.url).toBe(`${ENDPOINT}/v1/events`);
    const [event] = events();
    expect(wireEventSchema.safeParse(event).success).toBe(true);
    expect(event).toMatchObject({
      id,
      type: 'programming_error',
      name: 'TypeError',
      message: 'card [card] declined for [email]',
      release: 'shop@1.2.3',
      environment: 'test',
      tags: { area: 'cart', build: '7', step: 'pay' },
      user: { id: 'u-42', email: '[email]' },
      context: { order: { id: 'o-1', token: '[Filtered]' }, attempt: 2 },
      breadcrumbs: [expect.objectContaining({ category: 'ui.click', message: 'button#pay' })],
    });
    expect(event!.fingerprint).toBeUndefined(); // the collector computes it from what it stores
    expect(event!.frames!.length).toBeGreaterThan(0);
  });

  it('scrubs everything but the structural fields: an id that passes for a card stays', async () => {
    const { client, events } = clientSetup();
    const id = '4111111111111111-0c1e'; // a Luhn-valid digit run, as random ids sometimes hold
    const traceId = '4111111111111111aaaaaaaaaaaaaaaa';
    client.captureException(new FaultError('timeout', 'card 4111 1111 1111 1111', { id }), {
      traceId,
    });
    await client.flush();
    expect(events()[0]).toMatchObject({ id, traceId, message: 'card [card]' });
    expect(wireEventSchema.safeParse(events()[0]).success).toBe(true);
  });

  it('groups by the scrubbed message, so an email does not split an issue per user', () => {
    const { client } = clientSetup();
    const seen: (string | undefined)[] = [];
    client.onEvent((event) => seen.push(event.fingerprint));
    client.captureException(errorAt(1, 'no account for ann@example.com'));
    client.captureException(errorAt(1, 'no account for bob@example.org'), { fingerprint: 'x' });
    client.captureException(errorAt(1, 'no account for bob@example.org'));
    expect(seen).toHaveLength(2); // the third folded into the first
    // Only the app's own grouping goes on the wire, hashed: the collector honours it.
    expect(seen[0]).toBeUndefined();
    expect(seen[1]).toMatch(/^c:[0-9a-f]{16}$/);
  });

  it('keeps chosen groupings with the same letters in other parts apart', () => {
    const { client } = clientSetup();
    const seen: (string | undefined)[] = [];
    client.onEvent((event) => seen.push(event.fingerprint));
    client.captureException(errorAt(1), { fingerprint: ['ab', 'c'] });
    client.captureException(errorAt(2), { fingerprint: ['a', 'bc'] });
    expect(seen).toHaveLength(2);
    expect(seen[0]).not.toBe(seen[1]);
  });

  it('captures one error object once, however often it is handed over', async () => {
    const { client, events } = clientSetup();
    const error = errorAt(1);
    const id = client.captureException(error);
    expect(id).toBeDefined();
    expect(client.captureException(error)).toBe(id); // re-thrown to a global handler: same event
    await client.flush();
    expect(events()).toHaveLength(1);
    expect((await client.status()).folded).toBe(0);
  });

  it('captures messages with severity info unless told', async () => {
    const { client, events } = clientSetup();
    client.captureMessage('checkout slow');
    client.captureMessage('checkout down', 'critical');
    await client.flush();
    expect(events().map((e) => [e.message, e.severity, e.name])).toEqual([
      ['checkout slow', 'info', 'Message'],
      ['checkout down', 'critical', 'Message'],
    ]);
  });

  it('never throws into user code, whatever is thrown or configured', async () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('gotcha');
        },
        getPrototypeOf() {
          throw new Error('gotcha');
        },
      },
    );
    const { client, events } = clientSetup({
      beforeSend: () => {
        throw new Error('hook bug');
      },
    });
    client.onEvent(() => {
      throw new Error('listener bug');
    });
    expect(() => client.captureException(hostile)).not.toThrow();
    expect(() => client.captureException(undefined)).not.toThrow();
    expect(() => client.captureException(Object.create(null))).not.toThrow();
    expect(await client.flush()).toBe(true);
    expect(events()).toHaveLength(3);
    for (const event of events()) expect(wireEventSchema.safeParse(event).success).toBe(true);
  });

  it('refuses an invalid config with one config error listing every problem', () => {
    let thrown: unknown;
    try {
      createClient({ endpoint: 'ftp://x', key: '', sampleRate: 2 } as never);
    } catch (error) {
      thrown = error;
    }
    expect(isFaultError(thrown)).toBe(true);
    const problems = (thrown as { context: { problems: { path: string }[] } }).context.problems;
    expect(problems.map((p) => p.path).sort()).toEqual(['endpoint', 'key', 'sampleRate']);
  });
});

describe('createClient(): filters, sampling and beforeSend count every drop', () => {
  it('drops ignored, denied, sampled and beforeSend-nulled events and reports the counts', async () => {
    const { client, events, collector } = clientSetup({
      ignoreErrors: ['ResizeObserver loop', /^Script error\.?$/],
      denyUrls: [/extension:\/\//],
      sampleRate: 0.4, // random() is 0.5: sampled out…
      random: (() => {
        let n = 0;
        return () => (n++ < 2 ? 0.1 : 0.9); // …but the first two draws keep
      })(),
      beforeSend: (event) => ((event as { message: string }).message === 'private' ? null : event),
    });
    client.captureException(new Error('ResizeObserver loop limit exceeded')); // ignored
    client.captureException(
      Object.assign(new Error('x'), {
        stack: 'Error: x\n    at f (chrome-extension://abc/x.js:1:1)',
      }),
    ); // ignored
    client.captureException(errorAt(1, 'private')); // before_send
    client.captureException(errorAt(2, 'kept')); // kept
    client.captureException(errorAt(3, 'sampled')); // sampled (draw 0.9)
    expect(await client.flush()).toBe(true);
    expect(events().map((e) => e.message)).toEqual(['kept']);
    const dropped = collector.seen.map((r) => r.batch.dropped).find(Boolean);
    expect(dropped).toEqual({ ignored: 2, before_send: 1, sampled: 1 });
    expect((await client.status()).dropped).toEqual({ ignored: 2, before_send: 1, sampled: 1 });
  });

  it('keeps only errors from allowUrls when given', async () => {
    const { client, events } = clientSetup({ allowUrls: ['https://shop.example/'] });
    client.captureException(errorAt(1));
    client.captureException(
      Object.assign(new Error('third party'), {
        stack: 'Error: third party\n    at t (https://cdn.other/x.js:1:1)',
      }),
    );
    await client.flush();
    expect(events().map((e) => e.message)).toEqual(['failure 1']);
  });
});

describe('createClient(): delivery', () => {
  it('keeps events while the collector is unreachable and sends each exactly once after', async () => {
    let down = true;
    const delivered: string[] = [];
    const { client, time } = clientSetup({}, (request) => {
      if (down) return offline(request);
      delivered.push(...request.batch.events.map((e) => e.id));
      return accept()(request);
    });
    const ids = [1, 2, 3].map((i) => client.captureException(errorAt(i)));
    const flushing = client.flush(1000);
    await time.advanceAsync(1500);
    expect(await flushing).toBe(false);
    expect((await client.status()).buffered).toBe(3);
    down = false;
    expect(await client.flush()).toBe(true);
    expect(delivered.sort()).toEqual([...ids].sort());
    expect((await client.status()).buffered).toBe(0);
  });

  it('backs off a failing collector, then drops what it rejects as invalid and reports it', async () => {
    const { client, collector, time } = clientSetup({}, [refuse(503), accept(1), accept()]);
    for (let i = 0; i < 3; i++) client.captureException(errorAt(i));
    for (let second = 0; second < 4; second++) await time.advanceAsync(1000);
    // 503; 202 rejecting one; the drop reported at once, in a batch of counts alone
    expect(collector.seen.map((r) => [r.batch.events.length, r.batch.dropped])).toEqual([
      [3, undefined],
      [3, undefined],
      [0, { invalid: 1 }],
    ]);
    expect((await client.status()).buffered).toBe(0);
    expect((await client.status()).dropped).toEqual({ invalid: 1 });
  });

  it('drops captures after close as client_closed', async () => {
    const { client, events } = clientSetup();
    client.captureException(errorAt(1));
    expect(await client.close()).toBe(true);
    expect(client.captureException(errorAt(2))).toBeUndefined();
    expect(events()).toHaveLength(1);
    expect((await client.status()).closed).toBe(true);
  });
});

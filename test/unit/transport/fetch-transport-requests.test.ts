import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { constantBackoff } from '../../../src/backoff/constant-backoff.js';
import { collectorBreaker } from '../../../src/transport/collector-breaker.js';
import { createFetchTransport } from '../../../src/transport/fetch-transport.js';
import { DEFAULT_SDK } from '../../../src/transport/fetch-transport-options.js';
import { isOwnRequest, OWN_REQUEST } from '../../../src/transport/own-request.js';
import { batchSchema } from '../../../src/wire/batch-schema.js';
import { handled, manualTime } from '../../support/manual-time.js';
import { accept, fakeCollector } from './fake-collector.js';
import { ids, wireEvents } from './wire-events.js';

function setup(fetch: typeof globalThis.fetch, options: { gzip?: boolean } = {}) {
  const time = manualTime();
  const transport = createFetchTransport({
    endpoint: 'https://collector.example.com/',
    key: 'pk/with?odd&chars',
    breaker: collectorBreaker({ clock: time.clock }),
    fetch,
    clock: time.clock,
    timers: time.timers,
    backoff: constantBackoff(1000),
    timeoutMs: 5000,
    ...options,
  });
  return { time, transport };
}

/** A fetch that never answers until its signal aborts, and then rejects with the reason. */
function hangingFetch() {
  let calls = 0;
  const fetch = ((_: unknown, init: RequestInit) => {
    calls++;
    return new Promise((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls: () => calls };
}

describe('createFetchTransport(): requests', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('posts JSON to ${endpoint}/v1/events with the key in a header, never in the URL', async () => {
    const collector = fakeCollector([accept()]);
    const { transport, time } = setup(collector.fetch);
    await transport.send({ events: wireEvents(2), dropped: { rate_capped: 1 } });
    const [request] = collector.seen;
    expect(request?.url).toBe('https://collector.example.com/v1/events');
    expect(request?.init).toMatchObject({ method: 'POST' });
    expect(request?.headers).toEqual({
      'content-type': 'application/json',
      'x-faultline-key': 'pk/with?odd&chars',
    });
    expect(batchSchema.parse(request?.batch)).toEqual({
      sdk: DEFAULT_SDK,
      sentAt: time.clock.now(),
      events: wireEvents(2),
      dropped: { rate_capped: 1 },
    });
  });

  it('marks its requests so that fetch wrappers can skip them', async () => {
    const collector = fakeCollector([accept()]);
    const { transport } = setup(collector.fetch);
    await transport.send({ events: wireEvents(1) });
    const init = collector.seen[0]?.init;
    expect(isOwnRequest(init)).toBe(true);
    expect((init as Record<symbol, unknown>)[OWN_REQUEST]).toBe(true);
    expect(OWN_REQUEST).toBe(Symbol.for('faultline.ownRequest'));
    expect(isOwnRequest({ method: 'POST' })).toBe(false);
    expect(isOwnRequest(undefined)).toBe(false);
  });

  it('uses the fetch found at creation, not a wrapper installed later', async () => {
    const collector = fakeCollector([accept()]);
    globalThis.fetch = collector.fetch;
    const time = manualTime();
    const transport = createFetchTransport({
      endpoint: 'https://c.example.com',
      key: 'k',
      breaker: collectorBreaker({ clock: time.clock }),
    });
    let wrapped = 0;
    globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
      wrapped++;
      return collector.fetch(...args);
    }) as typeof fetch;
    await transport.send({ events: wireEvents(1) });
    expect(collector.seen).toHaveLength(1);
    expect(wrapped).toBe(0);
  });

  it('gzips a body over 1 KB (content-encoding: gzip) and leaves small ones plain', async () => {
    const collector = fakeCollector([accept()]);
    const { transport } = setup(collector.fetch);
    await transport.send({ events: wireEvents(1) });
    await transport.send({ events: wireEvents(30, 200) });
    const [small, large] = collector.seen;
    expect(typeof small?.init.body).toBe('string');
    expect(small?.headers['content-encoding']).toBeUndefined();
    expect(large?.headers['content-encoding']).toBe('gzip');
    expect(large?.init.body).toBeInstanceOf(Uint8Array);
    expect(ids(large?.batch.events ?? [])).toEqual(ids(wireEvents(30)));
  });

  it('never gzips with gzip: false', async () => {
    const collector = fakeCollector([accept()]);
    const { transport } = setup(collector.fetch, { gzip: false });
    await transport.send({ events: wireEvents(30, 200) });
    expect(collector.seen[0]?.headers['content-encoding']).toBeUndefined();
  });

  it('abandons a request after timeoutMs and backs off', async () => {
    const hanging = hangingFetch();
    const { transport, time } = setup(hanging.fetch);
    const sending = handled(transport.send({ events: wireEvents(1) }));
    await time.advanceAsync(5000);
    expect(await sending).toMatchObject({ retry: ['event-0001'], retryInMs: 1000 });
    expect(transport.status()).toMatchObject({
      state: 'waiting',
      lastFailure: { status: 0, message: 'The collector did not answer within 5000 ms' },
    });
    expect(time.pending).toBe(0); // no timer left behind
  });

  it('gives the events back, untouched by backoff, when the caller aborts', async () => {
    const hanging = hangingFetch();
    const { transport, time } = setup(hanging.fetch);
    const controller = new AbortController();
    const sending = transport.send({ events: wireEvents(2) }, { signal: controller.signal });
    await time.settle();
    controller.abort();
    expect(await sending).toMatchObject({ acked: [], retry: ids(wireEvents(2)) });
    expect(transport.status()).toEqual({ state: 'ready', breaker: 'closed' });
    expect(hanging.calls()).toBe(1);
  });

  it('reads no body it does not need and frees the connection', async () => {
    let cancelled = false;
    const body = new ReadableStream({ cancel: () => void (cancelled = true) });
    const fetch = (async () => new Response(body, { status: 503 })) as typeof globalThis.fetch;
    const { transport } = setup(fetch);
    await transport.send({ events: wireEvents(1) });
    expect(cancelled).toBe(true);
  });

  it('keeps the events and stops on a 2xx that is not an ingest answer (a wrong endpoint)', async () => {
    const fetch = (async () =>
      new Response('<html>ok</html>', { status: 200 })) as typeof globalThis.fetch;
    const { transport } = setup(fetch);
    expect(await transport.send({ events: wireEvents(2) })).toMatchObject({
      acked: [],
      dropped: [],
      retry: ids(wireEvents(2)),
    });
    expect(transport.status()).toMatchObject({
      state: 'stopped',
      lastFailure: { status: 200, message: expect.stringMatching(/collector's base URL/) },
    });
  });

  it('takes a 202 without a body, or a 2xx saying what it accepted, as acknowledgements', async () => {
    for (const answer of [
      new Response(null, { status: 202 }),
      Response.json({ accepted: 2, duplicate: 0, rejected: [] }, { status: 200 }),
    ]) {
      const { transport } = setup((async () => answer) as typeof globalThis.fetch);
      expect(await transport.send({ events: wireEvents(2) })).toMatchObject({
        acked: ids(wireEvents(2)),
      });
    }
  });

  it("names the SDK with the package's version by default", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(DEFAULT_SDK).toEqual({ name: 'faultline', version: pkg.version });
  });
});

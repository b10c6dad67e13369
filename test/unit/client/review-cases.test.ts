// The capture client's edges: folded repeats through beforeSend, a tab whose buffer fell back
// to memory, flush and close within their timeouts, async hooks, resilience on re-init.
import { describe, expect, it, vi } from 'vitest';
import { circuitBreaker } from '../../../src/breaker/breaker.js';
import { memoryBuffer } from '../../../src/buffer/memory-buffer.js';
import type { SendGate } from '../../../src/client/send-gate.js';
import type { WireEvent } from '../../../src/wire/event-schema.js';
import { offline } from '../transport/fake-collector.js';
import { clientSetup, errorAt } from './setup.js';

describe('beforeSend sees every event, folded repeats included', () => {
  it('redacts and drops folded repeats as it does first occurrences', async () => {
    const { client, events } = clientSetup({
      beforeSend: (event) => {
        const e = event as WireEvent;
        if (e.tags?.['vendor'] === 'adsdk') return null;
        return { ...e, context: { ...e.context, diagnosis: '[redacted]' } };
      },
    });
    const ids: (string | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      client.captureException(errorAt(1, 'payment failed'), { context: { diagnosis: 'secret' } });
      ids.push(client.captureException(errorAt(2, 'ad slot broke'), { tags: { vendor: 'adsdk' } }));
    }
    expect(ids[0]).toBeUndefined(); // dropped by beforeSend: no event id
    await client.flush();
    expect(events().map((e) => [e.message, e.occurrences ?? 1, e.context?.['diagnosis']])).toEqual([
      ['payment failed', 1, '[redacted]'],
      ['payment failed', 2, '[redacted]'],
    ]);
    expect((await client.status()).dropped).toEqual({ before_send: 3 }); // 1 + a fold of 2
  });

  it('awaits an async hook, and drops what is not an event as invalid', async () => {
    const { client, events } = clientSetup({
      beforeSend: async (event) => {
        const e = event as WireEvent;
        return e.message === 'keep' ? { ...e, tags: { checked: 'yes' } } : { nope: true };
      },
    });
    client.captureException(errorAt(1, 'keep'));
    client.captureException(errorAt(2, 'mangled'));
    await client.flush();
    expect(events().map((e) => [e.message, e.tags])).toEqual([['keep', { checked: 'yes' }]]);
    expect((await client.status()).dropped).toEqual({ invalid: 1 });
  });
});

describe('who sends', () => {
  it('a tab whose buffer is its own memory sends it, and gives the lead up', async () => {
    const gate: SendGate = {
      isLeader: false,
      onChange: () => () => undefined,
      close: vi.fn(() => Promise.resolve()),
    };
    const { client, events } = clientSetup({ gate, eventBuffer: memoryBuffer() });
    client.captureException(errorAt(1));
    expect(await client.flush()).toBe(true);
    expect(events()).toHaveLength(1);
    expect(gate.close).toHaveBeenCalled();
  });
});

describe('timeouts', () => {
  const silent = () => new Promise<Response>(() => undefined); // a collector that never answers

  it('flush resolves false when its timeout passes, whatever is still in flight', async () => {
    const { client, time } = clientSetup({}, silent);
    client.captureException(errorAt(1));
    let result: boolean | undefined;
    void client.flush(200).then((r) => (result = r));
    await time.advanceAsync(199);
    expect(result).toBeUndefined();
    await time.advanceAsync(1);
    expect(result).toBe(false);
  });

  it('flush(NaN) waits the default time and leaves nothing polling behind', async () => {
    const { client, time, collector } = clientSetup({}, offline);
    client.captureException(errorAt(1));
    let result: boolean | undefined;
    void client.flush(Number.NaN).then((r) => (result = r));
    await time.advanceAsync(4999);
    expect(result).toBeUndefined();
    await time.advanceAsync(1);
    expect(result).toBe(false);
    const requests = collector.seen.length;
    await time.advanceAsync(60_000); // only the transport's own backoff may send again
    expect(collector.seen.length - requests).toBeLessThanOrEqual(6);
  });

  it('close keeps its timeout even when the fetch ignores its abort signal', async () => {
    const { client, time } = clientSetup({}, silent);
    for (let i = 0; i < 2; i++) client.captureException(errorAt(i));
    let result: boolean | undefined;
    void client.close(100).then((r) => (result = r));
    await time.advanceAsync(100);
    expect(result).toBe(false);
    expect((await client.status()).dropped).toEqual({ client_closed: 2 });
  });

  it('close counts what a memory buffer could not send as client_closed', async () => {
    const { client, time } = clientSetup({}, offline);
    for (let i = 0; i < 3; i++) client.captureException(errorAt(i));
    const closing = client.close(500);
    await time.advanceAsync(600);
    expect(await closing).toBe(false);
    expect((await client.status()).dropped).toEqual({ client_closed: 3 });
  });
});

describe('re-init', () => {
  it('a client being closed no longer reports resilience events: the next one does, once', async () => {
    const first = clientSetup({}, silent());
    const second = clientSetup();
    void first.client.close(10_000);
    const breaker = circuitBreaker({ name: 'pay', trigger: { kind: 'consecutive', threshold: 1 } });
    await breaker.execute(() => Promise.reject(new Error('down'))).catch(() => undefined);
    await second.client.flush();
    expect(second.events().map((e) => e.type)).toEqual(['circuit_open']);
    expect((await first.client.status()).buffered).toBe(0);
  });

  function silent() {
    return () => new Promise<Response>(() => undefined);
  }
});

describe('never throws into the app', () => {
  it('takes null and hostile arguments quietly', () => {
    const { client } = clientSetup();
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(() => client.setTags(null as never)).not.toThrow();
    expect(() => client.addBreadcrumb(null as never)).not.toThrow();
    expect(() => client.setContext('x', hostile)).not.toThrow();
    expect(() => client.captureMessage(hostile as never)).not.toThrow();
    expect(client.captureException(errorAt(1), null as never)).toBeDefined();
  });
});

describe('page hide', () => {
  it('beacons at once the events the buffer has not stored yet', async () => {
    const beaconed: string[][] = [];
    const inner = memoryBuffer();
    let store = () => undefined as void;
    const slow = Object.assign(Object.create(null), inner, {
      // A storage write that has not finished when the page hides.
      put: (event: WireEvent, bytes?: number) =>
        new Promise((resolve) => (store = () => resolve(inner.put(event, bytes)))),
    });
    const { client } = clientSetup({
      eventBuffer: slow,
      eventTransport: {
        send: async () => ({ acked: [], dropped: [], retry: [], droppedReported: true }),
        beacon: ({ events }) => (beaconed.push(events.map((e) => e.id)), []),
        status: () => ({ state: 'ready', breaker: 'closed' }),
      },
    });
    const id = client.captureException(errorAt(1));
    const hiding = client.beacon(); // the unsaved event goes before anything is awaited
    expect(beaconed).toEqual([[id]]);
    store();
    await hiding;
  });
});

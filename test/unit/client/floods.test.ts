// Issue 5 item 8: floods and drains. Sentry 11 delivers 40 of a 1000-error burst and drops the
// rest; every one of ours is delivered or counted, in at most 10 requests.
import { describe, expect, it, vi } from 'vitest';
import { memoryBuffer } from '../../../src/buffer/memory-buffer.js';
import { circuitBreaker } from '../../../src/breaker/breaker.js';
import { accept, offline, refuse } from '../transport/fake-collector.js';
import { clientSetup, errorAt } from './setup.js';

describe('floods', () => {
  it('delivers a burst of 1000 distinct errors in one tick in at most 10 requests', async () => {
    const { client, collector, events } = clientSetup();
    for (let i = 0; i < 1000; i++) client.captureException(errorAt(i));
    expect(await client.flush()).toBe(true);
    expect(collector.seen.length).toBeLessThanOrEqual(10);
    expect(new Set(events().map((e) => e.id)).size).toBe(1000);
    expect((await client.status()).dropped).toEqual({});
  });

  it('drains a backlog longer than one drain’s rounds without being asked again', async () => {
    const { client, time, events } = clientSetup({ transport: { batchSize: 2 } }, [
      offline,
      accept(),
    ]);
    for (let i = 0; i < 150; i++) client.captureException(errorAt(i)); // 75 batches
    await time.advanceAsync(30_000); // the failed send's backoff, then the batcher's intervals
    expect(new Set(events().map((e) => e.id)).size).toBe(150);
    expect((await client.status()).buffered).toBe(0);
  });

  it('folds 1000 identical errors into two events whose occurrences sum to 1000', async () => {
    const { client, events, occurrences, collector } = clientSetup();
    for (let i = 0; i < 1000; i++) client.captureException(errorAt(7));
    expect(await client.flush()).toBe(true);
    expect(events().map((e) => e.occurrences ?? 1)).toEqual([1, 999]);
    expect(occurrences()).toBe(1000);
    expect(collector.seen.length).toBeLessThanOrEqual(2);
  });

  it('folds alternating A, B, A, B… (which defeats Sentry’s dedupe) per fingerprint', async () => {
    const { client, events, occurrences } = clientSetup();
    for (let i = 0; i < 1000; i++) client.captureException(errorAt(i % 2));
    await client.flush();
    expect(events()).toHaveLength(4);
    expect(occurrences()).toBe(1000);
  });

  it('caps events per fingerprint per window and sends the rest when the window ends', async () => {
    const { client, events, occurrences, time } = clientSetup({
      maxEventsPerFingerprint: 2,
      dedupeWindowMs: 10_000,
      transport: { flushIntervalMs: 1000 },
    });
    for (let second = 0; second < 5; second++) {
      for (let i = 0; i < 10; i++) client.captureException(errorAt(1));
      await time.advanceAsync(1000);
    }
    expect(events().map((e) => e.occurrences ?? 1)).toEqual([1, 9]); // first, then one fold
    expect((await client.status()).folded).toBe(40);
    await time.advanceAsync(10_000); // the window ends: the held repeats go
    expect(occurrences()).toBe(50);
    expect(events()).toHaveLength(3);
    expect((await client.status()).folded).toBe(0);
  });

  it('counts buffer overflow drops and reports them with the next batch', async () => {
    let down = true;
    const { client, collector } = clientSetup({ buffer: { maxEvents: 10 } }, (request) =>
      down ? offline(request) : accept()(request),
    );
    for (let i = 0; i < 15; i++) client.captureException(errorAt(i));
    await client.flush(0);
    down = false;
    expect(await client.flush()).toBe(true);
    const last = collector.seen.at(-1)!.batch;
    expect(last.events).toHaveLength(10);
    expect(last.dropped).toEqual({ buffer_overflow: 5 });
  });

  it('backs off a 429 storm as told by Retry-After and loses nothing within the bounds', async () => {
    let storm = 3;
    const sentAt: number[] = [];
    const { client, time, events } = clientSetup({}, (request) => {
      sentAt.push(time.elapsed);
      return storm-- > 0 ? refuse(429, { 'retry-after': '30' })(request) : accept()(request);
    });
    for (let i = 0; i < 50; i++) client.captureException(errorAt(i));
    for (let second = 0; second < 120; second++) await time.advanceAsync(1000);
    expect(sentAt).toHaveLength(4); // three refusals, then accepted
    for (let i = 1; i < sentAt.length; i++) {
      expect(sentAt[i]! - sentAt[i - 1]!).toBeGreaterThanOrEqual(30_000); // never before Retry-After
    }
    expect(new Set(events().map((e) => e.id)).size).toBe(50);
    expect((await client.status()).buffered).toBe(0);
  });
});

describe('drains', () => {
  it('sends what an earlier session buffered in one batch at start-up', async () => {
    const shared = memoryBuffer();
    const first = clientSetup({ eventBuffer: shared }, offline);
    for (let i = 0; i < 30; i++) first.client.captureException(errorAt(i));
    await first.client.flush(0);
    const second = clientSetup({ eventBuffer: shared });
    // No flush, no timer: the start-up send alone (gzip takes a few real macrotasks).
    await vi.waitFor(() => expect(second.collector.seen).toHaveLength(1));
    expect(second.collector.seen[0]!.batch.events).toHaveLength(30);
  });
});

describe('resilience events', () => {
  it('records a breaker transition as a breadcrumb and an opened breaker as an event', async () => {
    const { client, events } = clientSetup();
    const breaker = circuitBreaker({
      name: 'payments',
      trigger: { kind: 'consecutive', threshold: 1 },
    });
    await breaker.execute(() => Promise.reject(new Error('boom'))).catch(() => undefined);
    client.captureException(errorAt(1));
    await client.flush();
    const [opened, later] = events();
    expect(opened).toMatchObject({ type: 'circuit_open', context: { breaker: 'payments' } });
    expect(later!.breadcrumbs).toEqual([
      expect.objectContaining({ category: 'breaker', message: 'payments: closed → open' }),
    ]);
  });
});

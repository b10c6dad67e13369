import { describe, expect, it } from 'vitest';
import { constantBackoff } from '../../../src/backoff/constant-backoff.js';
import { collectorBreaker } from '../../../src/transport/collector-breaker.js';
import { createFetchTransport, SMALL_BODY_BYTES } from '../../../src/transport/fetch-transport.js';
import type { FetchTransportOptions } from '../../../src/transport/fetch-transport-options.js';
import { manualTime } from '../../support/manual-time.js';
import { accept, fakeCollector, offline, refuse, type Answer } from './fake-collector.js';
import { ids, wireEvents } from './wire-events.js';

const ENDPOINT = 'https://collector.example.com';

function setup(
  script: Answer[] | Answer,
  options: Partial<FetchTransportOptions> = {},
  threshold = 5,
) {
  const time = manualTime();
  const collector = fakeCollector(script);
  const breaker = collectorBreaker({ clock: time.clock, halfOpenAfterMs: 60_000, threshold });
  const transport = createFetchTransport({
    endpoint: ENDPOINT,
    key: 'public-key-1',
    breaker,
    fetch: collector.fetch,
    clock: time.clock,
    timers: time.timers,
    backoff: constantBackoff(1000),
    ...options,
  });
  return { time, collector, breaker, transport };
}

describe('createFetchTransport(): answers', () => {
  it('acknowledges the accepted events of a 202 and drops the rejected ones as invalid', async () => {
    const { transport } = setup([accept(1, 3)]);
    const events = wireEvents(4);
    const result = await transport.send({ events, dropped: { sampled: 2 } });
    expect(result.acked).toEqual(['event-0001', 'event-0003']);
    expect(result.dropped).toEqual([
      {
        id: 'event-0002',
        reason: 'invalid',
        error: expect.objectContaining({ message: 'event 1 is bad' }),
      },
      {
        id: 'event-0004',
        reason: 'invalid',
        error: expect.objectContaining({ message: 'event 3 is bad' }),
      },
    ]);
    expect(result.retry).toEqual([]);
    expect(result.retryInMs).toBeUndefined();
    expect(result.droppedReported).toBe(true);
    expect(transport.status()).toEqual({ state: 'ready', breaker: 'closed' });
  });

  it('never resends an event the collector rejected', async () => {
    const { transport, collector } = setup([accept(0)]);
    const result = await transport.send({ events: wireEvents(1) });
    expect(result.dropped).toHaveLength(1);
    expect(collector.seen).toHaveLength(1);
  });

  it('sends batchSize events per request, one request after another', async () => {
    const { transport, collector } = setup([accept()], { batchSize: 3 });
    const result = await transport.send({ events: wireEvents(7), dropped: { sampled: 1 } });
    expect(collector.eventIds().map((batch) => batch.length)).toEqual([3, 3, 1]);
    expect(collector.seen.map((r) => r.batch.dropped)).toEqual([
      { sampled: 1 },
      undefined,
      undefined,
    ]);
    expect(result.acked).toEqual(ids(wireEvents(7)));
  });

  it('splits a batch refused with 413 in halves, and drops a lone large event still refused', async () => {
    const events = wireEvents(5);
    events[2] = { ...events[2]!, message: 'x'.repeat(SMALL_BODY_BYTES) };
    const huge = events[2].id;
    const { transport, collector } = setup(({ batch }) =>
      batch.events.length > 2 || batch.events.some((e) => e.id === huge)
        ? refuse(413)({} as never)
        : accept()({ batch } as never),
    );
    const result = await transport.send({ events });
    expect(collector.eventIds()).toEqual([
      ['event-0001', 'event-0002', 'event-0003', 'event-0004', 'event-0005'],
      ['event-0001', 'event-0002', 'event-0003'],
      ['event-0001', 'event-0002'],
      ['event-0003'],
      ['event-0004', 'event-0005'],
    ]);
    expect(result.acked).toEqual(['event-0001', 'event-0002', 'event-0004', 'event-0005']);
    expect(result.dropped).toEqual([
      {
        id: huge,
        reason: 'event_too_large',
        error: expect.objectContaining({ message: 'refused 413' }),
      },
    ]);
  });

  it('stops and keeps the events when even one small event is refused with 413 (a proxy cap)', async () => {
    const { transport, collector } = setup(refuse(413));
    const result = await transport.send({ events: wireEvents(8) });
    // 8, 4, 2, then one small event alone: not an event too large, every body is capped.
    expect(collector.eventIds().map((batch) => batch.length)).toEqual([8, 4, 2, 1]);
    expect(result).toMatchObject({ acked: [], dropped: [], retry: ids(wireEvents(8)) });
    expect(transport.status()).toMatchObject({ state: 'stopped', lastFailure: { status: 413 } });
  });

  it('on 413 for one event with drop counts, sends the counts apart first', async () => {
    const [event] = wireEvents(1, SMALL_BODY_BYTES);
    const { transport, collector } = setup([refuse(413), accept(), refuse(413)]);
    const result = await transport.send({ events: [event!], dropped: { sampled: 4 } });
    expect(collector.seen.map((r) => [r.batch.events.length, r.batch.dropped])).toEqual([
      [1, { sampled: 4 }],
      [0, { sampled: 4 }],
      [1, undefined],
    ]);
    expect(result).toMatchObject({ acked: [], droppedReported: true });
    expect(result.dropped).toMatchObject([{ id: 'event-0001', reason: 'event_too_large' }]);
  });

  it('waits Retry-After on 429, even when forced, then sends again', async () => {
    const { transport, collector, time, breaker } = setup(
      [refuse(429, { 'retry-after': '30' }), accept()],
      {},
      1,
    );
    const events = wireEvents(2);
    const first = await transport.send({ events });
    expect(first).toMatchObject({ acked: [], retry: ids(events), retryInMs: 30_000 });
    expect(breaker.state).toBe('closed'); // 429 is back-pressure, not a failure
    expect(transport.status()).toMatchObject({
      state: 'waiting',
      retryAt: time.clock.now() + 30_000,
    });
    expect(transport.status().lastFailure).toMatchObject({ status: 429 });
    await time.advanceAsync(29_000);
    expect(await transport.send({ events })).toMatchObject({ retry: ids(events), retryInMs: 1000 });
    expect(await transport.send({ events }, { force: true })).toMatchObject({ retry: ids(events) });
    expect(collector.seen).toHaveLength(1);
    await time.advanceAsync(1000);
    expect(await transport.send({ events })).toMatchObject({ acked: ids(events) });
  });

  it('reads an HTTP-date Retry-After, and backs off on a 429 without one', async () => {
    const { transport, time } = setup([
      refuse(429, { 'retry-after': new Date(1_700_000_045_000).toUTCString() }),
      refuse(429),
    ]);
    expect((await transport.send({ events: wireEvents(1) })).retryInMs).toBe(45_000);
    await time.advanceAsync(45_000);
    expect((await transport.send({ events: wireEvents(1) })).retryInMs).toBe(1000);
  });

  it('backs off on 5xx, then the breaker opens and sends stop reaching the collector', async () => {
    const { transport, collector, time, breaker } = setup([refuse(503)]);
    const events = wireEvents(1);
    for (let i = 1; i <= 5; i++) {
      const result = await transport.send({ events });
      expect(result).toMatchObject({ retry: ids(events), retryInMs: 1000 });
      expect(await transport.send({ events })).toMatchObject({ retryInMs: 1000 }); // in backoff
      await time.advanceAsync(1000);
    }
    expect(collector.seen).toHaveLength(5);
    expect(breaker.state).toBe('open');
    const refused = await transport.send({ events });
    expect(collector.seen).toHaveLength(5);
    expect(refused.retryInMs).toBe(59_000); // opened 1 s ago, half-opens after 60 s
    expect(transport.status()).toMatchObject({ state: 'waiting', breaker: 'open' });
  });

  it('a forced send probes an open breaker and closes it on success', async () => {
    const { transport, collector, breaker } = setup([...Array(5).fill(offline), accept()]);
    const events = wireEvents(1);
    for (let i = 0; i < 5; i++) await transport.send({ events }, { force: true });
    expect(breaker.state).toBe('open');
    expect(transport.status().lastFailure).toMatchObject({ status: 0, message: 'Failed to fetch' });
    expect(await transport.send({ events }, { force: true })).toMatchObject({ acked: ids(events) });
    expect(collector.seen).toHaveLength(6);
    expect(breaker.state).toBe('closed');
    expect(transport.status()).toEqual({ state: 'ready', breaker: 'closed' });
  });

  it('counts a forced send that fails once the wait is over: the breaker reopens for longer', async () => {
    const { transport, collector, time, breaker } = setup(offline, {}, 1);
    const events = wireEvents(1);
    await transport.send({ events });
    expect(breaker.state).toBe('open');
    await time.advanceAsync(60_000);
    expect(breaker.state).toBe('half_open');
    await transport.send({ events }, { force: true }); // the probe, through the breaker
    expect(collector.seen).toHaveLength(2);
    expect(breaker.state).toBe('open');
    await time.advanceAsync(1000); // the transport's own backoff
    expect((await transport.send({ events })).retryInMs).toBe(119_000); // the wait doubled
    expect(collector.seen).toHaveLength(2);
  });

  it.each([401, 403, 404])('stops on %i without retrying, keeping the events', async (status) => {
    const { transport, collector, time } = setup([
      refuse(status, {}, 'Unknown public key'),
      accept(),
    ]);
    const events = wireEvents(2);
    const result = await transport.send({ events });
    expect(result).toMatchObject({ acked: [], dropped: [], retry: ids(events) });
    expect(result.retryInMs).toBeUndefined();
    expect(transport.status()).toMatchObject({
      state: 'stopped',
      lastFailure: { status, message: 'Unknown public key' },
    });
    await time.advanceAsync(3_600_000);
    for (let i = 0; i < 10; i++) await transport.send({ events });
    expect(collector.seen).toHaveLength(1); // no retry storm
    expect(transport.beacon({ events })).toEqual([]);
    expect(await transport.send({ events }, { force: true })).toMatchObject({ acked: ids(events) });
    expect(transport.status().state).toBe('ready');
  });

  it('on 400 resends the events without the drop counts, and stops if still refused', async () => {
    const { transport, collector } = setup([refuse(400), accept(), refuse(400)]);
    const result = await transport.send({ events: wireEvents(2), dropped: { 'Not-A-Reason': 1 } });
    expect(collector.seen.map((r) => r.batch.dropped)).toEqual([{ 'Not-A-Reason': 1 }, undefined]);
    expect(result).toMatchObject({ acked: ids(wireEvents(2)), droppedReported: true });
    await transport.send({ events: wireEvents(1) });
    expect(transport.status().state).toBe('stopped');
  });

  it('on 415 for a gzipped body sends plain from then on', async () => {
    const { transport, collector } = setup([refuse(415), accept()]);
    const events = wireEvents(20, 200);
    expect(await transport.send({ events })).toMatchObject({ acked: ids(events) });
    await transport.send({ events });
    expect(collector.seen.map((r) => r.headers['content-encoding'])).toEqual([
      'gzip',
      undefined,
      undefined,
    ]);
  });

  it('drops events too large for any request as event_too_large without sending them', async () => {
    const { transport, collector } = setup([accept()], { maxBatchBytes: 2048 });
    const [small, big] = [wireEvents(1)[0]!, wireEvents(1, 4000, 2)[0]!];
    const result = await transport.send({ events: [small, big] });
    expect(result).toMatchObject({
      acked: [small.id],
      dropped: [{ id: big.id, reason: 'event_too_large' }],
    });
    expect(collector.eventIds()).toEqual([[small.id]]);
  });

  it('makes no request for an empty batch', async () => {
    const { transport, collector } = setup([accept()]);
    expect(await transport.send({ events: [], dropped: {} })).toEqual({
      acked: [],
      dropped: [],
      retry: [],
      droppedReported: false,
    });
    expect(collector.seen).toHaveLength(0);
  });
});

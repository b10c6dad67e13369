// The transport, the batcher and the memory buffer wired the way the capture client wires them:
// the ports fit, nothing is lost, and a burst drains in few requests (issue 5 item 8).
import { describe, expect, it } from 'vitest';
import { constantBackoff } from '../../../src/backoff/constant-backoff.js';
import type { EventBuffer } from '../../../src/buffer/buffer.js';
import { eventBytes } from '../../../src/buffer/event-bytes.js';
import { memoryBuffer } from '../../../src/buffer/memory-buffer.js';
import { createBatcher, type Batcher } from '../../../src/transport/batcher.js';
import { collectorBreaker } from '../../../src/transport/collector-breaker.js';
import { createFetchTransport } from '../../../src/transport/fetch-transport.js';
import type { Transport } from '../../../src/transport/transport.js';
import { manualTime } from '../../support/manual-time.js';
import { accept, fakeCollector, refuse, type Answer } from './fake-collector.js';
import { wireEvents } from './wire-events.js';

/** The capture client's flush: send what the buffer holds until it is empty or must wait. */
async function drain(buffer: EventBuffer, transport: Transport, batcher: Batcher): Promise<void> {
  for (;;) {
    const batch = await buffer.take({ maxEvents: 100 });
    if (batch.events.length === 0 && Object.keys(batch.dropped).length === 0) return;
    const result = await transport.send(batch);
    const counts = result.droppedReported ? batch.dropped : undefined;
    await buffer.ack(result.acked, counts);
    for (const drop of result.dropped) await buffer.drop([drop.id], drop.reason);
    buffer.release(result.retry, counts === undefined ? batch.dropped : undefined);
    if (result.retry.length > 0) {
      if (result.retryInMs !== undefined) batcher.defer(result.retryInMs);
      return;
    }
    // A short batch means the buffer is drained: stragglers wait for the batcher's interval.
    if (batch.events.length < 100) return;
  }
}

function setup(script: Answer[]) {
  const time = manualTime();
  const collector = fakeCollector(script);
  const buffer = memoryBuffer({ maxEvents: 2000 });
  const transport = createFetchTransport({
    endpoint: 'https://collector.example.com',
    key: 'k',
    breaker: collectorBreaker({ clock: time.clock }),
    fetch: collector.fetch,
    clock: time.clock,
    timers: time.timers,
    backoff: constantBackoff(2000),
    gzip: false, // CompressionStream runs on real time, which manual time does not wait for
  });
  const batcher: Batcher = createBatcher({
    flush: () => drain(buffer, transport, batcher),
    timers: time.timers,
  });
  /** Captures in one tick, as a burst of errors does. */
  const capture = (events: ReturnType<typeof wireEvents>) =>
    Promise.all(
      events.map((event) => {
        const bytes = eventBytes(event);
        const stored = buffer.put(event, bytes);
        batcher.add(bytes);
        return stored;
      }),
    );
  return { time, collector, buffer, batcher, capture };
}

describe('transport + batcher + buffer', () => {
  it('drains a burst of 1000 events in 10 requests, each event delivered once', async () => {
    const { time, collector, buffer, capture } = setup([accept()]);
    await capture(wireEvents(1000));
    await time.advanceAsync(1000);
    const delivered = collector.eventIds().flat();
    expect(collector.seen.length).toBeLessThanOrEqual(10);
    expect(new Set(delivered).size).toBe(1000);
    expect(delivered).toHaveLength(1000);
    expect(await buffer.size()).toBe(0);
  });

  it('backs off a failing collector, then delivers and reports the invalid drops', async () => {
    const { time, collector, buffer, capture } = setup([refuse(503), accept(1), accept()]);
    await capture(wireEvents(3));
    await time.advanceAsync(1000); // the interval: first send, 503
    expect(collector.seen).toHaveLength(1);
    expect(await buffer.size()).toBe(3);
    await time.advanceAsync(2000); // the backoff: 202 with one rejection
    expect(await buffer.size()).toBe(0);
    await capture(wireEvents(1, 20, 10));
    await time.advanceAsync(1000);
    expect(collector.seen.map((r) => r.batch.dropped)).toEqual([
      undefined,
      undefined,
      { invalid: 1 },
    ]);
    expect((await buffer.stats()).unreported).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { memoryBuffer } from '../../../src/buffer/index.js';
import { jsonBytes, numbers, wireEvent } from './wire-events.js';

describe('buffer bounds and overflow policies', () => {
  it('drop_oldest evicts the oldest events when the count bound is reached', async () => {
    const buffer = memoryBuffer({ maxEvents: 3 });
    for (let n = 1; n <= 5; n++) await buffer.put(wireEvent(n));
    expect(numbers((await buffer.peek()).events)).toEqual([3, 4, 5]);
    expect((await buffer.stats()).dropped).toEqual({ buffer_overflow: 2 });
  });

  it('drop_newest refuses new events when the count bound is reached', async () => {
    const buffer = memoryBuffer({ maxEvents: 3, overflow: 'drop_newest' });
    const results = [];
    for (let n = 1; n <= 5; n++) results.push(await buffer.put(wireEvent(n)));
    expect(results.map((r) => r.status)).toEqual([
      'stored',
      'stored',
      'stored',
      'dropped',
      'dropped',
    ]);
    expect(numbers((await buffer.peek()).events)).toEqual([1, 2, 3]);
    expect((await buffer.take()).dropped).toEqual({ buffer_overflow: 2 });
  });

  it('drop_oldest evicts as many old events as a large new one needs under the byte bound', async () => {
    const small = jsonBytes(wireEvent(1));
    const big = wireEvent(9, 'high', 'x'.repeat(small * 2));
    const buffer = memoryBuffer({ maxBytes: 1024, maxEvents: 100 });
    const count = Math.floor(1024 / small);
    for (let n = 1; n <= count; n++) await buffer.put(wireEvent(n));
    const result = await buffer.put(big);
    expect(result).toMatchObject({ status: 'stored' });
    const evicted = (result as { evicted: number }).evicted;
    expect(evicted).toBeGreaterThanOrEqual(2);
    const stats = await buffer.stats();
    expect(stats.bytes).toBeLessThanOrEqual(1024);
    expect(stats.events).toBe(count - evicted + 1);
    expect(stats.dropped).toEqual({ buffer_overflow: evicted });
  });

  it('measures each event as the bytes of its UTF-8 JSON', async () => {
    const buffer = memoryBuffer();
    const event = wireEvent(1, 'low', 'déjà vu 🚀');
    await buffer.put(event);
    expect((await buffer.stats()).bytes).toBe(jsonBytes(event));
    expect((await buffer.take()).bytes).toBe(jsonBytes(event));
  });

  it('trusts a size the caller already measured', async () => {
    const buffer = memoryBuffer({ maxBytes: 2048 });
    await buffer.put(wireEvent(1), 2000);
    await buffer.put(wireEvent(2), 100);
    expect(numbers((await buffer.peek()).events)).toEqual([2]);
  });

  it('drops an event larger than the whole byte bound as event_too_large', async () => {
    const buffer = memoryBuffer({ maxBytes: 1024 });
    await buffer.put(wireEvent(1));
    const huge = wireEvent(2, 'critical', 'x'.repeat(2000));
    expect(await buffer.put(huge)).toEqual({ status: 'dropped', reason: 'event_too_large' });
    expect(numbers((await buffer.peek()).events)).toEqual([1]);
    expect((await buffer.stats()).dropped).toEqual({ event_too_large: 1 });
  });

  it('drop_oldest spares events in flight while others can go', async () => {
    const buffer = memoryBuffer({ maxEvents: 4 });
    for (let n = 1; n <= 4; n++) await buffer.put(wireEvent(n));
    const sending = await buffer.take({ maxEvents: 2 });
    await buffer.put(wireEvent(5));
    await buffer.put(wireEvent(6));
    expect(numbers((await buffer.peek()).events)).toEqual([1, 2, 5, 6]);
    // Acknowledging the batch still removes exactly the events that were sent.
    expect(await buffer.ack(sending.ids)).toBe(2);
  });

  it('drop_oldest refuses the new event when only events in flight are left', async () => {
    const buffer = memoryBuffer({ maxEvents: 2 });
    await buffer.put(wireEvent(1));
    await buffer.put(wireEvent(2));
    const sending = await buffer.take();
    expect(await buffer.put(wireEvent(3))).toEqual({
      status: 'dropped',
      reason: 'buffer_overflow',
    });
    expect(numbers((await buffer.peek()).events)).toEqual([1, 2]);
    // Both sent, the third counted dropped: no event is both delivered and dropped.
    expect(await buffer.ack(sending.ids)).toBe(2);
    expect((await buffer.stats()).dropped).toEqual({ buffer_overflow: 1 });
  });

  it('counts a dropped event that folds repeats by its occurrences, in every path', async () => {
    const folded = (n: number, occurrences: number) => ({ ...wireEvent(n), occurrences });
    const buffer = memoryBuffer({ maxEvents: 1, maxBytes: 4096 });
    await buffer.put(folded(1, 5));
    await buffer.put(folded(2, 3)); // evicts the first
    expect(await buffer.put({ ...folded(3, 7), message: 'x'.repeat(5000) })).toMatchObject({
      reason: 'event_too_large',
    });
    expect(await buffer.drop(['event-000002'], 'invalid')).toBe(1);
    expect((await buffer.stats()).dropped).toEqual({
      buffer_overflow: 5,
      event_too_large: 7,
      invalid: 3,
    });
  });

  it('refuses invalid bounds with one config FaultError listing each problem', () => {
    let thrown: unknown;
    try {
      memoryBuffer({ maxEvents: 0, maxBytes: 1.5, overflow: 'drop_random' as never });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: 'FaultError', code: 1201 });
    const problems = (thrown as { context: { problems: { path: string }[] } }).context.problems;
    expect(problems.map((p) => p.path)).toEqual(['maxEvents', 'maxBytes', 'overflow']);
  });

  it('refuses invalid batch limits', async () => {
    await expect(memoryBuffer().take({ maxEvents: 0 })).rejects.toMatchObject({
      name: 'FaultError',
      type: 'range_error',
    });
  });
});

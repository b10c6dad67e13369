import { describe, expect, it } from 'vitest';
import { memoryBuffer } from '../../../src/buffer/index.js';
import { numbers, wireEvent } from './wire-events.js';

async function filled(count: number, options = {}) {
  const buffer = memoryBuffer(options);
  for (let n = 1; n <= count; n++) await buffer.put(wireEvent(n));
  return buffer;
}

describe('memoryBuffer()', () => {
  it('hands events out oldest first and keeps them until they are acknowledged', async () => {
    const buffer = await filled(5);
    const batch = await buffer.take({ maxEvents: 3 });
    expect(numbers(batch.events)).toEqual([1, 2, 3]);
    expect(batch.ids).toEqual(batch.events.map((e) => e.id));
    expect(await buffer.size()).toBe(5);

    expect(await buffer.ack(batch.ids, batch.dropped)).toBe(3);
    expect(await buffer.size()).toBe(2);
    expect(numbers((await buffer.take()).events)).toEqual([4, 5]);
  });

  it('does not hand the same event out twice while it is in flight', async () => {
    const buffer = await filled(4);
    const first = await buffer.take({ maxEvents: 2 });
    const second = await buffer.take({ maxEvents: 2 });
    const third = await buffer.take();
    expect(numbers(first.events)).toEqual([1, 2]);
    expect(numbers(second.events)).toEqual([3, 4]);
    expect(third.events).toEqual([]);
    expect((await buffer.stats()).inFlight).toBe(4);
  });

  it('hands released events out again after a failed send', async () => {
    const buffer = await filled(3);
    const batch = await buffer.take();
    buffer.release(batch.ids, batch.dropped);
    expect(numbers((await buffer.take()).events)).toEqual([1, 2, 3]);
  });

  it('peeks without marking anything in flight, including events already in flight', async () => {
    const buffer = await filled(3);
    await buffer.take({ maxEvents: 2 });
    const peeked = await buffer.peek();
    expect(numbers(peeked.events)).toEqual([1, 2, 3]);
    expect(numbers((await buffer.take()).events)).toEqual([3]);
  });

  it('ignores acknowledgements of unknown ids', async () => {
    const buffer = await filled(2);
    expect(await buffer.ack(['event-999999', 'event-000001'])).toBe(1);
    expect(await buffer.size()).toBe(1);
  });

  it('keeps the first copy of an id and reports the second as a duplicate', async () => {
    const buffer = memoryBuffer();
    expect(await buffer.put(wireEvent(1, 'low', 'first'))).toEqual({
      status: 'stored',
      evicted: 0,
    });
    expect(await buffer.put(wireEvent(1, 'high', 'second'))).toEqual({ status: 'duplicate' });
    const batch = await buffer.take();
    expect(batch.events).toEqual([wireEvent(1, 'low', 'first')]);
  });

  it('limits a batch by bytes but always hands out at least one event', async () => {
    const buffer = memoryBuffer();
    await buffer.put(wireEvent(1, 'medium', 'x'.repeat(2000)));
    await buffer.put(wireEvent(2));
    const batch = await buffer.take({ maxBytes: 100 });
    expect(numbers(batch.events)).toEqual([1]);
    expect(batch.bytes).toBeGreaterThan(2000);
    expect(numbers((await buffer.take({ maxBytes: 1000 })).events)).toEqual([2]);
  });

  it('batches the puts of one tick and resolves each with its own outcome', async () => {
    const buffer = memoryBuffer({ maxEvents: 2, overflow: 'drop_newest' });
    const results = await Promise.all([1, 2, 3].map((n) => buffer.put(wireEvent(n))));
    expect(results).toEqual([
      { status: 'stored', evicted: 0 },
      { status: 'stored', evicted: 0 },
      { status: 'dropped', reason: 'buffer_overflow' },
    ]);
  });

  it('counts events dropped with drop() and reports them in the next batch', async () => {
    const buffer = await filled(3);
    const batch = await buffer.take();
    expect(await buffer.drop(['event-000002'], 'invalid')).toBe(1);
    expect(await buffer.ack(['event-000001', 'event-000003'], batch.dropped)).toBe(2);
    const stats = await buffer.stats();
    expect(stats).toMatchObject({ events: 0, inFlight: 0, dropped: { invalid: 1 } });
    expect(stats.unreported).toEqual({ invalid: 1 });
    expect((await buffer.take()).dropped).toEqual({ invalid: 1 });
  });

  it('reports recorded drops once, and forgets them only when the collector acknowledged them', async () => {
    const buffer = memoryBuffer();
    await buffer.recordDrop('sampled', 3);
    await buffer.recordDrop('before_send');
    const first = await buffer.take();
    expect(first.dropped).toEqual({ sampled: 3, before_send: 1 });
    await buffer.recordDrop('sampled');
    // Only what no other batch carries is handed out again.
    expect((await buffer.take()).dropped).toEqual({ sampled: 1 });

    buffer.release(first.ids, first.dropped);
    const retry = await buffer.take();
    expect(retry.dropped).toEqual({ sampled: 3, before_send: 1 });
    await buffer.ack(retry.ids, retry.dropped);
    expect((await buffer.stats()).unreported).toEqual({ sampled: 1 });
    expect((await buffer.stats()).dropped).toEqual({ sampled: 4, before_send: 1 });
  });

  it('refuses a drop reason outside the closed set', async () => {
    const buffer = memoryBuffer();
    await expect(buffer.recordDrop('lost' as never)).rejects.toMatchObject({
      name: 'FaultError',
      type: 'invalid_config_value',
    });
    await expect(buffer.recordDrop('sampled', 0)).rejects.toMatchObject({ name: 'FaultError' });
    await expect(buffer.drop(['x'], 'gone' as never)).rejects.toMatchObject({ name: 'FaultError' });
  });

  it('counts an event that cannot be serialised as invalid instead of storing it', async () => {
    const buffer = memoryBuffer();
    const cyclic = wireEvent(1) as Record<string, unknown>;
    cyclic['context'] = cyclic;
    expect(await buffer.put(cyclic as never)).toEqual({ status: 'dropped', reason: 'invalid' });
    expect(await buffer.put({ message: 'no id' } as never)).toEqual({
      status: 'dropped',
      reason: 'invalid',
    });
    expect(await buffer.stats()).toMatchObject({ events: 0, dropped: { invalid: 2 } });
  });

  it('drops events put after close() as client_closed and reads as empty', async () => {
    const buffer = await filled(2);
    await buffer.close();
    expect(await buffer.put(wireEvent(3))).toEqual({ status: 'dropped', reason: 'client_closed' });
    expect((await buffer.take()).events).toEqual([]);
    expect((await buffer.stats()).dropped).toEqual({ client_closed: 1 });
  });

  it('holds 1000 events by default without dropping any (SPEC §4)', async () => {
    const buffer = await filled(1000);
    const stats = await buffer.stats();
    expect(stats).toMatchObject({ events: 1000, maxEvents: 1000, overflow: 'drop_oldest' });
    expect(stats.dropped).toEqual({});
    expect(buffer.storage).toBe('memory');
  });
});

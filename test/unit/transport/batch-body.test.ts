import { describe, expect, it } from 'vitest';
import {
  batchBody,
  envelopeBytes,
  packChunks,
  serializeEvents,
} from '../../../src/transport/batch-body.js';
import { utf8Length } from '../../../src/buffer/event-bytes.js';
import type { TransportDrop } from '../../../src/transport/drop-reasons.js';
import { batchSchema } from '../../../src/wire/batch-schema.js';
import { wireEventSchema, type WireEvent } from '../../../src/wire/event-schema.js';
import { ids, wireEvents } from './wire-events.js';

const SDK = JSON.stringify({ name: 'faultline', version: '0.1.0' });

describe('batchBody()', () => {
  it('writes the ingest envelope the collector schema accepts', () => {
    const events = wireEvents(3);
    const serialized = serializeEvents(events, Infinity, []);
    const text = batchBody(SDK, 1_700_000_000_000, { events: serialized, dropped: { sampled: 2 } });
    const batch = batchSchema.parse(JSON.parse(text));
    expect(batch).toEqual({
      sdk: { name: 'faultline', version: '0.1.0' },
      sentAt: 1_700_000_000_000,
      events,
      dropped: { sampled: 2 },
    });
    for (const event of batch.events) expect(wireEventSchema.safeParse(event).success).toBe(true);
  });

  it('measures the envelope, sentAt digits included', () => {
    const full = batchBody(SDK, Date.now(), { events: [], dropped: { buffer_overflow: 12 } });
    expect(envelopeBytes(SDK, { buffer_overflow: 12 })).toBeGreaterThanOrEqual(utf8Length(full));
  });
});

describe('serializeEvents()', () => {
  it('drops events that cannot be serialised as invalid and oversized ones as event_too_large', () => {
    const [a, b, c] = wireEvents(3) as [WireEvent, WireEvent, WireEvent];
    const cyclic = { ...b, context: {} as Record<string, unknown> };
    cyclic.context.self = cyclic;
    const big = { ...c, message: 'x'.repeat(5000) };
    const drops: TransportDrop[] = [];
    const kept = serializeEvents([a, cyclic, big], 1000, drops);
    expect(ids(kept)).toEqual([a.id]);
    expect(drops).toMatchObject([
      { id: b.id, reason: 'invalid' },
      { id: c.id, reason: 'event_too_large' },
    ]);
  });
});

describe('packChunks()', () => {
  it('cuts by count, in order', () => {
    const serialized = serializeEvents(wireEvents(7), Infinity, []);
    const chunks = packChunks(serialized, undefined, SDK, { batchSize: 3, maxBatchBytes: 1e9 });
    expect(chunks.map((chunk) => chunk.events.length)).toEqual([3, 3, 1]);
    expect(chunks.flatMap((chunk) => ids(chunk.events))).toEqual(ids(wireEvents(7)));
  });

  it('cuts by bytes so that every body stays within maxBatchBytes', () => {
    const serialized = serializeEvents(wireEvents(20, 300), Infinity, []);
    const maxBatchBytes = 2000;
    const chunks = packChunks(serialized, { sampled: 1 }, SDK, { batchSize: 100, maxBatchBytes });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(utf8Length(batchBody(SDK, Date.now(), chunk))).toBeLessThanOrEqual(maxBatchBytes);
      expect(chunk.events.length).toBeGreaterThan(0);
    }
    expect(chunks.flatMap((chunk) => ids(chunk.events))).toHaveLength(20);
  });

  it('puts the drop counts in the first request only', () => {
    const serialized = serializeEvents(wireEvents(4), Infinity, []);
    const chunks = packChunks(serialized, { sampled: 3 }, SDK, {
      batchSize: 2,
      maxBatchBytes: 1e9,
    });
    expect(chunks.map((chunk) => chunk.dropped)).toEqual([{ sampled: 3 }, undefined]);
  });

  it('sends drop counts alone when there are no events', () => {
    expect(packChunks([], { sampled: 3 }, SDK, { batchSize: 2, maxBatchBytes: 1e9 })).toEqual([
      { events: [], dropped: { sampled: 3 } },
    ]);
    expect(packChunks([], undefined, SDK, { batchSize: 2, maxBatchBytes: 1e9 })).toEqual([]);
  });
});

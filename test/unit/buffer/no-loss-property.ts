import fc from 'fast-check';
// The buffer's guarantee as a property, run against every EventBuffer implementation: against a
// reference model of the bounds and overflow policies, no event is ever lost without a counted
// drop, and every counted drop is reported exactly once.
import { expect } from 'vitest';
import {
  addDrops,
  totalDrops,
  type BufferBatch,
  type DropCounts,
  type EventBuffer,
  type OverflowPolicy,
} from '../../../src/buffer/index.js';
import { jsonBytes, wireEvent } from './wire-events.js';

type Op =
  | { kind: 'put'; n: number; pad: number }
  | { kind: 'burst'; n: number; count: number; pad: number }
  | { kind: 'take'; maxEvents: number }
  | { kind: 'settle'; batch: number; how: 'ack' | 'release' | 'reject' | 'split' }
  | { kind: 'recordDrop'; reason: 'sampled' | 'before_send'; count: number };

const ops: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('put' as const), n: fc.nat(40), pad: fc.nat(600) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('burst' as const),
      n: fc.nat(40),
      count: fc.integer({ min: 2, max: 8 }),
      pad: fc.nat(300),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('take' as const),
      maxEvents: fc.integer({ min: 1, max: 5 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      batch: fc.nat(),
      how: fc.constantFrom('ack' as const, 'release' as const, 'reject' as const, 'split' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('recordDrop' as const),
      reason: fc.constantFrom('sampled' as const, 'before_send' as const),
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
);

/** The reference: what the buffer must hold, in order, after each step. */
interface Model {
  entries: { id: string; bytes: number }[];
  inFlight: Set<string>;
}

function modelPut(model: Model, id: string, bytes: number, bounds: Bounds): void {
  if (model.entries.some((e) => e.id === id) || bytes > bounds.maxBytes) return;
  // Events in flight are never evicted, and none is evicted for an event that still would not fit.
  const spares = model.entries.filter((e) => !model.inFlight.has(e.id));
  let count = model.entries.length;
  let total = model.entries.reduce((sum, e) => sum + e.bytes, 0);
  const victims = new Set<string>();
  while (count + 1 > bounds.maxEvents || total + bytes > bounds.maxBytes) {
    const victim = bounds.overflow === 'drop_oldest' ? spares[victims.size] : undefined;
    if (victim === undefined) return;
    victims.add(victim.id);
    count--;
    total -= victim.bytes;
  }
  model.entries = model.entries.filter((e) => !victims.has(e.id));
  model.entries.push({ id, bytes });
}

function modelRemove(model: Model, ids: readonly string[]): void {
  model.entries = model.entries.filter((e) => !ids.includes(e.id));
  for (const id of ids) model.inFlight.delete(id);
}

/** Bounds of one generated scenario. */
export interface Bounds {
  maxEvents: number;
  maxBytes: number;
  overflow: OverflowPolicy;
}

const bounds: fc.Arbitrary<Bounds> = fc.record({
  maxEvents: fc.integer({ min: 1, max: 12 }),
  maxBytes: fc.integer({ min: 1024, max: 4096 }),
  overflow: fc.constantFrom('drop_oldest' as const, 'drop_newest' as const),
});

/** Checks the no-loss property on `numRuns` random scenarios of up to `maxSteps` steps. */
export async function assertNoLoss(
  makeBuffer: (bounds: Bounds) => EventBuffer,
  numRuns: number,
  {
    maxSteps = 60,
    after,
  }: { maxSteps?: number; after?: (buffer: EventBuffer) => Promise<void> } = {},
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(bounds, fc.array(ops, { maxLength: maxSteps }), async (b, steps) => {
      const buffer = makeBuffer(b);
      const model: Model = { entries: [], inFlight: new Set() };
      const outstanding: BufferBatch[] = [];
      let stored = 0;
      let refused = 0;
      let acked = 0;
      let rejected = 0;
      let reported: DropCounts = {};
      let recorded = 0;

      const put = async (n: number, pad: number) => {
        const event = wireEvent(n, 'medium', 'x'.repeat(pad));
        modelPut(model, event.id, jsonBytes(event), b);
        const result = await buffer.put(event);
        if (result.status === 'stored') stored++;
        if (result.status === 'dropped' && result.reason === 'buffer_overflow') refused++;
      };

      for (const step of steps) {
        if (step.kind === 'put') {
          await put(step.n, step.pad);
        } else if (step.kind === 'burst') {
          await Promise.all(
            Array.from({ length: step.count }, (_, i) => put(step.n + i, step.pad)),
          );
        } else if (step.kind === 'take') {
          const batch = await buffer.take({ maxEvents: step.maxEvents, maxBytes: 2048 });
          for (const id of batch.ids) model.inFlight.add(id);
          if (batch.ids.length > 0 || totalDrops(batch.dropped) > 0) outstanding.push(batch);
        } else if (step.kind === 'recordDrop') {
          await buffer.recordDrop(step.reason, step.count);
          recorded += step.count;
        } else if (outstanding.length > 0) {
          const [batch] = outstanding.splice(step.batch % outstanding.length, 1) as [BufferBatch];
          const half = Math.ceil(batch.ids.length / 2);
          if (step.how === 'release') {
            buffer.release(batch.ids, batch.dropped);
            for (const id of batch.ids) model.inFlight.delete(id);
          } else if (step.how === 'reject') {
            rejected += await buffer.drop(batch.ids, 'invalid');
            modelRemove(model, batch.ids);
            buffer.release([], batch.dropped);
          } else {
            const ackIds = step.how === 'ack' ? batch.ids : batch.ids.slice(0, half);
            acked += await buffer.ack(ackIds, batch.dropped);
            reported = addDrops(reported, batch.dropped);
            modelRemove(model, ackIds);
            if (step.how === 'split') {
              rejected += await buffer.drop(batch.ids.slice(half), 'invalid');
              modelRemove(model, batch.ids.slice(half));
            }
          }
        }

        const all = await buffer.peek({ maxEvents: 1_000, maxBytes: 1_000_000 });
        expect(all.ids).toEqual(model.entries.map((e) => e.id));
        const stats = await buffer.stats();
        expect(stats.events).toBeLessThanOrEqual(b.maxEvents);
        expect(stats.bytes).toBeLessThanOrEqual(b.maxBytes);
        expect(stats.bytes).toBe(model.entries.reduce((sum, e) => sum + e.bytes, 0));

        // Every stored event is buffered, acknowledged, or counted as dropped.
        const evictions = (stats.dropped.buffer_overflow ?? 0) - refused;
        expect(stored).toBe(stats.events + acked + rejected + evictions);
        // Every counted drop is reported once, or still waits to be.
        expect(totalDrops(stats.dropped)).toBe(totalDrops(reported) + totalDrops(stats.unreported));
        expect((stats.dropped.sampled ?? 0) + (stats.dropped.before_send ?? 0)).toBe(recorded);
      }
      await after?.(buffer);
      await buffer.close();
    }),
    { numRuns },
  );
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchOf,
  gzip,
  postBatch,
  storedEvents,
  wireEvent,
  type IngestAnswer,
} from './ingest-fixtures.js';

// Bodies a hostile or broken client may send. Whatever arrives, the collector answers 202 or a
// 4xx with a FaultError body, never a 5xx, stores nothing of a rejected event, and never lets a
// `__proto__` key reach a prototype. Event ids are made fresh per run (the generators leave
// ID placeholders) so "not stored" is about this run only.

const ID = '<fresh-id>';
const WIRE_KEYS = Object.keys(wireEvent()).concat([
  'occurrences',
  'context',
  'tags',
  'user',
  'breadcrumbs',
  'url',
]);

const hugeString = fc.integer({ min: 8_000, max: 300_000 }).map((n) => 'x'.repeat(n));
const protoObject = fc
  .constantFrom(
    '{"__proto__":{"polluted":"yes"}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
    '{"__proto__":[1,2],"a":{"__proto__":{"polluted":"yes"}}}',
    '{"prototype":{"polluted":"yes"},"__defineGetter__":"x","hasOwnProperty":1}',
  )
  .map((text) => JSON.parse(text) as unknown);

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}
const deep = fc
  .tuple(fc.integer({ min: 1, max: 3_000 }), fc.boolean())
  .map(([depth, asArray]) => nested(depth, 'leaf', asArray));

const weird = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hugeString,
  protoObject,
  deep,
  fc.constantFrom(null, -1, 0, 1e308, '', true, [], {}, 'NaN', 2 ** 53 + 1),
);

/** A valid event with a placeholder id; one in three has fields replaced by weird values. */
const event = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...WIRE_KEYS, '__proto__', 'constructor', 'extra'), weird, {
      minKeys: 1,
      maxKeys: 3,
    }),
    fc.integer({ min: 0, max: 2 }),
  )
  .map(([changes, dice]) => {
    const base: Record<string, unknown> = { ...wireEvent(), id: ID };
    if (dice > 0) return base;
    for (const [key, value] of Object.entries(changes)) {
      Object.defineProperty(base, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return base;
  });

const dropped = fc.oneof(
  { weight: 5, arbitrary: fc.constant(undefined) },
  {
    weight: 3,
    arbitrary: fc.dictionary(
      fc.constantFrom('buffer_overflow', 'rate_capped', 'invalid'),
      fc.nat(1000),
    ),
  },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), weird, { maxKeys: 3 }) },
);
const sdk = fc.oneof(
  { weight: 9, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: weird },
);

const batchBody = fc
  .tuple(
    fc.array(fc.oneof({ weight: 6, arbitrary: event }, { weight: 1, arbitrary: weird }), {
      maxLength: 12,
    }),
    dropped,
    sdk,
  )
  .map(([events, droppedValue, sdkValue]) => {
    const extra: Record<string, unknown> = {};
    if (droppedValue !== undefined) extra.dropped = droppedValue;
    if (sdkValue !== undefined) extra.sdk = sdkValue;
    return batchOf(events, extra);
  });

/** What is posted: a JSON value, raw text, raw bytes, and whether to gzip it. */
const body = fc.oneof(
  { weight: 6, arbitrary: batchBody.map((value) => ({ value })) },
  { weight: 1, arbitrary: fc.jsonValue().map((value) => ({ value })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2_000 }).map((bytes) => ({ bytes })) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => ({
      text: `{"sdk":{"name":"x","version":"1"},"sentAt":1,"events":[${'['.repeat(n)}${']'.repeat(n)}]}`,
    })),
  },
);

/** Replaces every ID placeholder with a fresh id; returns the ids. */
function freshIds(value: unknown): string[] {
  const ids: string[] = [];
  const events = (value as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return ids;
  for (const item of events) {
    if (typeof item === 'object' && item !== null && (item as { id?: unknown }).id === ID) {
      const id = crypto.randomUUID();
      (item as { id: string }).id = id;
      ids.push(id);
    }
  }
  return ids;
}

describe('POST /v1/events: fuzzed bodies', () => {
  it('never answers 5xx, and stores nothing of a rejected event or refused batch', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.boolean(),
        fc.constantFrom('application/json', 'text/plain'),
        async (sent, zip, type) => {
          const ids = 'value' in sent ? freshIds(sent.value) : [];
          const raw =
            'value' in sent ? JSON.stringify(sent.value) : 'text' in sent ? sent.text : sent.bytes;
          const payload = zip ? await gzip(raw) : raw;
          const res = await postBatch(payload, {
            headers: { 'content-type': type, ...(zip ? { 'content-encoding': 'gzip' } : {}) },
          });
          expect([202, 400, 413, 415]).toContain(res.status);
          const answer = (await res.json()) as IngestAnswer & {
            error?: { type: string; code: number };
          };
          const stored = new Set((await storedEvents(ids)).map((row) => row.id));
          if (res.status !== 202) {
            expect(typeof answer.error?.type).toBe('string');
            expect(stored.size).toBe(0);
            return;
          }
          const parsed =
            'value' in sent ? sent.value : JSON.parse('text' in sent ? sent.text : '{}');
          const events = (parsed as { events: unknown[] }).events;
          expect(answer.accepted + answer.duplicate + answer.rejected.length).toBe(events.length);
          expect(answer.accepted).toBe(stored.size);
          for (const { index } of answer.rejected) {
            const id = (events[index] as { id?: unknown } | null)?.id;
            if (typeof id === 'string') expect(stored.has(id)).toBe(false);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 150 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isFaultError } from '../../src/errors/is-fault-error.js';
import { wireEventSchema } from '../../src/wire/event-schema.js';
import { WIRE_LIMITS as L } from '../../src/wire/limits.js';
import { compileFastParse } from '../../workers/src/ingest/compile-fast-parse.js';
import { wireEvent } from './ingest-fixtures.js';

// The collector takes what `compileFastParse(wireEventSchema)` answers in place of a zod parse,
// so an answer must always be zod's success with zod's data; and it must answer for the events
// SDKs send, or ingest quietly falls back to zod's cost.

const parseWireEvent = compileFastParse(wireEventSchema);
/** Whether the fast parse answers, and then with zod's data; throws if it answers wrongly. */
function isWireEvent(input: unknown): boolean {
  const before = JSON.stringify(input);
  const fast = parseWireEvent(input);
  expect(JSON.stringify(input), 'the input is left as it was').toBe(before);
  if (fast === undefined) return false;
  const zod = wireEventSchema.safeParse(input);
  expect(zod.success, 'zod agrees').toBe(true);
  expect(fast, 'with the same data').toEqual(zod.data);
  return true;
}
/** What the collector checks: parsed JSON. */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** A full event as the browser SDK sends it: every optional part present. */
function richEvent(): Record<string, unknown> {
  const frame = { function: 'Cart.total', file: 'https://shop.example/a.js', line: 3, column: 9 };
  return wireEvent({
    name: 'TypeError',
    stack: 'TypeError: x\n    at Cart.total (https://shop.example/a.js:3:9)',
    frames: [frame, { ...frame, function: 'render' }, { file: 'native' }],
    causes: [{ type: 'unknown', name: 'Error', message: 'inner', frames: [frame] }],
    fingerprint: 'abc',
    occurrences: 3,
    correlationId: 'req-1',
    traceId: '0af7651916cd43dd8448eb211c80319c',
    breadcrumbs: [
      { timestamp: 1, category: 'fetch', message: 'GET /a', level: 'info', data: { status: 200 } },
      { timestamp: 2.5, category: 'ui.click' },
    ],
    context: { route: '/cart', attempt: 2, nested: { list: [1, 'two', null, true] } },
    tags: { region: 'eu' },
    user: { id: 'u1', plan: 'pro' },
    release: 'shop@1.0.0',
    environment: 'production',
    url: 'https://shop.example/cart',
    userAgent: 'Mozilla/5.0',
  });
}

/** Values that break one rule each, by field. */
const BREAKERS: Record<string, unknown[]> = {
  id: ['short', 'x'.repeat(65), 'has space!', 12345678],
  timestamp: [-1, '1', null],
  type: ['Programming', '', 'a'.repeat(129)],
  code: [999, 10_000, 2403.5, '2403'],
  category: ['other', 1],
  severity: ['fatal'],
  message: ['m'.repeat(L.messageLength + 1), 7],
  frames: [
    Array.from({ length: L.frames + 1 }, () => ({})),
    [{ line: 0 }],
    [{ column: 1.5 }],
    [{ file: 'f'.repeat(L.frameFieldLength + 1) }],
    [null],
    {},
  ],
  causes: [[{ type: 't', name: 'n' }], Array.from({ length: 6 }, () => ({}))],
  occurrences: [0, -2, 1.5, 2 ** 53],
  traceId: ['0AF7651916CD43DD8448EB211C80319C', 'abc'],
  breadcrumbs: [[{ category: 'x' }], [{ timestamp: 1, category: 'x', level: 'fatal' }]],
  context: [
    { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } },
    { long: 's'.repeat(L.dataStringLength + 1) },
    Object.fromEntries(Array.from({ length: L.dataEntries + 1 }, (_, i) => [`k${i}`, i])),
    { ['k'.repeat(L.dataKeyLength + 1)]: 1 },
    [],
    'text',
  ],
  tags: [
    { t: 1 },
    { ['k'.repeat(L.tagKeyLength + 1)]: 'v' },
    Object.fromEntries(Array.from({ length: L.tags + 1 }, (_, i) => [`t${i}`, 'v'])),
  ],
  url: ['u'.repeat(L.urlLength + 1)],
};

describe('compileFastParse(wireEventSchema)', () => {
  it('answers for the events SDKs send with the parsed JSON itself, no copy', () => {
    for (const event of [json(wireEvent()), json(richEvent())]) {
      expect(isWireEvent(event)).toBe(true);
      expect(parseWireEvent(event)).toBe(event);
    }
  });

  it('strips unknown and __proto__ keys as zod does, at any level, leaving the input alone', () => {
    const cases = [
      { ...richEvent(), extra: 1 },
      { ...richEvent(), frames: [{ function: 'f', extra: 1 }, { file: 'g' }] },
      { ...richEvent(), causes: [{ type: 't', name: 'n', message: 'm', frames: [{ x: 1 }] }] },
      { ...richEvent(), breadcrumbs: [{ timestamp: 1, category: 'c', extra: 1 }] },
    ].map(json);
    cases.push(JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(richEvent()).slice(1)}`));
    for (const event of cases) {
      expect(isWireEvent(event)).toBe(true);
      expect(parseWireEvent(event)).not.toBe(event);
    }
    const parsed = parseWireEvent(cases[1]);
    expect(parsed?.frames?.[0]).toEqual({ function: 'f' });
    expect(parsed?.frames?.[1]).toBe((cases[1] as { frames: unknown[] }).frames[1]);
    // zod drops a record's __proto__ key before its refine runs: that one is zod's to parse.
    const tags = json({ ...wireEvent(), tags: JSON.parse('{"__proto__":"x","a":"b"}') });
    expect(isWireEvent(tags)).toBe(false);
    expect(wireEventSchema.safeParse(tags).success).toBe(true);
  });

  it('answers nothing for every event zod rejects', () => {
    for (const [key, values] of Object.entries(BREAKERS)) {
      for (const value of values) {
        const event = json({ ...richEvent(), [key]: value });
        expect(wireEventSchema.safeParse(event).success, key).toBe(false);
        expect(isWireEvent(event), `${key}: ${JSON.stringify(value).slice(0, 60)}`).toBe(false);
      }
    }
    for (const key of ['id', 'timestamp', 'type', 'code', 'category', 'message']) {
      const event = json({ ...richEvent(), [key]: undefined });
      expect(isWireEvent(event), `without ${key}`).toBe(false);
    }
    for (const value of [null, [], 'event', 1]) expect(isWireEvent(value)).toBe(false);
  });

  it('never answers where zod fails, nor with other data than zod (fuzzed)', () => {
    const leaf = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.constantFrom(0, -0, 1, 1.5, -1, 2 ** 53, 999, 1000, 9999, 10_000, '', 'info'),
      fc.constantFrom(...Object.values(BREAKERS).flat()),
    );
    // Every place a value can sit in the rich event, and a few it cannot.
    const paths = fc.constantFrom<(string | number)[]>(
      ...Object.keys(richEvent()).map((key) => [key]),
      ...['function', 'file', 'line', 'column', 'extra'].map((key) => ['frames', 1, key]),
      ...['type', 'name', 'message', 'frames'].map((key) => ['causes', 0, key]),
      ['causes', 0, 'frames', 0, 'line'],
      ...['timestamp', 'category', 'message', 'level', 'data'].map((k) => ['breadcrumbs', 0, k]),
      ['breadcrumbs', 0, 'data', 'status'],
      ['context', 'nested', 'list', 0],
      ['context', 'nested', 'deeper'],
      ['tags', 'region'],
      ['user', 'id'],
      ['frames', 3],
      ['extra'],
    );
    // Paths into the rich event, and what to put there (undefined: delete it).
    const edit = fc.tuple(paths, fc.option(leaf, { nil: undefined }));
    let vouched = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 3 }), (edits) => {
        const event = richEvent();
        for (const [path, value] of edits) setPath(event, path, value);
        const parsed = json(event);
        if (!wireEventSchema.safeParse(parsed).success) refused++;
        if (isWireEvent(parsed)) vouched++;
      }),
      { numRuns: 2_000 },
    );
    // Both sides of the line were explored.
    expect(vouched).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
  });

  it('answers for generated valid events, unknown keys and all (the common path stays fast)', () => {
    const text = (max: number) => fc.string({ maxLength: Math.min(max, 40) });
    const frame = fc.record(
      {
        function: text(99),
        file: text(99),
        line: fc.integer({ min: 1 }),
        column: fc.integer({ min: 1 }),
        hint: fc.jsonValue({ maxDepth: 1 }), // a key a newer SDK may add
      },
      { requiredKeys: [] },
    );
    const data = fc.dictionary(
      fc.string({ maxLength: 8 }).filter((k) => k !== '__proto__'),
      fc.jsonValue({ maxDepth: 3 }),
      { maxKeys: 5 },
    );
    const event = fc.record(
      {
        message: text(L.messageLength),
        occurrences: fc.integer({ min: 1, max: 1e9 }),
        frames: fc.array(frame, { maxLength: 12 }),
        breadcrumbs: fc.array(
          fc.record(
            { timestamp: fc.nat(), category: text(50), data },
            { requiredKeys: ['timestamp', 'category'] },
          ),
          { maxLength: 5 },
        ),
        context: data,
        sdkField: fc.jsonValue({ maxDepth: 1 }),
        tags: fc.dictionary(
          fc.string({ maxLength: 10 }).filter((k) => k !== '__proto__'),
          text(50),
          { maxKeys: 5 },
        ),
      },
      { requiredKeys: ['message'] },
    );
    fc.assert(
      fc.property(event, (parts) => {
        const value = json({ ...wireEvent(), ...parts });
        // Data fc.jsonValue nests too deep or too wide is zod's to refuse, and ours too.
        expect(isWireEvent(value)).toBe(wireEventSchema.safeParse(value).success);
      }),
      { numRuns: 500 },
    );
  });

  it('answers nothing while Object.prototype has enumerable keys', () => {
    const event = json(wireEvent());
    let verdict: boolean;
    Object.defineProperty(Object.prototype, 'polluted', {
      value: 1,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    try {
      verdict = isWireEvent(event);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    expect(verdict).toBe(false);
    expect(isWireEvent(event)).toBe(true);
  });
});

describe('compileFastParse()', () => {
  it('refuses to compile a schema part it does not know, instead of skipping its checks', () => {
    const unknownParts = [
      z.strictObject({ a: z.string() }),
      z.looseObject({ a: z.string() }),
      z.object({ a: z.email() }),
      z.object({ a: z.string().check(z.minLength(2)) }),
      z.object({ a: z.number().check(z.multipleOf(2)) }),
      z.object({ a: z.int32() }),
      z.object({ a: z.union([z.string(), z.number()]) }),
      z.object({ a: z._default(z.string(), 'x') }),
      z.object({ a: z.boolean() }),
      z.object({ toString: z.optional(z.string()) }),
      z.array(z.string()),
    ];
    for (const schema of unknownParts) {
      let thrown: unknown;
      try {
        compileFastParse(schema);
      } catch (error) {
        thrown = error;
      }
      expect(isFaultError(thrown) && thrown.type).toBe('programming_error');
    }
  });

  it('keeps each bound and refine it knows', () => {
    const parse = compileFastParse(
      z.object({
        n: z.number().check(z.gt(1), z.gte(1), z.lt(5), z.lte(5)),
        s: z.string().check(z.regex(/^a/g), z.regex(/b$/), z.maxLength(4)),
        r: z.record(z.string(), z.number()).check(z.refine((r) => Object.keys(r).length < 2)),
      }),
    );
    const check = (value: unknown) => parse(value) !== undefined;
    expect(check({ n: 2, s: 'ab', r: { x: 1 } })).toBe(true);
    expect(check({ n: 2, s: 'ab', r: { x: 1 } })).toBe(true); // a `g` flag leaves no state
    for (const bad of [
      { n: 1, s: 'ab', r: {} },
      { n: 5, s: 'ab', r: {} },
      { n: 2, s: 'aab b', r: {} },
      { n: 2, s: 'ba', r: {} },
      { n: 2, s: 'ab', r: { x: 1, y: 2 } },
      { n: 2, s: 'ab', r: { x: '1' } },
    ]) {
      expect(check(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

/** Sets (or, for `undefined`, deletes) the value at `path`, making containers on the way. */
function setPath(root: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = root;
  for (const step of path.slice(0, -1)) {
    const next = node[step];
    if (typeof next !== 'object' || next === null) node[step] = typeof step === 'number' ? [] : {};
    node = node[step] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

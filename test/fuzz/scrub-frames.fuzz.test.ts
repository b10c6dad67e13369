import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createScrubber, type Scrubber } from '../../src/scrub/scrub.js';
import type { ScrubOptions } from '../../src/scrub/scrub-options.js';

// The scrubber copies stack frames ({ function?, file?, line?, column? } plain objects) by a
// fast path. Objects with a null prototype never take it, so a copy of the same data with null
// prototypes is scrubbed by the general path: both must give exactly the same result.

const FRAME_KEYS = ['function', 'file', 'line', 'column'] as const;

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlX2hlcmU';
const secretText = fc.constantFrom(
  'https://cdn.example/app.js',
  'https://cdn.example/app.js?token=abc123&v=2',
  'https://bob:hunter2@cdn.example/app.js',
  'https://cdn.example/app.js#access_token=xyz',
  'webpack:///src/user/bob@example.com.js',
  `async load ${JWT}`,
  'Bearer abcdefgh12345678',
  'paid 4111 1111 1111 1111',
  'Object.<anonymous>',
  'nest',
  '',
);
const fieldValue = fc.oneof(
  { weight: 6, arbitrary: secretText },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 99999 }) },
  fc.constantFrom(null, undefined, true, 0, Number.NaN),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(secretText, { maxLength: 2 }),
  fc.record({ token: secretText, note: secretText }),
);

/** Which keys, in which order, and whether one of them is a getter (throwing or not). */
const frameLike = fc
  .tuple(
    fc.subarray([...FRAME_KEYS]),
    fc.boolean(),
    fc.array(fieldValue, { minLength: 4, maxLength: 4 }),
    fc.constantFrom('none', 'getter', 'throwing getter', 'extra key', 'index key', 'proxy'),
    fc.nat(3),
  )
  .map(([keys, shuffled, values, twist, at]) => {
    const order = shuffled ? [...keys].reverse() : keys;
    const frame: Record<string, unknown> = {};
    order.forEach((key, i) => {
      const value = values[i];
      if (i === at % Math.max(order.length, 1) && twist.endsWith('getter')) {
        Object.defineProperty(frame, key, {
          enumerable: true,
          get: () => {
            if (twist === 'throwing getter') throw new Error('no');
            return value;
          },
        });
      } else frame[key] = value;
    });
    if (twist === 'extra key') frame.password = 'hunter2';
    if (twist === 'index key') frame['0'] = 'x';
    return twist === 'proxy' ? new Proxy(frame, {}) : frame;
  });

const event = fc.record({
  message: secretText,
  frames: fc.array(frameLike, { maxLength: 8 }),
  causes: fc.array(fc.record({ frames: fc.array(frameLike, { maxLength: 3 }) }), {
    maxLength: 2,
  }),
});

/** The same data with every plain object rebuilt on a null prototype (descriptors and cycles kept). */
function withNullPrototypes(value: unknown, copies = new Map<object, unknown>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (copies.has(value)) return copies.get(value);
  if (Array.isArray(value)) {
    const array: unknown[] = [];
    copies.set(value, array);
    for (const item of value) array.push(withNullPrototypes(item, copies));
    return array;
  }
  const copy = Object.create(null) as Record<string, unknown>;
  copies.set(value, copy);
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
    if ('value' in descriptor) descriptor.value = withNullPrototypes(descriptor.value, copies);
    Object.defineProperty(copy, key, descriptor);
  }
  return copy;
}

function expectSameAsGeneralPath(scrubber: Scrubber, value: unknown): void {
  const fast = scrubber(value);
  const general = scrubber(withNullPrototypes(value));
  expect(JSON.stringify(fast)).toBe(JSON.stringify(general));
  expect(fast).toEqual(general);
}

const OPTIONS: readonly ScrubOptions[] = [
  {},
  { maxDepth: 2 },
  { maxDepth: 3 },
  { keys: ['file'] },
  { allowKeys: ['token'], emails: false },
  { markers: { email: '<e>', param: '<p>', credential: '<c>', unreadable: '<u>' } },
];

describe('the scrubber’s frame fast path', () => {
  it.each(OPTIONS.map((options) => [JSON.stringify(options), options] as const))(
    'gives what the general path gives, options %s',
    (_name, options) => {
      const scrubber = createScrubber(options);
      fc.assert(
        fc.property(fc.oneof(event, frameLike, fc.array(frameLike)), (value) =>
          expectSameAsGeneralPath(scrubber, value),
        ),
        { numRuns: 400 },
      );
    },
  );

  it('gives what the general path gives while Object.prototype has enumerable keys', () => {
    const scrubber = createScrubber();
    fc.assert(
      fc.property(
        fc.array(frameLike, { maxLength: 6 }),
        fc.constantFrom('line', 'extra'),
        (frames, key) => {
          const general = scrubber(withNullPrototypes({ frames }));
          Object.defineProperty(Object.prototype, key, {
            value: 'polluted',
            enumerable: true,
            configurable: true,
            writable: true,
          });
          try {
            expect(JSON.stringify(scrubber({ frames }))).toBe(JSON.stringify(general));
          } finally {
            delete (Object.prototype as Record<string, unknown>)[key];
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('scrubs secrets in frame files and functions, repeated or not', () => {
    const frames = [
      { function: 'load', file: 'https://cdn.example/app.js?token=abc123', line: 1, column: 2 },
      { function: 'load', file: 'https://cdn.example/app.js?token=abc123', line: 3, column: 4 },
      { function: 'bob@example.com', file: 'https://ann:pw@cdn.example/app.js', line: 5 },
      { function: 'bob@example.com', file: 'https://cdn.example/app.js?token=abc123' },
      { function: `f ${JWT}`, file: 'https://cdn.example/app.js' },
    ];
    expect(createScrubber()({ frames })).toEqual({
      frames: [
        {
          function: 'load',
          file: 'https://cdn.example/app.js?token=[Filtered]',
          line: 1,
          column: 2,
        },
        {
          function: 'load',
          file: 'https://cdn.example/app.js?token=[Filtered]',
          line: 3,
          column: 4,
        },
        { function: '[email]', file: 'https://[Filtered]@cdn.example/app.js', line: 5 },
        { function: '[email]', file: 'https://cdn.example/app.js?token=[Filtered]' },
        { function: 'f [jwt]', file: 'https://cdn.example/app.js' },
      ],
    });
  });

  it('stops at a frame that leads back to an enclosing object', () => {
    const frame: Record<string, unknown> = { function: 'f', file: null };
    const frames = [frame];
    frame.file = frames;
    expectSameAsGeneralPath(createScrubber(), { frames });
    expect(createScrubber()({ frames })).toEqual({
      frames: [{ function: 'f', file: '[Circular]' }],
    });
  });
});

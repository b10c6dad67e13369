import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInPlaceScrubber } from '../../../src/scrub/scrub-in-place.js';
import type { ScrubOptions } from '../../../src/scrub/scrub-options.js';
import { createScrubber } from '../../../src/scrub/scrub.js';

// The collector scrubs parsed events in place; the result must be what the copying scrubber
// (the SDK's) makes of the same JSON, key order included.

/** Both scrubbers' answers for the JSON `text`, each on its own parse. */
function both(text: string, options: ScrubOptions = {}): { copied: unknown; inPlace: unknown } {
  return {
    copied: createScrubber(options)(JSON.parse(text) as unknown),
    inPlace: createInPlaceScrubber(options)(JSON.parse(text) as unknown),
  };
}

function expectSame(text: string, options: ScrubOptions = {}): void {
  const { copied, inPlace } = both(text, options);
  expect(JSON.stringify(inPlace)).toBe(JSON.stringify(copied));
  expect(inPlace).toStrictEqual(copied);
}

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlX2hlcmU';
/** Pieces of text that trigger the detectors, and near misses that must not. */
const FRAGMENTS = [
  'bob@example.com',
  'fn@main.js:1:2',
  'a%40b.example',
  '?token=abc&page=2',
  'session_id=s1',
  'tokens=3',
  'https://ann:pw@host.example/x',
  'Bearer abcdef123456',
  'basic auth',
  JWT,
  '4111 1111 1111 1111',
  '4111111111111112',
  '1700000000000',
  '=',
  '@',
  ' ',
  'é',
  '\n',
];
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc
    .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 5 })
    .map((parts) => parts.join('')),
);
/** Keys: plain, sensitive, IP-like, metadata, renamed by scrubbing, colliding once renamed. */
const key = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    'password',
    'tokenType',
    'accessToken',
    'ip',
    'user',
    '__proto__',
    'function',
    'file',
    'line',
    'column',
    'bob@example.com',
    'ann@example.org',
    '[email]',
    'iban',
  ),
);
const frame = fc.record(
  {
    function: fc.oneof(text, fc.constant('render')),
    file: fc.oneof(text, fc.constant('https://app.example/main.js')),
    line: fc.oneof(fc.nat(), text),
    column: fc.nat(),
  },
  { requiredKeys: [] },
);
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    frame,
    fc.array(tie('json'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('json')), { maxLength: 5 }).map((entries) => {
      const object: Record<string, unknown> = {};
      for (const [name, value] of entries) {
        Object.defineProperty(object, name, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return object;
    }),
  ),
}));
const options = fc.record(
  {
    keys: fc.constantFrom<(string | RegExp)[]>(['iban'], [/^ip$/i], ['file']),
    allowKeys: fc.constantFrom<(string | RegExp)[]>(['accessToken'], [/^pass/]),
    emails: fc.boolean(),
    urlParams: fc.boolean(),
    maxDepth: fc.integer({ min: 0, max: 5 }),
    markers: fc.constantFrom({}, { email: '<email>', key: '' }),
  },
  { requiredKeys: [] },
);

describe('createInPlaceScrubber()', () => {
  it('changes parsed JSON in place and returns it', () => {
    const event = JSON.parse(
      '{"message":"ask bob@example.com","password":"x","frames":[{"function":"f","file":"a.js"}]}',
    ) as Record<string, unknown>;
    const frames = event.frames;
    expect(createInPlaceScrubber()(event)).toBe(event);
    expect(event).toEqual({
      message: 'ask [email]',
      password: '[Filtered]',
      frames: [{ function: 'f', file: 'a.js' }],
    });
    expect(event.frames).toBe(frames);
  });

  it('rebuilds an object whose keys scrubbing renames, as the copy does', () => {
    expectSame('{"a":"bob@example.com","bob@example.com":1,"[email]":2,"z":{"k":"v"}}');
    expectSame('{"x":{"ann@example.org":{"password":"p"},"__proto__":{"polluted":true}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('puts the depth marker where the copy does', () => {
    expectSame('{"a":{"b":{"c":[1,{"d":2}]}},"s":"x"}', { maxDepth: 2 });
    expectSame('[[["deep"]]]', { maxDepth: 0 });
  });

  it('hands what is not JSON data to the copying scrubber at its depth', () => {
    const value = { when: new Date(0), map: new Map([['token', 'x']]), bare: Object.create(null) };
    (value.bare as Record<string, unknown>).email = 'bob@example.com';
    const options: ScrubOptions = { maxDepth: 3 };
    const copied = createScrubber(options)(value);
    const inPlace = createInPlaceScrubber(options)({ ...value });
    expect(inPlace).toStrictEqual(copied);
  });

  it('falls back to copying while Object.prototype is polluted', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.injected = 'bob@example.com';
    try {
      const { copied, inPlace } = both('{"a":{"b":"c"},"frames":[{"file":"f"}]}');
      expect(JSON.stringify(inPlace)).toBe(JSON.stringify(copied));
    } finally {
      delete proto.injected;
    }
  });

  it('matches the copying scrubber on any JSON, with any options', () => {
    fc.assert(
      fc.property(json, options, (value, opts) => {
        expectSame(JSON.stringify(value) ?? 'null', opts);
      }),
      { numRuns: 2000 },
    );
  });
});

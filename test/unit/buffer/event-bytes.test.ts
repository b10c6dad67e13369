import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventBytes, utf8Length } from '../../../src/buffer/index.js';

const encoder = new TextEncoder();

describe('utf8Length()', () => {
  it('counts 1 to 4 bytes per character as UTF-8 does', () => {
    expect(utf8Length('')).toBe(0);
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('🚀')).toBe(4);
  });

  it('agrees with TextEncoder on any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(utf8Length(text)).toBe(encoder.encode(text).length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('eventBytes()', () => {
  it('measures the UTF-8 JSON an event is sent as', () => {
    expect(eventBytes({ id: 'a', message: 'é' })).toBe(25);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const event = { id: 'x', value };
        expect(eventBytes(event)).toBe(encoder.encode(JSON.stringify(event)).length);
      }),
    );
  });

  it('throws for an event JSON cannot represent', () => {
    expect(() => eventBytes({ n: 1n })).toThrow(TypeError);
  });
});

import { describe, expect, it } from 'vitest';
import { isBoundedData } from '../../../src/wire/bounded-data.js';
import { toPlainData } from '../../../src/wire/to-plain-data.js';

describe('toPlainData()', () => {
  it('turns exotic values into JSON-safe ones', () => {
    const out = toPlainData({
      n: 1n,
      f: function named() {},
      d: new Date(0),
      bad: new Date(NaN),
      inf: Infinity,
      bytes: new Uint8Array(4),
      set: new Set([1, 2]),
      map: new Map([['k', 'v']]),
      err: new RangeError('r'),
      undef: undefined,
      sym: Symbol('s'),
    });
    expect(out).toEqual({
      n: '1n',
      f: '[Function named]',
      d: '1970-01-01T00:00:00.000Z',
      bad: 'Invalid Date',
      inf: 'Infinity',
      bytes: '[Uint8Array(4)]',
      set: [1, 2],
      map: { k: 'v' },
      err: { name: 'RangeError', message: 'r' },
      sym: 'Symbol(s)',
    });
  });

  it('marks cycles but repeats shared references', () => {
    const shared = { x: 1 };
    const a: Record<string, unknown> = { left: shared, right: shared };
    a.self = a;
    expect(toPlainData(a)).toEqual({ left: { x: 1 }, right: { x: 1 }, self: '[Circular]' });
  });

  it('bounds depth, entries and string length', () => {
    const out = toPlainData(
      { deep: { a: { b: { c: 1 } } }, list: [1, 2, 3, 4], text: 'abcdefgh' },
      { depth: 2, entries: 3, stringLength: 4 },
    );
    expect(out).toEqual({ deep: { a: '[Object]' }, list: [1, 2, '[… 2 more]'], text: 'abc…' });
  });

  it('drops __proto__ keys so a copy never pollutes a prototype', () => {
    const out = toPlainData(JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}')) as Record<
      string,
      unknown
    >;
    expect(out).toEqual({ ok: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('produces data the wire bounds accept', () => {
    const huge = { list: Array.from({ length: 1000 }, () => ({ s: 'x'.repeat(5000) })) };
    expect(isBoundedData(huge)).toBe(false);
    expect(isBoundedData(toPlainData(huge))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { isBoundedData } from '../../../src/wire/bounded-data.js';
import { WIRE_LIMITS as L } from '../../../src/wire/limits.js';

/** `leaf` under `depth` levels of objects or arrays. */
function nested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

describe('isBoundedData()', () => {
  it('accepts JSON data within every limit', () => {
    expect(isBoundedData({ plan: 'pro', seats: 3, ok: true, none: null, list: [1, 'a'] })).toBe(
      true,
    );
    expect(isBoundedData(nested(L.dataDepth, false))).toBe(true);
    expect(isBoundedData(nested(L.dataDepth, true))).toBe(true);
    expect(isBoundedData(Array.from({ length: L.dataEntries }, (_, i) => i))).toBe(true);
    expect(isBoundedData({ ['k'.repeat(L.dataKeyLength)]: 's'.repeat(L.dataStringLength) })).toBe(
      true,
    );
    expect(isBoundedData(Object.create(null))).toBe(true);
  });

  it('refuses data past a limit, at any depth', () => {
    const wide = Object.fromEntries(Array.from({ length: L.dataEntries + 1 }, (_, i) => [i, i]));
    for (const value of [
      nested(L.dataDepth + 1, false),
      nested(L.dataDepth + 1, true),
      Array.from({ length: L.dataEntries + 1 }, () => 0),
      wide,
      { a: [{ ['k'.repeat(L.dataKeyLength + 1)]: 1 }] },
      { a: ['s'.repeat(L.dataStringLength + 1)] },
      { a: [1, Infinity] },
      { a: NaN },
    ]) {
      expect(isBoundedData(value)).toBe(false);
    }
  });

  it('refuses what is not JSON data, and __proto__ keys', () => {
    for (const value of [
      undefined,
      { a: undefined },
      [() => 1],
      { a: 1n },
      new Date(0),
      { a: new Map() },
      JSON.parse('{"a":{"__proto__":{"x":1}}}'),
    ]) {
      expect(isBoundedData(value)).toBe(false);
    }
  });

  it('never throws on a cycle', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(isBoundedData(cycle)).toBe(false);
  });
});

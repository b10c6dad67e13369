import { WIRE_LIMITS } from './limits.js';

/**
 * True when `value` is JSON data within the wire limits: nesting at most
 * {@link WIRE_LIMITS.dataDepth}, at most {@link WIRE_LIMITS.dataEntries} keys or items per
 * level, strings at most {@link WIRE_LIMITS.dataStringLength} long, finite numbers, no
 * `__proto__` keys. Never throws, even on cycles (a cycle exceeds the depth).
 *
 * @example
 * isBoundedData({ plan: 'pro', seats: 3 }); // true
 * isBoundedData({ a: { b: { c: { d: { e: { f: { g: 1 } } } } } } }); // false: too deep
 */
export function isBoundedData(value: unknown, depth = 0): boolean {
  switch (typeof value) {
    case 'string':
      return value.length <= WIRE_LIMITS.dataStringLength;
    case 'number':
      return Number.isFinite(value);
    case 'boolean':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (depth >= WIRE_LIMITS.dataDepth) return false;
  // Plain loops, not `every` with a closure: this runs on every event the collector takes.
  if (Array.isArray(value)) {
    if (value.length > WIRE_LIMITS.dataEntries) return false;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      // A hole is skipped, as `every` skips it.
      if (item === undefined && !(i in value)) continue;
      if (!isBoundedData(item, depth + 1)) return false;
    }
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(value);
  if (keys.length > WIRE_LIMITS.dataEntries) return false;
  for (const key of keys) {
    if (key === '__proto__' || key.length > WIRE_LIMITS.dataKeyLength) return false;
    if (!isBoundedData((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

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
  if (Array.isArray(value)) {
    return (
      value.length <= WIRE_LIMITS.dataEntries && value.every((v) => isBoundedData(v, depth + 1))
    );
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    return false;
  }
  const keys = Object.keys(value);
  if (keys.length > WIRE_LIMITS.dataEntries) return false;
  return keys.every(
    (key) =>
      key !== '__proto__' &&
      key.length <= WIRE_LIMITS.dataKeyLength &&
      isBoundedData((value as Record<string, unknown>)[key], depth + 1),
  );
}

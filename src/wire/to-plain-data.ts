import { WIRE_LIMITS } from './limits.js';

/** JSON-safe data: what `context`, breadcrumb `data` and `user` hold on the wire. */
export type PlainData =
  null | boolean | number | string | PlainData[] | { [key: string]: PlainData };

/** Bounds for {@link toPlainData}. */
export interface PlainDataLimits {
  /** Deepest nesting kept; deeper values become `'[Object]'` / `'[Array]'`. Default 6. */
  readonly depth: number;
  /** Most keys per object and items per array. Default 100. */
  readonly entries: number;
  /** Longest string kept, in UTF-16 code units. Default 2048. */
  readonly stringLength: number;
}

const DEFAULT_LIMITS: PlainDataLimits = {
  depth: WIRE_LIMITS.dataDepth,
  entries: WIRE_LIMITS.dataEntries,
  stringLength: WIRE_LIMITS.dataStringLength,
};

/** What stands for a value that cannot be read (a throwing getter, a revoked proxy). */
const UNREADABLE = '[Unreadable]';

/** Cuts `text` to `max` code units, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Turns anything into bounded JSON-safe data without ever throwing: cycles become
 * `'[Circular]'`, functions `'[Function name]'`, errors `{ name, message, … }`, bigints strings,
 * unreadable values (throwing getters, revoked proxies) `'[Unreadable]'`. `__proto__` keys are
 * dropped so the copy can never pollute a prototype.
 *
 * @example
 * const a: Record<string, unknown> = { n: 1n };
 * a.self = a;
 * toPlainData(a); // { n: '1n', self: '[Circular]' }
 */
export function toPlainData(value: unknown, limits: PlainDataLimits = DEFAULT_LIMITS): PlainData {
  return convert(value, limits, 0, new Set());
}

function convert(
  value: unknown,
  limits: PlainDataLimits,
  depth: number,
  path: Set<object>,
): PlainData {
  try {
    switch (typeof value) {
      case 'string':
        return truncate(value, limits.stringLength);
      case 'number':
        return Number.isFinite(value) ? value : String(value);
      case 'boolean':
        return value;
      case 'bigint':
        return `${value}n`;
      case 'symbol':
        return value.toString();
      case 'function':
        return `[Function ${value.name || 'anonymous'}]`;
      case 'undefined':
        return null;
    }
    if (value === null) return null;
    const object = value as object;
    if (path.has(object)) return '[Circular]';
    if (object instanceof Date) {
      return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
    }
    if (ArrayBuffer.isView(object) || object instanceof ArrayBuffer) {
      return `[${object.constructor.name}(${object.byteLength})]`;
    }
    if (depth >= limits.depth) return Array.isArray(object) ? '[Array]' : '[Object]';
    path.add(object);
    try {
      return convertContainer(object, limits, depth, path);
    } finally {
      path.delete(object);
    }
  } catch {
    return UNREADABLE;
  }
}

function convertContainer(
  object: object,
  limits: PlainDataLimits,
  depth: number,
  path: Set<object>,
): PlainData {
  if (Array.isArray(object) || object instanceof Set) {
    const items = Array.isArray(object) ? object : [...object];
    // An overflowing list keeps one slot for the marker, so the result stays within `entries`.
    const keep = items.length > limits.entries ? limits.entries - 1 : items.length;
    const out = items.slice(0, keep).map((v) => convert(v, limits, depth + 1, path));
    if (keep < items.length) out.push(`[… ${items.length - keep} more]`);
    return out;
  }
  // Every value is read before any is converted, and no pair array is made per key.
  let keys: string[];
  let values: unknown[];
  if (object instanceof Map) {
    const entries = [...object] as [unknown, unknown][];
    keys = entries.map(([k]) => String(k));
    values = entries.map(([, v]) => v);
  } else {
    keys = Object.keys(object);
    values = keys.map((k) => readKey(object as Record<string, unknown>, k));
  }
  const out: { [key: string]: PlainData } = {};
  if (object instanceof Error) {
    out.name = truncate(String(object.name), limits.stringLength);
    out.message = truncate(String(object.message), limits.stringLength);
  }
  let kept = Object.keys(out).length;
  const overflows = kept + keys.length > limits.entries;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    if (key === '__proto__') continue;
    if (overflows && kept === limits.entries - 1) {
      out['…'] = `${keys.length - index} more keys`;
      break;
    }
    const v = values[index];
    if (v === undefined) continue;
    out[truncate(key, WIRE_LIMITS.dataKeyLength)] = convert(v, limits, depth + 1, path);
    kept++;
  }
  return out;
}

/** One value of `object`, or the marker when reading it throws (a getter that fails). */
function readKey(object: Record<string, unknown>, key: string): unknown {
  try {
    return object[key];
  } catch {
    return UNREADABLE;
  }
}

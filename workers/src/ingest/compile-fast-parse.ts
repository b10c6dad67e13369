import type { core } from 'zod/mini';
import {
  FAIL,
  checksOf,
  compileNumber,
  compileString,
  defOf,
  maxLength,
  refined,
  unsupported,
  type Node,
  type Part,
} from './fast-parse-leaves.js';

/**
 * A parse of JSON data that answers for zod or not at all: a value it returns is deep-equal to
 * `schema.parse(input).data` (unknown keys stripped); `undefined` promises nothing — the input
 * may be invalid, or valid in a way left to zod (a string longer in UTF-16 units than its
 * limit in code points, a `__proto__` key in a record).
 */
export type FastParse<T> = (input: unknown) => T | undefined;

/** A plain JSON object: what `JSON.parse` makes of `{…}` (zod's object and record accept it). */
function isJsonObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

/** Whether `for…in` lists anything on `Object.prototype` (someone polluted it). */
function isPolluted(): boolean {
  for (const _ in Object.prototype) return true;
  return false;
}

function compileObject(schema: Part): Node {
  const def = defOf(schema);
  if (def.catchall !== undefined) unsupported('an object with a catchall (strict or loose)');
  const entries = Object.entries(def.shape ?? {});
  // zod reads a shape key with `in`, so `Object.prototype` would answer for an absent one.
  const inherited = entries.find(([key]) => key in Object.prototype);
  if (inherited !== undefined) unsupported(`the key ${inherited[0]}, which objects inherit`);
  // A key may be absent when its schema says so (`optin`); a default would put a value in the
  // output that the input does not hold.
  if (entries.some(([, part]) => part._zod.optin === 'defaulted')) unsupported('a default');
  const keys = entries.map(([key]) => key);
  const slots = new Map(keys.map((key, i) => [key, i]));
  const required = entries.map(([, part]) => part._zod.optin === undefined);
  const requiredCount = required.filter(Boolean).length;
  // An optional part is compiled as its inner part, one call less per key: a key that is
  // present holds a value (`undefined` only outside JSON, and then `optional` lets it through).
  const bare = entries.map(([, part]) => {
    const def = defOf(part);
    return def.type === 'optional' && checksOf(part, 'optional', []).length === 0
      ? def.innerType!
      : part;
  });
  const nodes = bare.map(compileNode);

  /** The known keys of `v`, parsed: what zod makes of an object with keys to strip. */
  function stripped(v: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key in v) {
      const slot = slots.get(key);
      if (slot === undefined) continue;
      const item = v[key];
      out[key] = item === undefined && !required[slot] ? item : nodes[slot]!(item);
    }
    return out;
  }

  // Walks the keys the value has, not the shape's: a `for…in` load is cheap. The value is its
  // own parse unless a key is unknown (or `__proto__`) or a value inside is parsed to a copy.
  const node: Node = (v) => {
    if (!isJsonObject(v)) return FAIL;
    let requiredSeen = 0;
    let same = true;
    let next = 0; // keys mostly come in the shape's order: a comparison finds their slot
    for (const key in v) {
      const slot = keys[next] === key ? next : slots.get(key);
      if (slot === undefined) {
        same = false;
        continue;
      }
      next = slot + 1;
      const item = v[key];
      const out = item === undefined && !required[slot] ? item : nodes[slot]!(item);
      if (out === FAIL) return FAIL;
      if (out !== item) same = false;
      if (required[slot]) requiredSeen++;
    }
    if (requiredSeen !== requiredCount) return FAIL;
    return same ? v : stripped(v);
  };
  return refined(node, checksOf(schema, 'object', []));
}

function compileRecord(schema: Part): Node {
  const def = defOf(schema);
  if (def.mode !== undefined) unsupported(`a ${def.mode} record`);
  const keyType = def.keyType!;
  if (defOf(keyType).type !== 'string' || keyType._zod.values !== undefined) {
    unsupported('a record keyed by anything but strings');
  }
  const keyNode = compileNode(keyType);
  const valueType = def.valueType!;
  const anyValue =
    defOf(valueType).type === 'unknown' && checksOf(valueType, 'unknown', []).length === 0;
  const valueNode = compileNode(valueType);
  const node: Node = (v) => {
    if (!isJsonObject(v)) return FAIL;
    for (const key in v) {
      // zod drops a `__proto__` key from a record before its refinements see it: left to zod.
      if (key === '__proto__' || keyNode(key) !== key) return FAIL;
      if (anyValue) continue;
      const item = v[key];
      if (valueNode(item) !== item) return FAIL; // nothing to strip in these values, or FAIL
    }
    return v;
  };
  return refined(node, checksOf(schema, 'record', []));
}

function compileArray(schema: Part): Node {
  const checks = checksOf(schema, 'array', ['max_length']);
  const element = compileNode(defOf(schema).element!);
  const max = maxLength(checks);
  const node: Node = (v) => {
    if (!Array.isArray(v) || v.length > max) return FAIL;
    let copy: unknown[] | undefined; // made from the first element parsed to a copy on
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      const out = element(item);
      if (out === FAIL) return FAIL;
      if (copy !== undefined) copy.push(out);
      else if (out !== item) copy = [...v.slice(0, i), out];
    }
    return copy ?? v;
  };
  return refined(node, checks);
}

function compileNode(schema: Part): Node {
  switch (defOf(schema).type) {
    case 'string':
      return compileString(schema);
    case 'number':
      return compileNumber(schema);
    case 'object':
      return compileObject(schema);
    case 'record':
      return compileRecord(schema);
    case 'array':
      return compileArray(schema);
    case 'optional': {
      const inner = compileNode(defOf(schema).innerType!);
      return refined((v) => (v === undefined ? v : inner(v)), checksOf(schema, 'optional', []));
    }
    case 'enum': {
      const values = schema._zod.values ?? unsupported('an enum without values');
      return refined((v) => (values.has(v) ? v : FAIL), checksOf(schema, 'enum', []));
    }
    case 'unknown':
      return refined((v) => v, checksOf(schema, 'unknown', []));
    default:
      return unsupported(`the ${defOf(schema).type} type`);
  }
}

/**
 * Compiles a zod (or zod/mini) object schema into a {@link FastParse}: plain closures, no
 * `eval` (Workers forbid it, so zod's own JIT is off there), nothing allocated for a value that
 * is already its own parse. It answers only when every check of the schema passes — types,
 * enums, bounds, lengths, patterns, `refine`s — and then returns the input itself, or a copy
 * without the keys zod strips; anything else, valid or not, is for zod to decide (and to
 * explain). Knows objects (stripping unknown keys), records keyed by strings, arrays, strings,
 * numbers and `z.int()`, enums, `unknown`, `optional`, and the `max_length`, `regex`,
 * `greater_than`, `less_than` and `refine` checks; throws on anything else when compiling, so a
 * schema change it does not understand fails the collector's tests instead of loosening its
 * checks. Meant for `JSON.parse` output: it tells values apart by their JSON shape only, and
 * answers nothing while `Object.prototype` has enumerable keys.
 *
 * @throws FaultError `programming_error` for a schema part it does not know.
 * @example
 * const parseWireEvent = compileFastParse(wireEventSchema);
 * const event = parseWireEvent(raw) ?? wireEventSchema.parse(raw);
 */
export function compileFastParse<S extends core.$ZodType>(schema: S): FastParse<core.output<S>> {
  if (defOf(schema as Part).type !== 'object') unsupported('a schema that is not an object');
  const root = compileNode(schema as Part);
  return (input) => {
    if (isPolluted()) return undefined;
    const out = root(input);
    return out === FAIL ? undefined : (out as core.output<S>);
  };
}

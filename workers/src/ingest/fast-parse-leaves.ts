import { FaultError } from '../../../src/errors/fault-error.js';

// The leaves of compileFastParse: reading zod's definitions and checks, strings and numbers.

/** A compiled part: the parsed value (the input itself unless keys were stripped), or FAIL. */
export type Node = (value: unknown) => unknown;
/** What a compiled part returns for a value zod would refuse (or leaves to zod). */
export const FAIL = Symbol('fail');

/** What the compiler reads of a zod schema or check: its definition, enum values, optionality. */
export interface Part {
  readonly _zod: {
    readonly def: unknown;
    readonly values?: ReadonlySet<unknown> | undefined;
    readonly optin?: string | undefined;
  };
}

/** The fields of zod's schema and check definitions that the compiler reads. */
export interface Def {
  readonly type?: string;
  /** Set on checks, and on schemas that are their own check (`z.int()`, `z.email()`). */
  readonly check?: string;
  readonly checks?: readonly Part[];
  readonly coerce?: boolean;
  readonly format?: string;
  readonly shape?: Readonly<Record<string, Part>>;
  readonly catchall?: Part;
  readonly innerType?: Part;
  readonly element?: Part;
  readonly keyType?: Part;
  readonly valueType?: Part;
  readonly mode?: string;
  readonly maximum?: number;
  readonly value?: unknown;
  readonly inclusive?: boolean;
  readonly pattern?: RegExp;
  readonly fn?: (value: unknown) => unknown;
}

type Refinement = (value: unknown) => unknown;

/** A schema's or check's zod definition. */
export const defOf = (part: Part): Def => part._zod.def as Def;

/** Refuses, at compile time, a schema part the compiler does not know. */
export function unsupported(what: string): never {
  throw new FaultError(
    'programming_error',
    `compileFastParse does not know ${what}: teach it, or keep the schema to what it knows`,
    { captureStack: false },
  );
}

/**
 * The checks zod runs on a schema's value, its own first, after making sure each kind is one
 * of `known` or a `refine`.
 */
export function checksOf(schema: Part, kind: string, known: readonly string[]): Def[] {
  const def = defOf(schema);
  const checks = [...(def.check === undefined ? [] : [def]), ...(def.checks ?? []).map(defOf)];
  for (const check of checks) {
    if (check.check !== 'custom' && !known.includes(check.check ?? '')) {
      unsupported(`the ${check.check} check on a ${kind}`);
    }
  }
  return checks;
}

/** Runs `node`, then every `refine` on what it parsed, as zod does: all must pass. */
export function refined(node: Node, checks: readonly Def[]): Node {
  const fns: Refinement[] = [];
  for (const c of checks) {
    if (c.check !== 'custom') continue;
    if (typeof c.fn !== 'function') unsupported('a custom check without a function');
    fns.push(c.fn);
  }
  if (fns.length === 0) return node;
  return (value) => {
    const out = node(value);
    if (out === FAIL) return FAIL;
    for (const fn of fns) {
      const result = fn(out);
      // A promise is no pass: zod's synchronous parse throws on it.
      if (!result || result instanceof Promise) return FAIL;
    }
    return out;
  };
}

/** Smallest `max_length` among the checks, in UTF-16 units: within it, code points are too. */
export function maxLength(checks: readonly Def[]): number {
  let max = Infinity;
  for (const c of checks) if (c.check === 'max_length') max = Math.min(max, c.maximum ?? max);
  return max;
}

/** Tests as zod does: from the start, whatever a `g` or `y` flag left in `lastIndex`. */
function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** A `z.string()` with length bounds, regex formats and refinements. */
export function compileString(schema: Part): Node {
  if (defOf(schema).coerce) unsupported('coercion');
  const checks = checksOf(schema, 'string', ['max_length', 'string_format']);
  const patterns: RegExp[] = [];
  for (const c of checks) {
    if (c.check !== 'string_format') continue;
    // Other formats (email, url, …) are more than a pattern.
    if (c.format !== 'regex' || c.pattern === undefined) unsupported(`the ${c.format} format`);
    patterns.push(c.pattern);
  }
  const max = maxLength(checks);
  const [pattern, ...more] = patterns;
  const node: Node =
    pattern === undefined
      ? (v) => (typeof v === 'string' && v.length <= max ? v : FAIL)
      : more.length === 0
        ? (v) => (typeof v === 'string' && v.length <= max && matches(pattern, v) ? v : FAIL)
        : (v) =>
            typeof v === 'string' && v.length <= max && patterns.every((p) => matches(p, v))
              ? v
              : FAIL;
  return refined(node, checks);
}

/** A `z.number()` / `z.int()` with bounds and refinements. */
export function compileNumber(schema: Part): Node {
  if (defOf(schema).coerce) unsupported('coercion');
  const checks = checksOf(schema, 'number', ['number_format', 'greater_than', 'less_than']);
  let integer = false;
  let min = -Infinity;
  let minInclusive = true;
  let max = Infinity;
  let maxInclusive = true;
  for (const c of checks) {
    if (c.check === 'number_format') {
      // `z.int()`: a safe integer. Other formats (int32, float32…) bound it further.
      if (c.format !== 'safeint') unsupported(`the ${c.format} format`);
      integer = true;
      continue;
    }
    if (c.check !== 'greater_than' && c.check !== 'less_than') continue;
    if (typeof c.value !== 'number') unsupported(`a ${typeof c.value} bound`);
    const bound = c.value;
    const inclusive = c.inclusive === true;
    // The strictest bound of each side decides; at a tie, the exclusive one.
    if (c.check === 'greater_than' && (bound > min || (bound === min && !inclusive))) {
      min = bound;
      minInclusive = inclusive;
    } else if (c.check === 'less_than' && (bound < max || (bound === max && !inclusive))) {
      max = bound;
      maxInclusive = inclusive;
    }
  }
  const node: Node = (v) =>
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (!integer || Number.isSafeInteger(v)) &&
    (minInclusive ? v >= min : v > min) &&
    (maxInclusive ? v <= max : v < max)
      ? v
      : FAIL;
  return refined(node, checks);
}

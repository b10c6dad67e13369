/**
 * PII removal, applied in the SDK before anything is buffered and again in the collector
 * (SPEC §2, scrubbing).
 *
 * @module
 */
import {
  FRAME_COLUMN,
  FRAME_FILE,
  FRAME_FUNCTION,
  FRAME_LINE,
  frameFields,
  hasEnumerableKeys,
  type FrameKey,
} from './frame-shape.js';
import { assignKey } from './key-plans.js';
import type { ScrubOptions } from './scrub-options.js';
import { compileScrubParts } from './scrub-parts.js';
import type { TextMemo } from './text-memo.js';

/**
 * A prepared scrubber: returns a scrubbed deep copy of `value`, never mutating it. The result has
 * the input's shape for plain data; the `T` it claims is a convenience (see {@link scrub}).
 */
export type Scrubber = <T>(value: T) => T;

/**
 * Compiles `options` once into a {@link Scrubber}; use it for every event (the per-call cost is
 * then a walk of the value plus cheap checks per string).
 *
 * What the copy does:
 * - a key that is sensitive (see `createKeyMatcher`) has its value replaced by `markers.key`
 *   whatever it is (object, array, number…), except `null` and `undefined`, which are kept;
 * - every string, object keys included, goes through the value detectors (see
 *   `createStringScrubber`);
 * - arrays, plain objects, `Map` and `Set` are copied; class instances become plain objects of
 *   their own enumerable properties; errors become `{ name, message, stack, …own enumerable }`;
 *   dates, regular expressions and binary data are cloned; functions and symbols are kept as is;
 * - a container nested deeper than `maxDepth` becomes `markers.depth`, a reference to an
 *   enclosing object `markers.circular`, a value whose reading throws `markers.unreadable`;
 * - a `__proto__` key is copied as an own data property, so no prototype is ever touched.
 *
 * @example
 * const scrubEvent = createScrubber({ keys: ['iban'], markers: { email: '<email>' } });
 * scrubEvent({ user: { email: 'bob@example.com', iban: 'DE89…' }, note: 'ask bob@example.com' });
 * // { user: { email: '<email>', iban: '[Filtered]' }, note: 'ask <email>' }
 */
export function createScrubber(options: ScrubOptions = {}): Scrubber {
  const parts = compileScrubParts(options);
  const { markers, maxDepth, scrubText, planKey, fileMemo, functionMemo, filtered } = parts;

  function copy(value: unknown, depth: number, ancestors: object[]): unknown {
    if (typeof value === 'string') return scrubText(value);
    if (typeof value !== 'object' || value === null) return value;
    if (ancestors.includes(value)) return markers.circular;
    if (depth >= maxDepth) return markers.depth;
    ancestors.push(value);
    try {
      if (Array.isArray(value)) {
        const out: unknown[] = [];
        for (let i = 0; i < value.length; i++) out.push(copy(value[i], depth + 1, ancestors));
        return out;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        return copyInstance(value, depth + 1, ancestors);
      }
      const fields = proto === Object.prototype && framesFast ? frameFields(value) : 0;
      return fields === 0
        ? copyProperties(value, Object.keys(value), {}, depth + 1, ancestors)
        : copyFrame(value, fields, depth + 1, ancestors);
    } catch {
      return markers.unreadable;
    } finally {
      ancestors.pop();
    }
  }

  function copyProperties(
    source: object,
    keys: readonly string[],
    out: Record<string, unknown>,
    depth: number,
    ancestors: object[],
  ): Record<string, unknown> {
    for (const key of keys) {
      const plan = planKey(key);
      let item: unknown;
      try {
        const original = (source as Record<string, unknown>)[key];
        item = plan.sensitive ? filtered(original) : copy(original, depth, ancestors);
      } catch {
        item = markers.unreadable;
      }
      assignKey(out, plan.name, item);
    }
    return out;
  }

  /** Everything that is not an array or a plain object. */
  function copyInstance(value: object, depth: number, ancestors: object[]): unknown {
    if (value instanceof Date) return new Date(value.getTime());
    if (value instanceof RegExp) return new RegExp(value.source, value.flags);
    if (value instanceof Map) {
      const out = new Map<unknown, unknown>();
      for (const [key, item] of value) {
        const plan = typeof key === 'string' ? planKey(key) : undefined;
        out.set(
          plan ? plan.name : copy(key, depth, ancestors),
          plan?.sensitive ? filtered(item) : copy(item, depth, ancestors),
        );
      }
      return out;
    }
    if (value instanceof Set) {
      const out = new Set<unknown>();
      for (const item of value) out.add(copy(item, depth, ancestors));
      return out;
    }
    if (ArrayBuffer.isView(value)) return copyView(value);
    if (value instanceof ArrayBuffer) return value.slice(0);
    const out: Record<string, unknown> = {};
    if (value instanceof Error) {
      for (const key of ['name', 'message', 'stack', 'cause'] as const) {
        if (key in value) out[key] = copy(value[key], depth, ancestors);
      }
    }
    return copyProperties(value, Object.keys(value), out, depth, ancestors);
  }

  /**
   * What `copyProperties` makes of a stack frame (see `frameFields`), without its per-key work:
   * frame fields are known not to be sensitive, and their strings go through the field memos.
   * Each field is read by name, once, as `copyProperties` would read it.
   */
  function copyFrame(
    frame: Partial<Record<FrameKey, unknown>>,
    fields: number,
    depth: number,
    ancestors: object[],
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (fields & FRAME_FUNCTION) {
      try {
        out.function = copyFrameText(frame.function, functionMemo, depth, ancestors);
      } catch {
        out.function = markers.unreadable;
      }
    }
    if (fields & FRAME_FILE) {
      try {
        out.file = copyFrameText(frame.file, fileMemo, depth, ancestors);
      } catch {
        out.file = markers.unreadable;
      }
    }
    if (fields & FRAME_LINE) {
      try {
        out.line = copyPosition(frame.line, depth, ancestors);
      } catch {
        out.line = markers.unreadable;
      }
    }
    if (fields & FRAME_COLUMN) {
      try {
        out.column = copyPosition(frame.column, depth, ancestors);
      } catch {
        out.column = markers.unreadable;
      }
    }
    return out;
  }

  function copyFrameText(
    value: unknown,
    memo: TextMemo,
    depth: number,
    ancestors: object[],
  ): unknown {
    return typeof value === 'string' ? memo.scrub(value) : copy(value, depth, ancestors);
  }

  function copyPosition(value: unknown, depth: number, ancestors: object[]): unknown {
    return typeof value === 'number' ? value : copy(value, depth, ancestors);
  }

  // Enumerable properties on Object.prototype turn the frame fast path off for as long as they
  // are there (see `frameFields`).
  let framesFast = parts.framesArePlain;

  return <T>(value: T): T => {
    framesFast = parts.framesArePlain && !hasEnumerableKeys(Object.prototype);
    try {
      return copy(value, 0, []) as T;
    } finally {
      fileMemo.clear();
      functionMemo.clear();
    }
  };
}

function copyView(view: ArrayBufferView): ArrayBufferView {
  if (view instanceof DataView) {
    return new DataView(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
  }
  return (view as unknown as { slice(): ArrayBufferView }).slice();
}

const defaultScrubber = createScrubber();
const compiled = new WeakMap<ScrubOptions, Scrubber>();

function scrubberFor(options: ScrubOptions | undefined): Scrubber {
  if (options === undefined) return defaultScrubber;
  let scrubber = compiled.get(options);
  if (scrubber === undefined) {
    scrubber = createScrubber(options);
    compiled.set(options, scrubber);
  }
  return scrubber;
}

/**
 * Returns a scrubbed deep copy of `value` (see {@link createScrubber} for what is removed and
 * how); never mutates `value`. Options are compiled once per options object (held weakly), so
 * pass the same object each time or, better, keep a {@link createScrubber} result.
 *
 * The return type is `T` for convenience: values under sensitive keys become strings and class
 * instances plain objects, so treat the result as JSON-like data.
 *
 * @example
 * scrub({ password: 'hunter2', url: '/cb?token=abc&page=2', note: 'user bob@example.com failed' });
 * // { password: '[Filtered]', url: '/cb?token=[Filtered]&page=2', note: 'user [email] failed' }
 */
export function scrub<T>(value: T, options?: ScrubOptions): T {
  return scrubberFor(options)(value);
}

/**
 * Scrubs one string with the value detectors only (emails, cards, JWTs, `Bearer`/`Basic`
 * credentials, sensitive URL parameters and userinfo); handy for messages, URLs and headers.
 *
 * @example
 * scrubString('GET /api?access_token=abc123&page=2 for ann@example.org');
 * // 'GET /api?access_token=[Filtered]&page=2 for [email]'
 */
export function scrubString(text: string, options?: ScrubOptions): string {
  return scrubberFor(options)(text);
}

/**
 * Scrubbing of parsed JSON in place, for the collector: the same result as the copying
 * scrubber, without allocating a copy of every object.
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
import { createScrubber, type Scrubber } from './scrub.js';
import type { ScrubOptions } from './scrub-options.js';
import { compileScrubParts } from './scrub-parts.js';
import type { TextMemo } from './text-memo.js';

/**
 * Scrubs a value its caller owns and gives up (see {@link createInPlaceScrubber}); returns the
 * scrubbed value, mostly the value passed in, changed.
 */
export type InPlaceScrubber = (value: unknown) => unknown;

/**
 * Compiles `options` into an {@link InPlaceScrubber}: for a tree of JSON data — what
 * `JSON.parse` returns, or a copy of part of it: plain objects and arrays, each reachable once,
 * strings, numbers, booleans, `null` — the result is deep-equal to what
 * `createScrubber(options)` returns, keys in the same order, but it is the input itself,
 * changed in place, except where the copy would differ in more than values: an object with a
 * key that scrubbing renames is rebuilt (in the copy's key order, with the copy's handling of
 * names that then collide), and so is a container deeper than `maxDepth` (the marker string).
 * Objects that are not plain (class instances, `Map`, null-prototype objects…) and a polluted
 * `Object.prototype` are handed to the copying scrubber at the right depth. A value shared
 * between two places, or frozen, breaks the contract: the input must be the caller's to change.
 *
 * @example
 * const scrubParsed = createInPlaceScrubber({ keys: ['iban'] });
 * const event = JSON.parse('{"note":"ask bob@example.com","iban":"DE89…"}');
 * scrubParsed(event) === event; // true: { note: 'ask [email]', iban: '[Filtered]' }
 */
export function createInPlaceScrubber(options: ScrubOptions = {}): InPlaceScrubber {
  const {
    markers,
    maxDepth,
    scrubText,
    planKey,
    fileMemo,
    functionMemo,
    framesArePlain,
    filtered,
  } = compileScrubParts(options);
  /** Copying scrubbers by the depth they start at, for what is not JSON data. */
  const copiers: Scrubber[] = [];

  /** The copying scrubber's answer for `value` found at `depth` (below `maxDepth`). */
  function copyAt(value: unknown, depth: number): unknown {
    let copier = copiers[depth];
    if (copier === undefined) {
      copier = createScrubber({ ...options, maxDepth: maxDepth - depth });
      copiers[depth] = copier;
    }
    return copier(value);
  }

  function walk(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return scrubText(value);
    if (typeof value !== 'object' || value === null) return value;
    if (depth >= maxDepth) return markers.depth;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        const out = walk(item, depth + 1);
        if (out !== item) value[i] = out;
      }
      return value;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) return copyAt(value, depth);
    const fields = framesArePlain ? frameFields(value) : 0;
    return fields === 0
      ? walkObject(value as Record<string, unknown>, depth + 1)
      : walkFrame(value, fields, depth + 1);
  }

  function walkObject(source: Record<string, unknown>, depth: number): Record<string, unknown> {
    let done = 0;
    for (const key in source) {
      const plan = planKey(key);
      if (plan.name !== key) return rebuild(source, done, depth);
      const item = source[key];
      const out = plan.sensitive ? filtered(item) : walk(item, depth);
      if (out !== item) source[key] = out;
      done++;
    }
    return source;
  }

  /**
   * The copy of an object whose key at position `done` is renamed: the keys before it are
   * already scrubbed in place and keep their names; the rest are planned as the copy does.
   */
  function rebuild(
    source: Record<string, unknown>,
    done: number,
    depth: number,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const keys = Object.keys(source);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const item = source[key];
      if (i < done) {
        assignKey(out, key, item);
        continue;
      }
      const plan = planKey(key);
      assignKey(out, plan.name, plan.sensitive ? filtered(item) : walk(item, depth));
    }
    return out;
  }

  /** A stack frame (see `frameFields`): no key is sensitive or renamed; texts are memoised. */
  function walkFrame(
    frame: Partial<Record<FrameKey, unknown>>,
    fields: number,
    depth: number,
  ): object {
    if (fields & FRAME_FUNCTION) frame.function = walkText(frame.function, functionMemo, depth);
    if (fields & FRAME_FILE) frame.file = walkText(frame.file, fileMemo, depth);
    if (fields & FRAME_LINE && typeof frame.line !== 'number') {
      frame.line = walk(frame.line, depth);
    }
    if (fields & FRAME_COLUMN && typeof frame.column !== 'number') {
      frame.column = walk(frame.column, depth);
    }
    return frame;
  }

  function walkText(value: unknown, memo: TextMemo, depth: number): unknown {
    return typeof value === 'string' ? memo.scrub(value) : walk(value, depth);
  }

  return (value) => {
    // `for…in` would list what a polluted prototype holds: the copying scrubber handles that.
    if (hasEnumerableKeys(Object.prototype)) return copyAt(value, 0);
    try {
      return walk(value, 0);
    } finally {
      fileMemo.clear();
      functionMemo.clear();
    }
  };
}

/**
 * Recognition of stack frames (`{ function?, file?, line?, column? }`, SPEC §2 and §6), which
 * make up most of an event: the scrubber copies them without its per-key lookups.
 *
 * @module
 */

/** A frame's fields, in the order faultline writes them. */
export const FRAME_KEYS = ['function', 'file', 'line', 'column'] as const;

/** One of {@link FRAME_KEYS}. */
export type FrameKey = (typeof FRAME_KEYS)[number];

/** Bit of {@link frameFields}: the object has `function`. */
export const FRAME_FUNCTION = 1;
/** Bit of {@link frameFields}: the object has `file`. */
export const FRAME_FILE = 2;
/** Bit of {@link frameFields}: the object has `line`. */
export const FRAME_LINE = 4;
/** Bit of {@link frameFields}: the object has `column`. */
export const FRAME_COLUMN = 8;

/**
 * Which frame fields `value` has, as `FRAME_*` bits; 0 unless every key `for…in` lists is a
 * frame field and they come in the order of {@link FRAME_KEYS}, so that a copy written field by
 * field in that order has the keys of the original, in its order. `for…in` rather than
 * `Object.keys` because it allocates nothing; it lists the same keys for an object whose
 * prototype is `Object.prototype` as long as {@link hasEnumerableKeys}`(Object.prototype)` is
 * false, which the caller checks (a Proxy sees its traps called in another order, for the same
 * keys).
 *
 * @example
 * frameFields({ function: 'f', file: 'a.js', line: 1, column: 2 }); // 15
 * frameFields({ file: 'a.js', function: 'f' }); // 0: not in frame order
 * frameFields({ file: 'a.js', line: 1, extra: true }); // 0
 */
export function frameFields(value: object): number {
  let fields = 0;
  let next = 0;
  for (const key in value) {
    while (next < FRAME_KEYS.length && FRAME_KEYS[next] !== key) next++;
    if (next === FRAME_KEYS.length) return 0;
    fields |= 1 << next;
    next++;
  }
  return fields;
}

/**
 * Whether `for…in` lists any key of `value`, own or inherited (on `Object.prototype`: whether
 * something polluted it).
 *
 * @example
 * hasEnumerableKeys(Object.prototype); // false, normally
 */
export function hasEnumerableKeys(value: object): boolean {
  for (const _ in value) return true;
  return false;
}

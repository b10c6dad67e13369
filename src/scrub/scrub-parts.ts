/**
 * What the copying and the in-place scrubber both compile from their options, once per scrubber.
 *
 * @module
 */
import { FRAME_KEYS } from './frame-shape.js';
import { createKeyPlanner, type KeyPlanner } from './key-plans.js';
import { resolveScrubOptions, type ScrubMarkers, type ScrubOptions } from './scrub-options.js';
import { createKeyMatcher } from './sensitive-keys.js';
import { createStringScrubber } from './string-scrubber.js';
import { createTextMemo, type TextMemo } from './text-memo.js';

/** The compiled pieces of a scrubber (see {@link compileScrubParts}). */
export interface ScrubParts {
  readonly markers: ScrubMarkers;
  readonly maxDepth: number;
  /** The value detectors, composed (see `createStringScrubber`). */
  readonly scrubText: (text: string) => string;
  /** A key's scrubbed name and whether its value is filtered, memoised. */
  readonly planKey: KeyPlanner;
  /** Frame files and functions repeat from frame to frame; clear both after each call. */
  readonly fileMemo: TextMemo;
  readonly functionMemo: TextMemo;
  /**
   * Whether stack frames may skip the per-key work: no option filters or renames a frame field
   * (a `keys` entry naming one turns the frame path off for good).
   */
  readonly framesArePlain: boolean;
  /** What a sensitive key's value becomes: `markers.key`, except `null` and `undefined`. */
  filtered(value: unknown): unknown;
}

/**
 * Compiles `options` into the {@link ScrubParts} a scrubber walks with.
 *
 * @example
 * const { scrubText, planKey } = compileScrubParts({ keys: ['iban'] });
 * planKey('iban').sensitive; // true
 */
export function compileScrubParts(options: ScrubOptions): ScrubParts {
  const resolved = resolveScrubOptions(options);
  const { markers, maxDepth } = resolved;
  const isSensitive = createKeyMatcher(resolved);
  const scrubText = createStringScrubber(resolved, isSensitive);
  const planKey = createKeyPlanner(scrubText, isSensitive);
  return {
    markers,
    maxDepth,
    scrubText,
    planKey,
    fileMemo: createTextMemo(scrubText),
    functionMemo: createTextMemo(scrubText),
    framesArePlain: FRAME_KEYS.every((key) => {
      const plan = planKey(key);
      return !plan.sensitive && plan.name === key;
    }),
    filtered: (value) => (value === null || value === undefined ? value : markers.key),
  };
}

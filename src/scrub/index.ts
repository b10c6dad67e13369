/**
 * Scrubbing: removal of secrets and personal data from events before they are buffered
 * (SPEC §2). The detectors (`detectors/*.ts`) can be imported one by one.
 *
 * @module
 */
export { createScrubber, scrub, scrubString, type Scrubber } from './scrub.js';
export {
  DEFAULT_MARKERS,
  DEFAULT_MAX_DEPTH,
  type ScrubMarkers,
  type ScrubOptions,
} from './scrub-options.js';
export {
  createKeyMatcher,
  isSensitiveKey,
  type KeyMatcher,
  type KeyMatcherOptions,
} from './sensitive-keys.js';
export { isCardNumber } from './detectors/card-luhn.js';

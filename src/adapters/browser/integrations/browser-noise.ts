/**
 * Noise filters for browser events (SPEC §4): errors the page's code did not cause and cannot fix.
 *
 * @module
 */
import { topFile, type EventFilter } from '../../../client/filters.js';

/**
 * Where browser extensions' scripts live, one scheme per engine: Chromium `chrome-extension:`,
 * Firefox `moz-extension:`, Safari `safari-extension:` (legacy) and `safari-web-extension:`, old
 * Edge `ms-browser-extension:`, and Safari's `webkit-masked-url:` that stands in for them.
 */
const EXTENSION_URL =
  /^(?:(?:chrome|moz|safari|safari-web|ms-browser)-extension|webkit-masked-url):/;

/**
 * The browser's noise filters, for a client's `noise` option. Each returns true (drop, counted as
 * `ignored`) for:
 * - ResizeObserver's loop notices (`ResizeObserver loop limit exceeded`, `… completed with
 *   undelivered notifications.`): a layout pass deferred, not a failure;
 * - errors thrown in a browser extension's script (its URL in the top frame);
 * - a cross-origin script's muted error, `Script error.` with no frames: nothing in it to act on
 *   (serve the script with CORS and `crossorigin` to get the real error).
 *
 * @example
 * const client = createClient({ endpoint, key, noise: browserNoise });
 */
export const browserNoise: readonly EventFilter[] = Object.freeze([
  (event) => event.message.startsWith('ResizeObserver loop '),
  (event) => EXTENSION_URL.test(topFile(event) ?? ''),
  (event) => /^Script error\.?$/.test(event.message) && !event.frames?.length,
]);

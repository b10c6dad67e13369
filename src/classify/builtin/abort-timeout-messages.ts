import type { MessageRow } from './message-table.js';

/**
 * Timeouts versus cancellations. Both usually arrive as DOMExceptions named `TimeoutError` and
 * `AbortError` (the name table decides those); these rows catch the same texts when only the
 * message survived: a thrown string, a re-wrapped error, a log line. Timeout rows come first so
 * that `The operation was aborted due to timeout` is a timeout.
 */
// prettier-ignore
export const TIMEOUT_MESSAGES: readonly MessageRow[] = [
  // Node.js and Deno `AbortSignal.timeout()`: `TimeoutError: The operation was aborted due to
  // timeout`. Chrome: `TimeoutError: signal timed out`. Firefox, Safari: `The operation timed out.`
  ['The operation was aborted due to timeout', 'timeout'],
  ['signal timed out', 'timeout'],
  ['The operation timed out', 'timeout'],
  // ky `TimeoutError: Request timed out: GET https://…`; puppeteer `Navigation timeout of 30000 ms
  // exceeded`; p-timeout `Promise timed out after 50 milliseconds`.
  [/^Request timed out\b/, 'timeout'],
  [/Navigation timeout of \d+ ?ms exceeded/, 'timeout'],
  [/Promise timed out after \d+ milliseconds/, 'timeout'],
];

/** Cancellations: someone (the user, a navigation, an unmounted component) stopped the work. */
// prettier-ignore
export const ABORT_MESSAGES: readonly MessageRow[] = [
  // Node.js DOMException `This operation was aborted`; Node.js `AbortError` (timers, events,
  // streams) and Firefox/Safari `The operation was aborted.`
  [/(?:This|The) operation was aborted(?! due to timeout)/, 'cancelled'],
  // Chrome 109+ `AbortError: signal is aborted without reason`; Chrome ≤ 108 and node-fetch 2
  // `The user aborted a request.`; Safari `Fetch is aborted`; Deno `The signal has been aborted`.
  ['signal is aborted without reason', 'cancelled'],
  ['The user aborted a request', 'cancelled'],
  ['Fetch is aborted', 'cancelled'],
  ['The signal has been aborted', 'cancelled'],
  // axios: `CanceledError: canceled` (code ERR_CANCELED) and XHR `Request aborted` (ECONNABORTED).
  [/^canceled$/, 'cancelled'],
  [/^Request aborted$/, 'cancelled'],
  // Safari: `TypeError: cancelled` when a navigation cancels in-flight fetches.
  [/^cancelled$/, 'cancelled'],
  // whatwg-fetch polyfill: `new DOMException('Aborted', 'AbortError')`.
  [/^Aborted$/, 'cancelled'],
  // IndexedDB: `AbortError: The transaction was aborted, so the request cannot be fulfilled.`
  ['The transaction was aborted', 'cancelled'],
];

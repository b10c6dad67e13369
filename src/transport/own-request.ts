/**
 * How faultline's own requests are told apart, so that no integration records them (SPEC §4:
 * no feedback loop — a fetch breadcrumb for every batch, or a captured error for every failed
 * send, would feed the buffer from the transport).
 *
 * Two layers: the transport calls the `fetch` it was given or found *when it was created*,
 * before any breadcrumb integration wraps `globalThis.fetch`; and every `init` it passes
 * carries {@link OWN_REQUEST}, for the case where something wrapped `fetch` earlier.
 *
 * @module
 */

/**
 * The marker on the `RequestInit` of each request faultline makes. `Symbol.for`, so two copies
 * of the SDK in one page recognise each other's requests; `fetch` ignores it.
 */
export const OWN_REQUEST: unique symbol = Symbol.for('faultline.ownRequest');

/**
 * Whether a `fetch` call was made by faultline itself: a fetch wrapper (breadcrumbs, error
 * capture) checks its `init` argument and records nothing when this is true.
 *
 * @example
 * globalThis.fetch = (input, init) => {
 *   if (!isOwnRequest(init)) addBreadcrumb({ category: 'fetch', data: { url: String(input) } });
 *   return original(input, init);
 * };
 */
export function isOwnRequest(init: unknown): boolean {
  return typeof init === 'object' && init !== null && OWN_REQUEST in init;
}

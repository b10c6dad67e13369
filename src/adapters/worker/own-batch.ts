/**
 * Requests that carry faultline's own batches (SPEC §4: the SDK never captures its own
 * activity). A collector Worker wrapped by the entry, or reached by a Worker that forwards
 * `/v1/events`, must not capture the failure of a batch: that capture would be sent as a batch
 * that fails again, a feedback loop.
 *
 * @module
 */

/**
 * Whether `request` is a batch posted by a faultline transport: a `POST` to `…/v1/events`
 * carrying a public key (`x-faultline-key`, or `?key=` for beacons).
 *
 * @example
 * isOwnBatch(new Request('https://c.example/v1/events', { method: 'POST', headers: { 'x-faultline-key': 'pk' } })); // true
 */
export function isOwnBatch(request: Request): boolean {
  if (request.method !== 'POST') return false;
  const url = new URL(request.url);
  return (
    url.pathname.endsWith('/v1/events') &&
    (request.headers.has('x-faultline-key') || url.searchParams.has('key'))
  );
}

/**
 * Breadcrumbs from the page's `fetch` calls (SPEC §4 browser integrations).
 *
 * @module
 */
import { systemClock } from '../../../runtime/clock.js';
import { isOwnRequest } from '../../../transport/own-request.js';
import { breadcrumbSink, type CaptureTarget } from './capture-target.js';
import { patch } from './patch.js';
import { requestBreadcrumb } from './request-breadcrumb.js';

/**
 * Wraps `scope.fetch` so that each call adds a `fetch` breadcrumb when it settles (see
 * {@link requestBreadcrumb}). The wrapper calls the original with the same `this` and
 * arguments and settles as it does (the same Response, the same rejection, the same synchronous
 * throw); it never reads the response body.
 * faultline's own requests (`isOwnRequest(init)`) are not recorded. Returns the uninstall; a
 * no-op where there is no `fetch`.
 *
 * @param scope - Whose `fetch` to wrap. Default: `globalThis`.
 * @example
 * const uninstall = fetchBreadcrumbs(client);
 * await fetch('/api/cart', { method: 'POST' }); // { method: 'POST', url: '/api/cart', status_code: 201, … }
 */
export function fetchBreadcrumbs(
  client: CaptureTarget,
  scope: { fetch?: typeof fetch } = globalThis,
): () => void {
  if (typeof scope?.fetch !== 'function') return () => undefined;
  const sink = breadcrumbSink(client);
  const restore = patch(
    scope,
    'fetch',
    (original) =>
      function fetch(this: unknown, ...args: Parameters<typeof original>) {
        const started = systemClock.monotonic();
        const pending = original.apply(this, args);
        const [input, init] = args;
        // The SDK's own requests, and a polyfill that answers with something not thenable.
        if (isOwnRequest(init) || typeof pending?.then !== 'function') return pending;
        const done = (response?: Response) =>
          sink.add(() => {
            const request = input as Partial<Request>;
            const method = init?.method ?? request.method ?? 'GET';
            const url = typeof input === 'string' ? input : (request.url ?? String(input));
            return requestBreadcrumb('fetch', method, url, started, response?.status);
          });
        // A derived promise, not a handler on the original: a rejection nobody handles must
        // still reach `unhandledrejection`, as it would without the wrapper.
        return pending.then(
          (response) => {
            done(response);
            return response;
          },
          (error: unknown) => {
            done();
            throw error;
          },
        );
      },
  );
  return () => {
    sink.off();
    restore();
  };
}

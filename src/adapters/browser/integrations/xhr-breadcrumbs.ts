/**
 * Breadcrumbs from the page's `XMLHttpRequest`s (SPEC §4 browser integrations).
 *
 * @module
 */
import { systemClock } from '../../../runtime/clock.js';
import { isOwnRequest } from '../../../transport/own-request.js';
import { breadcrumbSink, type CaptureTarget } from './capture-target.js';
import { patch } from './patch.js';
import { requestBreadcrumb } from './request-breadcrumb.js';

type Open = XMLHttpRequest['open'];

/**
 * Wraps `XMLHttpRequest.prototype.open` and `send` so that each request adds an `xhr` breadcrumb
 * on `loadend` (see {@link requestBreadcrumb}; status 0, a network failure or an abort, counts as
 * no response). A request carrying `OWN_REQUEST` (faultline's own) is not recorded. Returns the
 * uninstall; a no-op where there is no `XMLHttpRequest`.
 *
 * @param xhr - The class to wrap. Default: `globalThis.XMLHttpRequest`.
 * @example
 * const uninstall = xhrBreadcrumbs(client);
 * const request = new XMLHttpRequest();
 * request.open('GET', '/api/cart');
 * request.send(); // on loadend: { method: 'GET', url: '/api/cart', status_code: 200, … }
 */
export function xhrBreadcrumbs(
  client: CaptureTarget,
  xhr: typeof XMLHttpRequest | undefined = globalThis.XMLHttpRequest,
): () => void {
  const proto = xhr?.prototype;
  if (typeof proto?.open !== 'function' || typeof proto.send !== 'function') return () => undefined;
  const sink = breadcrumbSink(client);
  const opened = new WeakMap<XMLHttpRequest, Parameters<Open>>();
  const restoreOpen = patch(
    proto,
    'open',
    (original) =>
      function open(this: XMLHttpRequest, ...args: Parameters<Open>) {
        opened.set(this, args);
        return original.apply(this, args);
      } as Open,
  );
  const restoreSend = patch(
    proto,
    'send',
    (original) =>
      function send(this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['send']>) {
        const request = opened.get(this);
        opened.delete(this); // a second send without open fails in the browser: not a request
        if (request && !isOwnRequest(this)) {
          const started = systemClock.monotonic();
          const [method, url] = request;
          this.addEventListener(
            'loadend',
            () =>
              sink.add(() =>
                requestBreadcrumb(
                  'xhr',
                  String(method),
                  String(url),
                  started,
                  this.status || undefined,
                ),
              ),
            { once: true },
          );
        }
        return original.apply(this, args);
      },
  );
  return () => {
    sink.off();
    restoreOpen();
    restoreSend();
  };
}

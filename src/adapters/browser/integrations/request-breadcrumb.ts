/**
 * The breadcrumb of one HTTP request, shared by the fetch and XHR integrations.
 *
 * @module
 */
import type { BreadcrumbInput } from '../../../client/scope.js';
import { systemClock } from '../../../runtime/clock.js';

/**
 * A `fetch` or `xhr` breadcrumb with `data { method, url, status_code, duration_ms }`. Its level
 * is `error` for a network failure (no status) or a 5xx, `warning` for a 4xx, else `info`.
 *
 * @param started - `systemClock.monotonic()` when the request was made.
 * @param status - The response's status; `undefined` when no response came.
 * @example
 * const started = systemClock.monotonic();
 * // … the response arrives …
 * sink.add(() => requestBreadcrumb('fetch', 'GET', '/api/cart', started, 503)); // level 'error'
 */
export function requestBreadcrumb(
  category: 'fetch' | 'xhr',
  method: string,
  url: string,
  started: number,
  status?: number,
): BreadcrumbInput {
  const data: Record<string, unknown> = {
    method: method.toUpperCase(),
    url,
    duration_ms: Math.round(systemClock.monotonic() - started),
  };
  if (status !== undefined) data.status_code = status;
  const failed = status === undefined || status >= 500;
  return { category, data, level: failed ? 'error' : status >= 400 ? 'warning' : 'info' };
}

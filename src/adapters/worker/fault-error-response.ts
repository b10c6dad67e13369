/**
 * The response a Worker answers a captured error with when `respond: 'fault-error'`:
 * `{ "error": { … } }` with the public fields of the FaultError JSON (SPEC §6).
 *
 * @module
 */
import type { FaultError } from '../../errors/fault-error.js';

/**
 * Statuses of the failures of what a Worker calls (RFC 9110 §15.6). Every other failure is the
 * Worker's own: 500, external ones (network, upstream 5xx or refusals): 502.
 */
const GATEWAY_STATUS: Readonly<Record<string, number>> = Object.freeze({
  timeout: 504,
  circuit_open: 503,
  service_unavailable: 503,
  rate_limited: 503,
});

/**
 * The HTTP status of a failure: 504 for `timeout`; 503 for `circuit_open`,
 * `service_unavailable` and `rate_limited` (an upstream asked us to slow down: we are
 * unavailable); 502 for any other `external` failure (network error, upstream 5xx, upstream
 * refused our credentials); 500 for everything else (bugs, bad data, config).
 *
 * @example
 * faultErrorStatus(FaultError.from(new TypeError('x is undefined'))); // 500
 * faultErrorStatus(new FaultError('timeout', 'upstream took 8 s')); // 504
 */
export function faultErrorStatus(error: FaultError): number {
  return GATEWAY_STATUS[error.type] ?? (error.category === 'external' ? 502 : 500);
}

/** What lets a caller point at a failure: the captured event's id, the request's correlation. */
export interface FailureRefs {
  /** The id of the captured event; absent when it was not captured (or folded into a repeat). */
  readonly eventId?: string | undefined;
  /** The request's trace id or `cf-ray`. */
  readonly correlationId?: string | undefined;
}

/**
 * Renders a failure for the caller of a Worker. The body holds what is safe to show: the
 * event's `id` (`refs.eventId`: quote it to support), `type`, `code`, `category`,
 * `subcategory`, `severity`, `retry`, `correlationId`, and the taxonomy's `userMessage` as
 * `message`. Never the raw message, stack, frames, causes or context: those may hold internals
 * and go to the collector only. A failure whose context has `retryAfterMs` (an open breaker)
 * gets a `Retry-After` header in seconds.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 * @example
 * app.onError((thrown) => faultErrorResponse(FaultError.from(thrown)));
 * // 500 { "error": { "type": "programming_error", "code": 2403, …, "message": "Something went wrong on our side. Please try again." } }
 */
export function faultErrorResponse(error: FaultError, refs: FailureRefs = {}): Response {
  const { eventId, correlationId } = refs;
  const body = {
    error: {
      ...(eventId !== undefined && { id: eventId }),
      type: error.type,
      code: error.code,
      category: error.category,
      subcategory: error.subcategory,
      severity: error.severity,
      retry: error.retry,
      message: error.userMessage,
      ...(correlationId !== undefined && { correlationId }),
    },
  };
  const headers: Record<string, string> = {};
  const retryAfterMs = error.context.retryAfterMs;
  if (typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) {
    headers['retry-after'] = String(Math.ceil(retryAfterMs / 1000));
  }
  return Response.json(body, { status: faultErrorStatus(error), headers });
}

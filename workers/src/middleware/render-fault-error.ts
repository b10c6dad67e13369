import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { classify } from '../../../src/classify/classify.js';
import { FaultError } from '../../../src/errors/fault-error.js';
import { isFaultError } from '../../../src/errors/is-fault-error.js';

/** The status a route's FaultError answers with, by type; anything else is the collector's fault. */
const STATUS_BY_TYPE: Readonly<Record<string, ContentfulStatusCode>> = {
  authentication_failed: 401,
  permission_denied: 403,
  data_not_found: 404,
  rate_limited: 429,
  type_mismatch: 400,
  format_error: 400,
  deserialization_failed: 400,
};

/**
 * Hono `onError` handler: every error response is `{ "error": <FaultError JSON> }` (SPEC §5).
 * An `HTTPException` keeps its status; a FaultError thrown by a route maps to a 4xx by type; only
 * anything else (a genuine fault of the collector) is a 500 `internal_error`.
 */
export const renderFaultError: ErrorHandler = function renderFaultError(thrown, c) {
  if (thrown instanceof HTTPException) {
    const status = thrown.status as ContentfulStatusCode;
    // A route that picked the status wraps its FaultError as the cause: that is the body.
    const body = isFaultError(thrown.cause)
      ? FaultError.from(thrown.cause)
      : FaultError.from(thrown, { classifier: classify });
    return c.json({ error: body.toJSON() }, status);
  }
  const status = isFaultError(thrown) ? STATUS_BY_TYPE[thrown.type] : undefined;
  const error = FaultError.from(thrown, status === undefined ? { type: 'internal_error' } : {});
  return c.json({ error: error.toJSON() }, status ?? 500);
};

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
 * The FaultError JSON a caller is shown: what was wrong with its request (type, code, message,
 * `context.problems` with paths), never the collector's stack, frames or the causes behind it,
 * which name its own code.
 */
function publicJson(error: FaultError): Record<string, unknown> {
  const shown: Record<string, unknown> = { ...error.toJSON() };
  delete shown.stack;
  delete shown.frames;
  delete shown.causes;
  return shown;
}

/**
 * A 500 tells the caller only that the collector failed, under an id; what failed (a message or
 * context may quote configuration, read tokens included) goes to the Worker's log under that id.
 */
function internalError(thrown: unknown): FaultError {
  const error = FaultError.from(thrown, { type: 'internal_error' });
  console.error(`faultline collector: internal error ${error.id}`, error.toJSON());
  const message = `The collector failed; its operators can look up ${error.id}`;
  return new FaultError('internal_error', message, { id: error.id, captureStack: false });
}

/**
 * Hono `onError` handler: every error response is `{ "error": <FaultError JSON> }` (SPEC §5),
 * without stack, frames or causes. An `HTTPException` keeps its status; a FaultError thrown by a
 * route maps to a 4xx by type; anything else (a genuine fault of the collector) is a 500
 * `internal_error` that says no more than its id (see {@link internalError}).
 */
export const renderFaultError: ErrorHandler = function renderFaultError(thrown, c) {
  if (thrown instanceof HTTPException && thrown.status < 500) {
    const status = thrown.status as ContentfulStatusCode;
    // A route that picked the status wraps its FaultError as the cause: that is the body.
    const body = isFaultError(thrown.cause)
      ? FaultError.from(thrown.cause)
      : FaultError.from(thrown, { classifier: classify });
    return c.json({ error: publicJson(body) }, status);
  }
  const status = isFaultError(thrown) ? STATUS_BY_TYPE[thrown.type] : undefined;
  if (status === undefined) return c.json({ error: publicJson(internalError(thrown)) }, 500);
  return c.json({ error: publicJson(thrown as FaultError) }, status);
};

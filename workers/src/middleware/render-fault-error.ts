import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { FaultError } from '../../../src/errors/fault-error.js';

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
 * Bad input maps to 4xx by type; only a genuine fault of the collector is a 500.
 */
export const renderFaultError: ErrorHandler = function renderFaultError(thrown, c) {
  const status: ContentfulStatusCode =
    thrown instanceof HTTPException ? (thrown.status as ContentfulStatusCode) : 500;
  const error = FaultError.from(thrown, status === 500 ? { type: 'internal_error' } : {});
  const mapped = status === 500 ? (STATUS_BY_TYPE[error.type] ?? 500) : status;
  return c.json({ error: error.toJSON() }, mapped);
};

import { HTTPException } from 'hono/http-exception';
import { FaultError } from '../../../src/errors/fault-error.js';
import type { ErrorType } from '../../../src/errors/taxonomy.js';

/** Statuses of the ingest contract that no FaultError type maps to (SPEC §5). */
export type RefusalStatus = 413 | 415;

/**
 * An error for a status that no FaultError type stands for: an `HTTPException` with that
 * status (the error renderer keeps it) whose cause is a FaultError of `type`, so the body is
 * `{ "error": <FaultError JSON> }` of that type and message. No stack is kept: the body says
 * what the client sent wrong, not where in the collector it was noticed. `context` goes on the
 * FaultError, for the client to read.
 *
 * @example
 * throw refusal(415, 'format_error', 'Content-Encoding br is not supported: send gzip or none');
 */
export function refusal(
  status: RefusalStatus,
  type: ErrorType,
  message: string,
  context?: Readonly<Record<string, unknown>>,
): HTTPException {
  const cause = new FaultError(type, message, { captureStack: false, ...(context && { context }) });
  const exception = new HTTPException(status, { message, cause });
  exception.stack = `${type}: ${message}`;
  return exception;
}

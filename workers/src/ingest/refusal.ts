import { HTTPException } from 'hono/http-exception';
import { FaultError } from '../../../src/errors/fault-error.js';
import type { ErrorType } from '../../../src/errors/taxonomy.js';

/** Statuses of the ingest contract that no FaultError type maps to (SPEC §5). */
export type RefusalStatus = 413 | 415;

/**
 * An error for a status that no FaultError type stands for: an `HTTPException` with that
 * status (the error renderer keeps it) whose cause is a FaultError of `type`, so the body is
 * `{ "error": <FaultError JSON> }` of that type and message. No stack is kept: the body says
 * what the client sent wrong, not where in the collector it was noticed.
 *
 * @example
 * throw refusal(415, 'format_error', 'Content-Encoding br is not supported: send gzip or none');
 */
export function refusal(status: RefusalStatus, type: ErrorType, message: string): HTTPException {
  const cause = new FaultError(type, message, { captureStack: false });
  const exception = new HTTPException(status, { message, cause });
  exception.stack = `${type}: ${message}`;
  return exception;
}

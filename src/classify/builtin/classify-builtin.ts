import { readSafely } from '../../errors/read-safely.js';
import type { BuiltinErrorType } from '../../errors/taxonomy.js';
import type { ErrorFields } from '../read-error-fields.js';
import { ABORT_MESSAGES, TIMEOUT_MESSAGES } from './abort-timeout-messages.js';
import { BENIGN_NOISE_MESSAGES } from './benign-noise.js';
import {
  CLIENT_ERROR_FALLBACKS,
  CLIENT_ERROR_NAMES,
  classifyAxiosError,
  classifyFetchError,
  classifyStatusZero,
} from './client-errors.js';
import { DOM_EXCEPTION_NAMES } from './dom-exceptions.js';
import { ERROR_CODE_TYPES } from './error-codes.js';
import { GENERIC_MESSAGES } from './generic-messages.js';
import { STATUS_PHRASE_MESSAGES, statusFromMessage, typeForStatus } from './http-status.js';
import { LOAD_FAILURE_MESSAGES } from './load-failures.js';
import { compileMessageTable, matchMessage } from './message-table.js';
import { compileNameTable, typeForName } from './name-table.js';
import { CORS_MESSAGES, FETCH_FAILURE_MESSAGES } from './network-messages.js';
import { JSON_PARSE_MESSAGES, SERIALIZATION_MESSAGES } from './parse-errors.js';
import { PROGRAMMING_MESSAGES } from './programming-errors.js';
import { RESOURCE_MESSAGES } from './resource-messages.js';
import { classifyZodError } from './validation-errors.js';

type Handler = (fields: ErrorFields) => BuiltinErrorType | undefined;

// Every specific wording in one RegExp: one `exec` per message. Order matters only when two
// rows match at the same position; timeouts precede cancellations for that reason.
const SPECIFIC = compileMessageTable([
  ...BENIGN_NOISE_MESSAGES,
  ...TIMEOUT_MESSAGES,
  ...CORS_MESSAGES,
  ...LOAD_FAILURE_MESSAGES,
  ...FETCH_FAILURE_MESSAGES,
  ...ABORT_MESSAGES,
  ...SERIALIZATION_MESSAGES,
  ...JSON_PARSE_MESSAGES,
  ...RESOURCE_MESSAGES,
  ...PROGRAMMING_MESSAGES,
]);

const GENERIC = compileMessageTable([...STATUS_PHRASE_MESSAGES, ...GENERIC_MESSAGES]);

/**
 * Classifies one error by status, code and message, for names that decide nothing by themselves
 * (`Error`, custom names, none). Order: HTTP status field, `code`, specific wordings, a status
 * in the message, generic wordings.
 */
function classifyByContent(fields: ErrorFields): BuiltinErrorType | undefined {
  if (fields.status !== undefined) {
    const byStatus = typeForStatus(fields.status);
    if (byStatus !== undefined) return byStatus;
  }
  if (typeof fields.code === 'string') {
    const byCode = ERROR_CODE_TYPES.get(fields.code);
    if (byCode !== undefined) return byCode;
  }
  const { message } = fields;
  if (message.length === 0) return undefined;
  const specific = matchMessage(SPECIFIC, message);
  if (specific !== undefined) return specific;
  const status = statusFromMessage(message);
  const byStatus = status === undefined ? undefined : typeForStatus(status);
  return byStatus ?? matchMessage(GENERIC, message);
}

/** {@link classifyByContent}, then a status-0 XHR object (jQuery), which has no message. */
function classifyContentOrXhr(fields: ErrorFields): BuiltinErrorType | undefined {
  return (
    classifyByContent(fields) ??
    (fields.message.length === 0 ? classifyStatusZero(fields.value) : undefined)
  );
}

/**
 * A built-in engine error: a bug unless its message names I/O, data or a resource limit, or
 * Node.js attached a code that says otherwise (`TypeError` with ERR_ENCODING_INVALID_ENCODED_DATA).
 */
function engineError(fields: ErrorFields): BuiltinErrorType {
  const byCode = typeof fields.code === 'string' ? ERROR_CODE_TYPES.get(fields.code) : undefined;
  return byCode ?? matchMessage(SPECIFIC, fields.message) ?? 'programming_error';
}

/**
 * For client error names that usually carry a status: the status decides when there is one (a
 * status that means nothing by itself, like 409, stays unknown); otherwise code and message,
 * then the name's fallback.
 */
function withFallback(fallback: BuiltinErrorType, first?: Handler): Handler {
  return (fields) => {
    const special = first?.(fields);
    if (special !== undefined) return special;
    if (fields.status !== undefined) return typeForStatus(fields.status);
    return classifyByContent(fields) ?? fallback;
  };
}

function buildHandlers(): ReadonlyMap<string, Handler> {
  const handlers = new Map<string, Handler>();
  // ECMAScript error constructors (and Firefox's InternalError). A TypeError is a bug unless
  // its message is a fetch failure ("Failed to fetch" is a TypeError in every browser).
  for (const name of ['TypeError', 'SyntaxError', 'RangeError', 'InternalError']) {
    handlers.set(name, engineError);
  }
  handlers.set('ReferenceError', () => 'programming_error');
  handlers.set('EvalError', () => 'programming_error');
  // `decodeURIComponent('%')`: `URIError: URI malformed`, the input is malformed.
  handlers.set('URIError', () => 'format_error');
  for (const [name, entry] of compileNameTable([...DOM_EXCEPTION_NAMES, ...CLIENT_ERROR_NAMES])) {
    handlers.set(name, (fields) => typeForName(entry, fields.message) ?? classifyByContent(fields));
  }
  for (const [name, fallback] of CLIENT_ERROR_FALLBACKS) {
    handlers.set(name, withFallback(fallback));
  }
  handlers.set('FetchError', withFallback('network_error', classifyFetchError));
  handlers.set('AxiosError', (fields) => classifyAxiosError(fields) ?? classifyByContent(fields));
  handlers.set('ZodError', (fields) => classifyZodError(fields.value) ?? classifyByContent(fields));
  return handlers;
}

const HANDLERS = buildHandlers();

/** A `Response`: its status decides; `Response.error()` (type `error`, status 0) is a network error. */
function classifyResponse(fields: ErrorFields): BuiltinErrorType | undefined {
  if (fields.status !== undefined) return typeForStatus(fields.status);
  return readSafely(fields.value, 'type') === 'error' ? 'network_error' : undefined;
}

/**
 * The built-in type of one error (not its causes), or `undefined` when nothing is recognised.
 * The name is checked first (one map lookup); status, code and message after.
 *
 * @example
 * classifyBuiltin(readErrorFields(new TypeError('Failed to fetch'))); // 'network_error'
 */
export function classifyBuiltin(fields: ErrorFields): BuiltinErrorType | undefined {
  if (fields.isResponse) return classifyResponse(fields);
  const handler = fields.name.length > 0 ? HANDLERS.get(fields.name) : undefined;
  return handler === undefined ? classifyContentOrXhr(fields) : handler(fields);
}

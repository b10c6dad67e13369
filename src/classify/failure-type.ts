import { isFaultError } from '../errors/is-fault-error.js';
import { readSafely } from '../errors/read-safely.js';
import type { ErrorType } from '../errors/taxonomy.js';

/**
 * What `fetch` says when no response arrived, by runtime, and the socket `code`s under it: the
 * part of `classify()`'s tables that resilience meets, in one RegExp tried on `code`, then on
 * `message` (this module must stay near 1 KB gzip). A match in the first group is a timeout, any
 * other a network failure. Exact texts are anchored (`^…$`).
 *
 * @see https://github.com/sindresorhus/ky/blob/main/source/utils/is-network-error.ts
 * @see https://nodejs.org/api/errors.html#common-system-errors
 */
// prettier-ignore
const FAILURE = new RegExp([
  '(' + [
    // AbortSignal.timeout(): Chrome `signal timed out`; Firefox, Safari `The operation timed
    // out.`; Node.js, Deno `The operation was aborted due to timeout`. Safari `The request timed out.`
    '(?:signal|operation|request) timed out|due to timeout',
    // Node.js (libuv) `connect ETIMEDOUT …`; undici `UND_ERR_CONNECT_TIMEOUT`, `…HEADERS…`, `…BODY…`.
    '\\bE(?:SOCKET)?TIMEDOUT\\b|UND_ERR_\\w+_TIMEOUT',
    // axios: `timeout of 5000ms exceeded` (code ECONNABORTED, or ETIMEDOUT when clarified).
    '^timeout (?:of \\d+ms )?exceeded$',
  ].join('|') + ')',
  // Chrome, Edge: `Failed to fetch` (2025+ `Failed to fetch (host)`, also dynamic imports);
  // `network error` when the body breaks after the headers arrived.
  'Failed to fetch|^network error$',
  // Firefox: every fetch failure, CORS and mixed content included.
  'NetworkError when attempting to fetch',
  // Safari: `Load failed` (18.4+ `Load failed (host)`); older Safari and iOS pass NSURLError
  // texts through (`The network connection was lost.`, `Could not connect to the server.`).
  '^Load failed(?: \\(.*\\))?$|appears to be offline|Could not connect to the server',
  // workerd: `Network connection lost.`, and `internal error; reference = …` for fetch failing
  // inside the runtime (plain Errors, not TypeErrors).
  'network connection (?:was )?lost|^internal error(?:; reference = |$)',
  // Deno: `error sending request for url (…): client error (Connect): …` (1.x in the TypeError,
  // 2.x in the `cause` of `fetch failed`).
  'error sending request',
  // Node.js (undici): `fetch failed` with the socket error as `cause`; `terminated` when the
  // body stream breaks; libuv and undici codes (in `code`, and in messages such as `read
  // ECONNRESET`); axios `ERR_NETWORK`. (`ECONNABORTED` is left out: axios uses it for both
  // timeouts and cancellations.)
  '^(?:fetch failed|terminated)$',
  '\\b(?:ECONN(?:REFUSED|RESET)|ENOTFOUND|EAI_AGAIN|EPIPE|E(?:HOST|NET)UNREACH|ENETDOWN|UND_ERR_(?:SOCKET|CLOSED)|ERR_NETWORK)\\b',
].join('|'), 'i');

/** `Request failed with status code 503`, the MDN example's `HTTP error! status: 503`. */
const STATUS_IN_MESSAGE = /\bstatus(?: code| of)?:? ?([1-5]\d\d)\b/i;

/** DOMException names (WebIDL) that decide the type in every runtime. */
const NAMES: ReadonlyMap<unknown, ErrorType> = new Map([
  ['AbortError', 'cancelled'],
  ['TimeoutError', 'timeout'],
  ['NetworkError', 'network_error'],
  ['QuotaExceededError', 'resource_exhausted'],
]);

/** ECMAScript errors: bugs unless their code or message names I/O (`TypeError: Failed to fetch`). */
const ENGINE_ERROR = /^(?:Type|Syntax|Range|Eval|Internal)Error$/;

/**
 * Any other Node.js or undici `code` (`ENOENT`, `ERR_INVALID_ARG_TYPE`, `UND_ERR_INVALID_ARG`, …):
 * `classify()` reads it as permanent or not at all, so the message is not read, and it ends the
 * search through causes (`fetch failed` caused by an invalid header is a bug, not a blip).
 * `ECONNABORTED` defers to the message: axios uses it for timeouts and cancellations alike.
 */
const OTHER_CODE = /^(?:E(?!CONNABORTED$)[A-Z]{2,}|(?:UND_)?ERR_\w+|ABORT_ERR)$/;

const TRANSIENT: ReadonlySet<unknown> = new Set([
  'network_error',
  'timeout',
  'rate_limited',
  'external_service_error',
  'service_unavailable',
  'resource_exhausted',
  'dependency_failed',
]);

/**
 * The type of an HTTP error status (RFC 9110 §15) as `classify()` gives it, with two kinds of
 * exceptions. 501 (Not Implemented) and 505 (HTTP Version Not Supported) are `format_error`, and
 * 511 (Network Authentication Required: a captive portal) is `authentication_failed`: sending the
 * same request again cannot fix them, and the server that says so is healthy. A 4xx that
 * `classify()` leaves `unknown` (409, 413, …) is `format_error`: the server answered and refused
 * what was sent, which a breaker must not count against it. `undefined` for anything but 4xx/5xx.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15
 */
function statusType(status: unknown): ErrorType | undefined {
  if (typeof status !== 'number' || !(status >= 400 && status < 600)) return undefined;
  if (status === 408 || status === 504 || status === 522 || status === 524) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 407 || status === 511) return 'authentication_failed';
  if (status === 403) return 'permission_denied';
  if (status === 404 || status === 410) return 'data_not_found';
  return status < 500 || status === 501 || status === 505
    ? 'format_error'
    : 'external_service_error';
}

/**
 * The type of one link of a cause chain (not its causes), in `classify()`'s order: name, status
 * (not for engine errors), code, message; `undefined` when unrecognised, `unknown` when known to
 * be nothing resilience can act on.
 */
function ownType(value: unknown): ErrorType | undefined {
  const type = readSafely(value, 'type');
  if (isFaultError(value)) return typeof type === 'string' ? type : undefined;
  const name = readSafely(value, 'name');
  const byName = NAMES.get(name);
  if (byName !== undefined) return byName;
  if (name === 'ReferenceError') return 'programming_error';
  const isEngine = typeof name === 'string' && ENGINE_ERROR.test(name);
  const status = readSafely(value, 'status');
  // axios and ky put the Response in `response`; got's has `statusCode`.
  const response = readSafely(value, 'response');
  const byStatus = isEngine
    ? undefined
    : (statusType(status) ??
      statusType(readSafely(value, 'statusCode')) ??
      statusType(readSafely(response, 'status')) ??
      statusType(readSafely(response, 'statusCode')));
  if (byStatus !== undefined) return byStatus;
  const code = readSafely(value, 'code');
  const rawMessage = readSafely(value, 'message');
  const message = typeof rawMessage === 'string' ? rawMessage.slice(0, 2000) : '';
  const codeText = typeof code === 'string' ? code : '';
  const failure = FAILURE.exec(codeText);
  if (failure === null && OTHER_CODE.test(codeText))
    return isEngine ? 'programming_error' : 'unknown';
  const found = failure ?? FAILURE.exec(message);
  if (found !== null) return found[1] ? 'timeout' : 'network_error';
  // `Response.error()`: status 0, type `error`; it never connected.
  if (status === 0 && type === 'error') return 'network_error';
  if (isEngine) {
    // JSON.parse in every engine: V8 `… is not valid JSON`, SpiderMonkey `JSON.parse: …`, JSC
    // `JSON Parse error: …`.
    return name === 'SyntaxError' && message.includes('JSON')
      ? 'deserialization_failed'
      : 'programming_error';
  }
  const inMessage = STATUS_IN_MESSAGE.exec(message);
  return inMessage === null ? undefined : statusType(Number(inMessage[1]));
}

/**
 * What kind of failure `error` is, for resilience decisions: a slim `classify()` (a seventh of
 * its size) that knows HTTP statuses, DOMException names, the fetch failures of Chrome,
 * Firefox, Safari, workerd, Deno and Node.js (with their socket `code`s), JSON parse errors and
 * bugs. Where it answers it agrees with `classify()` on whether the failure is transient (and
 * almost always on the type); anything else is `'unknown'` (not transient), so an unrecognised
 * error is never retried by default. Looks through `cause` (4 deep) while the answer is vague,
 * as `classify()` does. Never throws.
 *
 * @param error - whatever was thrown or rejected: an Error or DOMException from any realm, a
 *   FaultError (its own `type`), a `Response` or `{ status }`, a `{ code }` object. Thrown
 *   strings (log lines, abort reasons) are `unknown`: fetch never throws one.
 * @example
 * failureType(new TypeError('Failed to fetch')); // 'network_error'
 * failureType(new Response(null, { status: 503 })); // 'external_service_error'
 * failureType(new DOMException('signal timed out', 'TimeoutError')); // 'timeout'
 * failureType(new TypeError("Cannot read properties of undefined (reading 'x')")); // 'programming_error'
 */
export function failureType(error: unknown): ErrorType {
  let type = ownType(error);
  let current = error;
  // Like classify(): a vague answer is refined by the causes, a FaultError's own type is kept.
  for (let depth = 0; depth < 4 && !isFaultError(error); depth++) {
    if (type !== undefined && type !== 'network_error' && type !== 'cancelled') break;
    current = readSafely(current, 'cause') ?? readSafely(current, 'error');
    if (current === undefined || current === null) break;
    const found = ownType(current);
    if (found !== undefined) type = found;
  }
  return type ?? 'unknown';
}

/**
 * True when trying again may succeed: network failures, timeouts, 429, 5xx (except 501 and
 * 505), `service_unavailable`, `resource_exhausted`; for a FaultError, its own `transient` (or
 * its type's, when it crossed a realm as plain data). The default `shouldRetry` of `retry()`.
 * Never throws.
 *
 * @example
 * isTransientFailure(new TypeError('fetch failed', { cause: econnreset })); // true
 * isTransientFailure(new Response(null, { status: 404 })); // false
 * isTransientFailure(new TypeError('x is not a function')); // false: retrying a bug repeats it
 */
export function isTransientFailure(error: unknown): boolean {
  const own = readSafely(error, 'transient');
  return isFaultError(error) && typeof own === 'boolean' ? own : TRANSIENT.has(failureType(error));
}

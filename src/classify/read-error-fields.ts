import { readSafely } from '../errors/read-safely.js';

/**
 * What classification looks at, read once from whatever was thrown. Every read is guarded:
 * throwing getters and hostile Proxies give empty fields, never an exception.
 */
export interface ErrorFields {
  /** The thrown value itself. */
  readonly value: unknown;
  /** `name` (`'TypeError'`, `'AbortError'`, …); for a thrown string, its `Name: ` prefix; or `''`. */
  readonly name: string;
  /** `message`, the text of a thrown string, or `''`. Capped at {@link MAX_MESSAGE_LENGTH}. */
  readonly message: string;
  /** `code` (`'ECONNRESET'`, `'ERR_NETWORK'`, a DOMException's number, …). */
  readonly code: string | number | undefined;
  /** An HTTP status (100–599) from `status`, `statusCode` or `response.status(Code)`. */
  readonly status: number | undefined;
  /**
   * True for a `Response` (duck-typed: numeric `status`, `headers` object, boolean `ok`), also
   * one whose status is not an HTTP status (`Response.error()` has status 0).
   */
  readonly isResponse: boolean;
}

/** Longer messages are cut to this many characters before matching: the start says what it is. */
export const MAX_MESSAGE_LENGTH = 2000;

// `Uncaught TypeError: …`, `TypeError: …`, `Error [ERR_X]: …`, `DOMException [AbortError]: …`
// as thrown strings, `window.onerror` messages and logged errors print them.
const NAME_PREFIX =
  /^(?:Uncaught (?:\(in promise\) )?)?((?:[A-Z][A-Za-z]*)?(?:Error|Exception))(?: \[(\w+)\])?: /;

/**
 * Reads the fields classification needs from anything thrown. Never throws.
 *
 * @example
 * readErrorFields(new TypeError('Failed to fetch')); // { name: 'TypeError', message: 'Failed to fetch', … }
 * readErrorFields('Uncaught ReferenceError: x is not defined').name; // 'ReferenceError'
 */
export function readErrorFields(value: unknown): ErrorFields {
  if (typeof value === 'string') return readStringFields(value);
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) {
    return { value, name: '', message: '', code: undefined, status: undefined, isResponse: false };
  }
  const name = readSafely(value, 'name');
  const message = readSafely(value, 'message');
  const code = readSafely(value, 'code');
  const ownStatus = readSafely(value, 'status');
  return {
    value,
    name: typeof name === 'string' ? name : '',
    message: typeof message === 'string' ? cap(message) : '',
    code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
    status: readStatus(value, ownStatus),
    isResponse: isResponseLike(value, ownStatus),
  };
}

/**
 * The value classification looks at next: `cause` (ES2022), else the `error` of an
 * `ErrorEvent`-like or `{ error: … }` body, else the `reason` of a `PromiseRejectionEvent`-like.
 * `undefined` when there is none. Never throws.
 */
export function readNext(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const cause = readSafely(value, 'cause');
  if (cause !== undefined && cause !== null) return cause;
  const error = readSafely(value, 'error');
  if (error !== undefined && error !== null && error !== value) return error;
  const reason = readSafely(value, 'reason');
  return reason !== null && reason !== value ? reason : undefined;
}

/**
 * Follows a dot path (`'request.method'`) through nested objects. `undefined` when any step is
 * missing or unreadable. Never throws.
 */
export function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    current = readSafely(current, key);
    if (current === undefined) return undefined;
  }
  return current;
}

function readStringFields(thrown: string): ErrorFields {
  const text = cap(thrown);
  const prefix = text.length > 0 && text.charCodeAt(0) <= 90 ? NAME_PREFIX.exec(text) : null;
  let name = '';
  let code: string | undefined;
  let message = text;
  if (prefix !== null) {
    name = prefix[1] ?? '';
    const bracket = prefix[2];
    if (bracket !== undefined && name === 'DOMException') name = bracket;
    else if (bracket !== undefined) code = bracket;
    message = text.slice(prefix[0].length);
  }
  return { value: thrown, name, message, code, status: undefined, isResponse: false };
}

function readStatus(value: object, ownStatus: unknown): number | undefined {
  const own = httpStatus(ownStatus) ?? httpStatus(readSafely(value, 'statusCode'));
  if (own !== undefined) return own;
  const response = readSafely(value, 'response');
  if (typeof response !== 'object' || response === null) return undefined;
  return (
    httpStatus(readSafely(response, 'status')) ?? httpStatus(readSafely(response, 'statusCode'))
  );
}

function httpStatus(candidate: unknown): number | undefined {
  return typeof candidate === 'number' &&
    Number.isInteger(candidate) &&
    candidate >= 100 &&
    candidate <= 599
    ? candidate
    : undefined;
}

/**
 * True for a `Response` from any realm or polyfill (duck-typed: numeric `status`, `headers`
 * object, boolean `ok`). Never throws.
 *
 * @example
 * isResponseLike(new Response(null, { status: 503 })); // true
 */
export function isResponseLike(value: unknown, status = readSafely(value, 'status')): boolean {
  if (typeof status !== 'number') return false;
  const headers = readSafely(value, 'headers');
  return (
    typeof headers === 'object' && headers !== null && typeof readSafely(value, 'ok') === 'boolean'
  );
}

function cap(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? message.slice(0, MAX_MESSAGE_LENGTH) : message;
}

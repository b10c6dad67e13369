import type { BuiltinErrorType } from '../../errors/taxonomy.js';
import type { MessageRow } from './message-table.js';

/**
 * HTTP status → type (RFC 9110 §15). Any other 5xx is `external_service_error`; any other
 * status (2xx, 3xx, the remaining 4xx) is not classified by its status alone.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15
 */
export const HTTP_STATUS_TYPES: ReadonlyMap<number, BuiltinErrorType> = new Map<
  number,
  BuiltinErrorType
>([
  [400, 'format_error'], // Bad Request: the server rejected what was sent
  [401, 'authentication_failed'],
  [403, 'permission_denied'],
  [404, 'data_not_found'],
  [407, 'authentication_failed'], // Proxy Authentication Required
  [408, 'timeout'], // Request Timeout
  [410, 'data_not_found'], // Gone
  [422, 'format_error'], // Unprocessable Content: validation failed on the server
  [429, 'rate_limited'],
  [504, 'timeout'], // Gateway Timeout
  [522, 'timeout'], // Cloudflare: connection to the origin timed out
  [524, 'timeout'], // Cloudflare: the origin did not answer in time
]);

/**
 * The type an HTTP status stands for, or `undefined` for one that says nothing by itself.
 *
 * @example
 * typeForStatus(503); // 'external_service_error'
 * typeForStatus(204); // undefined
 */
export function typeForStatus(status: number): BuiltinErrorType | undefined {
  return (
    HTTP_STATUS_TYPES.get(status) ??
    (status >= 500 && status <= 599 ? 'external_service_error' : undefined)
  );
}

/**
 * A status inside a message: axios `Request failed with status code 404`, ky `Request failed
 * with status code 503 Service Unavailable: GET …`, got `Response code 502 (Bad Gateway)`,
 * ofetch `[GET] "https://…": 404 Not Found`, and hand-written `HTTP 502`, `HTTP error! status:
 * 500` (the MDN fetch example), `HTTP/1.1 503`, `status 429`; Chrome's console line `Failed to
 * load resource: the server responded with a status of 404 (Not Found)`.
 */
const STATUS_IN_MESSAGE =
  /\b(?:status(?:[ _]?code| of)?|http(?:\/\d(?:\.\d)?)?(?: error)?!?(?: status)?|response code)\s*[:=]?\s*([1-5]\d\d)\b|\b([45]\d\d) \(?(?:Bad Request|Unauthorized|Forbidden|Not Found|Request Timeout|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b/i;

/** The HTTP status a message mentions, or `undefined`. */
export function statusFromMessage(message: string): number | undefined {
  if (message.length === 0) return undefined;
  const match = STATUS_IN_MESSAGE.exec(message);
  if (match === null) return undefined;
  return Number(match[1] ?? match[2]);
}

/** Reason phrases and API wordings that name a status without its number. */
// prettier-ignore
export const STATUS_PHRASE_MESSAGES: readonly MessageRow[] = [
  // RFC 9110 reason phrases, as `statusText` and hand-written errors carry them.
  [/\bToo Many Requests\b/, 'rate_limited'],
  [/\bGateway Time-?out\b/, 'timeout'],
  [/\b(?:Service Unavailable|Bad Gateway|Internal Server Error)\b/, 'external_service_error'],
  // GitHub `API rate limit exceeded for …`, OpenAI `Rate limit reached for …`, Stripe
  // `rate_limit`; Firebase Auth `auth/too-many-requests`.
  [/\brate[ _-]?limit(?:ed|s)?\b/, 'rate_limited'],
  // jsonwebtoken `TokenExpiredError: jwt expired`, `JsonWebTokenError: invalid signature`.
  [/\bjwt (?:expired|malformed|must be provided)\b/, 'authentication_failed'],
];

import { readSafely } from '../../errors/read-safely.js';
import type { BuiltinErrorType } from '../../errors/taxonomy.js';
import type { ErrorFields } from '../read-error-fields.js';
import type { NameRow } from './name-table.js';

/** Error names of HTTP clients and runtimes that decide the type by themselves. */
// prettier-ignore
export const CLIENT_ERROR_NAMES: readonly NameRow[] = [
  // axios: `CanceledError: canceled` (code ERR_CANCELED).
  ['CanceledError', 'cancelled'],
  // got: `CancelError`, `ParseError` (bad JSON body), `ReadError` (response stream broke),
  // `UploadError`, `UnsupportedProtocolError`; its `TimeoutError` is in the DOMException table.
  ['CancelError', 'cancelled'],
  ['ParseError', 'deserialization_failed'],
  ['ReadError', 'network_error'],
  ['UploadError', 'network_error'],
  ['UnsupportedProtocolError', 'programming_error'],
  // webpack: `ChunkLoadError: Loading chunk 7 failed.`
  ['ChunkLoadError', 'network_error'],
  // undici (Node.js fetch) errors, usually the `cause` of `TypeError: fetch failed`.
  ['ConnectTimeoutError', 'timeout'],
  ['HeadersTimeoutError', 'timeout'],
  ['BodyTimeoutError', 'timeout'],
  ['SocketError', 'network_error'],
  ['HTTPParserError', 'network_error'],
  ['ClientClosedError', 'network_error'],
  ['ClientDestroyedError', 'network_error'],
  ['RequestAbortedError', 'cancelled'],
  ['InvalidArgumentError', 'programming_error'],
  ['RequestContentLengthMismatchError', 'programming_error'],
  // Deno runtime errors (`Deno.errors.*`): `ConnectionRefused: Connection refused (os error
  // 111)`, `NotCapable: Requires net access to "…"`, `NotFound: No such file or directory`.
  ['ConnectionRefused', 'network_error'],
  ['ConnectionReset', 'network_error'],
  ['ConnectionAborted', 'network_error'],
  ['NotConnected', 'network_error'],
  ['BrokenPipe', 'network_error'],
  ['AddrNotAvailable', 'network_error'],
  ['NetworkUnreachable', 'network_error'],
  ['TimedOut', 'timeout'],
  ['Interrupted', 'cancelled'],
  ['PermissionDenied', 'permission_denied'],
  ['NotCapable', 'permission_denied'],
  ['NotFound', 'data_not_found'],
  ['BadResource', 'programming_error'],
  // jsonwebtoken and jose: an expired, early or forged token.
  ['TokenExpiredError', 'authentication_failed'],
  ['JsonWebTokenError', 'authentication_failed'],
  ['NotBeforeError', 'authentication_failed'],
  ['JWTExpired', 'authentication_failed'],
  ['JWTInvalid', 'authentication_failed'],
  ['JWSSignatureVerificationFailed', 'authentication_failed'],
  // Stripe (`stripe` for Node.js): error classes by failure kind.
  ['StripeConnectionError', 'network_error'],
  ['StripeAuthenticationError', 'authentication_failed'],
  ['StripePermissionError', 'permission_denied'],
  ['StripeRateLimitError', 'rate_limited'],
  ['StripeAPIError', 'external_service_error'],
  // AWS SDK v3 service exceptions (the name is the service's error code).
  ['ThrottlingException', 'rate_limited'],
  ['TooManyRequestsException', 'rate_limited'],
  ['ProvisionedThroughputExceededException', 'rate_limited'],
  ['CredentialsProviderError', 'authentication_failed'],
  ['ExpiredTokenException', 'authentication_failed'],
  ['UnrecognizedClientException', 'authentication_failed'],
  ['AccessDeniedException', 'permission_denied'],
  ['AccessDenied', 'permission_denied'],
  ['NoSuchKey', 'data_not_found'],
  ['ResourceNotFoundException', 'data_not_found'],
  // OpenAI and Anthropic SDKs (Stainless): `APIConnectionError: Connection error.`
  ['APIConnectionError', 'network_error'],
  ['APIConnectionTimeoutError', 'timeout'],
  // socket.io-client: `TransportError: xhr poll error` / `websocket error`.
  ['TransportError', 'network_error'],
  // Prisma: `PrismaClientInitializationError: Can't reach database server at …` (P1001).
  ['PrismaClientInitializationError', 'network_error'],
  // yup, joi, mongoose `ValidationError`; valibot `ValiError`.
  ['ValidationError', 'format_error'],
  ['ValiError', 'format_error'],
];

/**
 * Names whose status, code or message decides first (`HTTPError` carries a `response`), with the
 * type to use when none of those does.
 */
// prettier-ignore
export const CLIENT_ERROR_FALLBACKS: ReadonlyMap<string, BuiltinErrorType> = new Map<string, BuiltinErrorType>([
  // ky `HTTPError: Request failed with status code 503 …`; got `HTTPError: Response code 502
  // (Bad Gateway)`; undici `ResponseStatusCodeError`: all with the response status.
  ['HTTPError', 'external_service_error'],
  ['ResponseStatusCodeError', 'external_service_error'],
  // got `RequestError` (code ECONNREFUSED, …); node-fetch `FetchError` (`request to … failed,
  // reason: …`, code from the socket); ofetch `FetchError` (`[GET] "…": 404 Not Found`, status).
  ['RequestError', 'network_error'],
  ['FetchError', 'network_error'],
  // got `MaxRedirectsError: Redirected 10 times. Aborting.`
  ['MaxRedirectsError', 'external_service_error'],
  // Angular `HttpErrorResponse`: status 0 (`Http failure response for …: 0 Unknown Error`) is
  // the browser's network failure, CORS included; other statuses decide first.
  ['HttpErrorResponse', 'network_error'],
]);

const ABORTED = /abort/i;

/**
 * axios puts timeouts and browser aborts under one code, `ECONNABORTED`: `timeout of 5000ms
 * exceeded` versus `Request aborted`. Other AxiosErrors are decided by status, code and message.
 */
export function classifyAxiosError(fields: ErrorFields): BuiltinErrorType | undefined {
  if (fields.code !== 'ECONNABORTED') return undefined;
  return ABORTED.test(fields.message) ? 'cancelled' : 'timeout';
}

/**
 * An XHR-style failure object with status 0: jQuery's jqXHR (`statusText` `error`, `timeout`,
 * `abort`, `parsererror`). Status 0 means no HTTP response arrived.
 */
const ZERO_STATUS_TEXTS: ReadonlyMap<unknown, BuiltinErrorType> = new Map<
  unknown,
  BuiltinErrorType
>([
  ['error', 'network_error'],
  ['timeout', 'timeout'],
  ['abort', 'cancelled'],
  ['parsererror', 'deserialization_failed'],
]);

/** Status 0 plus an XHR `statusText` (jQuery), or `undefined`. */
export function classifyStatusZero(value: unknown): BuiltinErrorType | undefined {
  if (readSafely(value, 'status') !== 0) return undefined;
  return ZERO_STATUS_TEXTS.get(readSafely(value, 'statusText'));
}

/** node-fetch's `FetchError.type`: `request-timeout`, `body-timeout`, `invalid-json`, `system`, … */
const NODE_FETCH_TYPES: ReadonlyMap<unknown, BuiltinErrorType> = new Map<unknown, BuiltinErrorType>(
  [
    ['request-timeout', 'timeout'],
    ['body-timeout', 'timeout'],
    ['invalid-json', 'deserialization_failed'],
    ['max-size', 'resource_exhausted'],
    ['aborted', 'cancelled'],
  ],
);

/** node-fetch `FetchError`: its `type` field says what failed. */
export function classifyFetchError(fields: ErrorFields): BuiltinErrorType | undefined {
  return NODE_FETCH_TYPES.get(readSafely(fields.value, 'type'));
}

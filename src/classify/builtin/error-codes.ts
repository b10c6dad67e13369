import type { BuiltinErrorType } from '../../errors/taxonomy.js';

/**
 * String `code`s → type: Node.js system errors (libuv), undici, axios, and the gRPC-style codes
 * Firebase uses. A code is a stronger signal than a message, so it is checked first.
 *
 * @see https://nodejs.org/api/errors.html#common-system-errors
 * @see https://undici.nodejs.org/#/docs/api/Errors
 */
// prettier-ignore
export const ERROR_CODE_TYPES: ReadonlyMap<string, BuiltinErrorType> = new Map<string, BuiltinErrorType>([
  // Node.js (libuv) socket and DNS errors: `connect ECONNREFUSED 127.0.0.1:3000`,
  // `read ECONNRESET`, `socket hang up` (ECONNRESET), `getaddrinfo ENOTFOUND host`.
  ['ECONNREFUSED', 'network_error'],
  ['ECONNRESET', 'network_error'],
  ['ECONNABORTED', 'network_error'],
  ['ENOTFOUND', 'network_error'],
  ['EAI_AGAIN', 'network_error'],
  ['EPIPE', 'network_error'],
  ['EHOSTUNREACH', 'network_error'],
  ['EHOSTDOWN', 'network_error'],
  ['ENETUNREACH', 'network_error'],
  ['ENETDOWN', 'network_error'],
  ['EADDRNOTAVAIL', 'network_error'],
  ['ERR_STREAM_PREMATURE_CLOSE', 'network_error'],
  ['ERR_HTTP2_STREAM_ERROR', 'network_error'],
  ['ERR_HTTP2_SESSION_ERROR', 'network_error'],
  ['ERR_SOCKET_CLOSED', 'network_error'],
  // Node.js timeouts; `ESOCKETTIMEDOUT` from `request`/`got`.
  ['ETIMEDOUT', 'timeout'],
  ['ESOCKETTIMEDOUT', 'timeout'],
  ['ERR_SOCKET_CONNECTION_TIMEOUT', 'timeout'],
  // Node.js `AbortError` (`The operation was aborted`).
  ['ABORT_ERR', 'cancelled'],
  // Node.js file system and process limits.
  ['ENOENT', 'data_not_found'],
  ['EACCES', 'permission_denied'],
  ['EPERM', 'permission_denied'],
  ['ENOSPC', 'resource_exhausted'],
  ['EDQUOT', 'resource_exhausted'],
  ['EMFILE', 'resource_exhausted'],
  ['ENFILE', 'resource_exhausted'],
  ['ENOMEM', 'resource_exhausted'],
  ['ERR_OUT_OF_MEMORY', 'resource_exhausted'],
  // Node.js argument checks, assertions and module resolution: the code is wrong.
  ['ERR_INVALID_ARG_TYPE', 'programming_error'],
  ['ERR_INVALID_ARG_VALUE', 'programming_error'],
  ['ERR_INVALID_URL', 'programming_error'],
  ['ERR_INVALID_STATE', 'programming_error'],
  ['ERR_INVALID_THIS', 'programming_error'],
  ['ERR_MISSING_ARGS', 'programming_error'],
  ['ERR_OUT_OF_RANGE', 'programming_error'],
  ['ERR_INVALID_HTTP_TOKEN', 'programming_error'],
  ['ERR_ASSERTION', 'programming_error'],
  ['ERR_HTTP_HEADERS_SENT', 'programming_error'],
  ['MODULE_NOT_FOUND', 'programming_error'],
  ['ERR_MODULE_NOT_FOUND', 'programming_error'],
  // Node.js `TextDecoder` with `fatal: true` on bytes that are not valid UTF-8: bad input.
  ['ERR_ENCODING_INVALID_ENCODED_DATA', 'format_error'],
  // undici (Node.js fetch).
  ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
  ['UND_ERR_HEADERS_TIMEOUT', 'timeout'],
  ['UND_ERR_BODY_TIMEOUT', 'timeout'],
  ['UND_ERR_SOCKET', 'network_error'],
  ['UND_ERR_CLOSED', 'network_error'],
  ['UND_ERR_DESTROYED', 'network_error'],
  ['UND_ERR_ABORTED', 'cancelled'],
  ['UND_ERR_INVALID_ARG', 'programming_error'],
  ['UND_ERR_REQ_CONTENT_LENGTH_MISMATCH', 'programming_error'],
  ['UND_ERR_RES_EXCEEDED_MAX_SIZE', 'resource_exhausted'],
  // axios (`AxiosError.code`); ECONNABORTED is split by `classifyAxiosError`.
  ['ERR_NETWORK', 'network_error'],
  ['ERR_CANCELED', 'cancelled'],
  ['ERR_BAD_RESPONSE', 'external_service_error'],
  ['ERR_FR_TOO_MANY_REDIRECTS', 'external_service_error'],
  ['ERR_BAD_OPTION', 'programming_error'],
  ['ERR_BAD_OPTION_VALUE', 'programming_error'],
  // Bun fetch: `Unable to connect. Is the computer able to access the url?` (ConnectionRefused),
  // `Was there a typo in the url or port?` (FailedToOpenSocket), `The socket connection was
  // closed unexpectedly.` (ConnectionClosed).
  ['ConnectionRefused', 'network_error'],
  ['ConnectionClosed', 'network_error'],
  ['FailedToOpenSocket', 'network_error'],
  // mini-css-extract-plugin: `Loading CSS chunk 7 failed.`
  ['CSS_CHUNK_LOAD_FAILED', 'network_error'],
  // Firebase (gRPC canonical codes, kebab-case) and Firebase Auth.
  ['deadline-exceeded', 'timeout'],
  ['unavailable', 'network_error'], // Firestore: `Failed to get document because the client is offline.`
  ['unauthenticated', 'authentication_failed'],
  ['permission-denied', 'permission_denied'],
  ['resource-exhausted', 'rate_limited'],
  ['not-found', 'data_not_found'],
  ['cancelled', 'cancelled'],
  ['auth/network-request-failed', 'network_error'],
  ['auth/too-many-requests', 'rate_limited'],
  ['auth/user-token-expired', 'authentication_failed'],
  ['auth/id-token-expired', 'authentication_failed'],
  ['auth/requires-recent-login', 'authentication_failed'],
  ['auth/popup-closed-by-user', 'cancelled'],
  ['auth/cancelled-popup-request', 'cancelled'],
]);

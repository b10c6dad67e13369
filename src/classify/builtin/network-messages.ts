import type { MessageRow } from './message-table.js';

/**
 * What `fetch` (and the socket layers under it) say when no response arrived, by runtime. Short,
 * generic strings are anchored (`^…$`) so they match only the runtime's exact message.
 *
 * @see https://github.com/sindresorhus/ky/blob/main/source/utils/is-network-error.ts
 */
// prettier-ignore
export const FETCH_FAILURE_MESSAGES: readonly MessageRow[] = [
  // Chrome, Edge (Chromium): `TypeError: Failed to fetch`, since 2025 `Failed to fetch (host)`;
  // `network error` when the body stream breaks after the headers arrived.
  ['Failed to fetch', 'network_error'],
  [/^network error$/, 'network_error'],
  // Chromium service workers: registration or update could not download the script.
  ['An unknown error occurred when fetching the script', 'network_error'],
  // Chromium net stack, as Electron, Puppeteer and `Failed to load resource:` print it.
  [/net::ERR_(?:TIMED_OUT|CONNECTION_TIMED_OUT)\b/, 'timeout'],
  [/net::ERR_ABORTED\b/, 'cancelled'],
  [/net::ERR_(?!TIMED_OUT|CONNECTION_TIMED_OUT|ABORTED\b)[A-Z_]+/, 'network_error'],
  // Firefox: every fetch failure, CORS and mixed content included.
  ['NetworkError when attempting to fetch resource', 'network_error'],
  // Safari / WebKit: 17+ says `Load failed` (18.4+ `Load failed (host)`); older versions and
  // iOS pass the NSURLError description through.
  [/^Load failed(?: \([^)]*\))?$/, 'network_error'],
  ['The Internet connection appears to be offline', 'network_error'],
  ['The network connection was lost', 'network_error'],
  ['A server with the specified hostname could not be found', 'network_error'],
  ['Could not connect to the server', 'network_error'],
  ['An SSL error has occurred and a secure connection to the server cannot be made', 'network_error'],
  ['The request timed out', 'timeout'],
  // Bun (WebKit) and Safari XHR: ` A network error occurred.` (Bun keeps a leading space).
  ['A network error occurred', 'network_error'],
  ['Is the computer able to access the url', 'network_error'],
  ['The socket connection was closed unexpectedly', 'network_error'],
  // Cloudflare workerd: a plain `Error` (not TypeError) for dropped connections and for fetch
  // failing inside the runtime (`internal error; reference = 6b1ij…`).
  ['Network connection lost', 'network_error'],
  [/^internal error(?:; reference = [\w-]+)?$/, 'network_error'],
  // Deno: `TypeError: fetch failed` (2.x) whose cause says `error sending request for url (…):
  // client error (Connect): tcp connect error: Connection refused (os error 111)`; 1.x put that
  // text in the TypeError itself. WebSockets: `NetworkError: failed to connect to WebSocket`.
  ['error sending request for url', 'network_error'],
  ['error sending request from', 'network_error'],
  ['tcp connect error', 'network_error'],
  ['dns error: failed to lookup address', 'network_error'],
  ['connection closed before message completed', 'network_error'],
  ['failed to connect to WebSocket', 'network_error'],
  // Node.js (undici): `TypeError: fetch failed` with the socket error as `cause`; `terminated`
  // when the body stream breaks; `SocketError: other side closed`.
  [/^fetch failed$/, 'network_error'],
  [/^terminated$/, 'network_error'],
  [/^other side closed$/, 'network_error'],
  ['Connect Timeout Error', 'timeout'],
  ['Headers Timeout Error', 'timeout'],
  ['Body Timeout Error', 'timeout'],
  // Node.js (net, http, dns): `connect ECONNREFUSED 127.0.0.1:3000`, `read ECONNRESET`,
  // `getaddrinfo ENOTFOUND host`, `socket hang up`, `write EPIPE`; as log lines carry them too.
  [/\b(?:ETIMEDOUT|ESOCKETTIMEDOUT)\b/, 'timeout'],
  [/\b(?:ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EPIPE|EHOSTUNREACH|ENETUNREACH|ENETDOWN)\b/, 'network_error'],
  ['socket hang up', 'network_error'],
  ['Client network socket disconnected before secure TLS connection was established', 'network_error'],
  // Prisma P1001 `Can't reach database server at …`; socket.io-client `xhr poll error`,
  // `websocket error`.
  ["Can't reach database server", 'network_error'],
  [/^(?:xhr poll|xhr post|websocket) error$/, 'network_error'],
  // React Native, whatwg-fetch and cross-fetch polyfills (XMLHttpRequest underneath).
  ['Network request failed', 'network_error'],
  ['Network request timed out', 'timeout'],
  // axios `AxiosError: Network Error` (code ERR_NETWORK) matches Chrome's row above (case is
  // ignored); ky 2 `NetworkError: Request failed due to a network error: GET https://…`.
  ['Request failed due to a network error', 'network_error'],
  // node-fetch `FetchError` (type `request-timeout` / `body-timeout`) and got (`TimeoutError`).
  ['network timeout at:', 'timeout'],
  ['Response timeout while trying to fetch', 'timeout'],
  [/Timeout awaiting '\w+' for \d+ms/, 'timeout'],
  // axios: `timeout of 5000ms exceeded` (code ECONNABORTED, or ETIMEDOUT when clarified).
  [/^timeout (?:of \d+ms )?exceeded$/, 'timeout'],
];

/**
 * CORS and mixed-content failures. Browsers reject `fetch` with the plain network message above
 * (Chrome `Failed to fetch`, Firefox `NetworkError when…`, Safari `Load failed`); these are the
 * fuller texts Safari puts in the error and that console-capturing integrations pick up.
 */
// prettier-ignore
export const CORS_MESSAGES: readonly MessageRow[] = [
  // Safari: `Fetch API cannot load https://x due to access control checks.` (XHR says
  // `XMLHttpRequest cannot load …`), `Origin https://a is not allowed by
  // Access-Control-Allow-Origin.`, `Preflight response is not successful. Status code: 403`.
  ['due to access control checks', 'network_error'],
  ['is not allowed by Access-Control-Allow-Origin', 'network_error'],
  ['Preflight response is not successful', 'network_error'],
  ['was not allowed to display insecure content', 'network_error'],
  // Chrome console: `Access to fetch at '…' from origin '…' has been blocked by CORS policy`,
  // `Mixed Content: The page at '…' was loaded over HTTPS, but requested an insecure resource`.
  ['has been blocked by CORS policy', 'network_error'],
  ['was loaded over HTTPS, but requested an insecure', 'network_error'],
  ['Cross origin requests are only supported for', 'network_error'],
  // Firefox console: `Cross-Origin Request Blocked: …`, `Blocked loading mixed active content`.
  ['Cross-Origin Request Blocked', 'network_error'],
  ['Blocked loading mixed active content', 'network_error'],
];

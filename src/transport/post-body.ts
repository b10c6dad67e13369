/**
 * One HTTP exchange with the collector, read back as data (STYLE §2 item 8): the status, the
 * `Retry-After` header and the parsed JSON body, under a timeout that covers the body too.
 *
 * @module
 */
import type { Timers } from '../runtime/timers.js';
import { OWN_REQUEST } from './own-request.js';
import { isRetryableStatus } from '../retry/retryable-status.js';

/** What the collector answered. */
export interface CollectorAnswer {
  /** The HTTP status. */
  readonly status: number;
  /** The `Retry-After` header, if any. */
  readonly retryAfter: string | null;
  /** The JSON body (`undefined` when empty, not JSON, or not read: 5xx, 408, 429). */
  readonly body: unknown;
}

/** How {@link postBody} sends. */
export interface PostOptions {
  /** The unwrapped `fetch` captured when the transport was made (see `own-request.ts`). */
  readonly fetch: typeof fetch;
  /** Abort the request (and its body) after this many ms. */
  readonly timeoutMs: number;
  readonly timers: Timers;
  /** The caller's cancellation. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * POSTs `body` to `url` and reads the answer. Rejects only when no answer came: the fetch
 * failure, a `TimeoutError` DOMException after `timeoutMs`, or the caller's abort reason.
 * Cookies are never sent (`credentials: 'omit'`): the key identifies the project.
 *
 * @example
 * const answer = await postBody(url, text, { 'x-faultline-key': key }, { fetch, timeoutMs: 30_000, timers });
 */
export async function postBody(
  url: string,
  body: BodyInit,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<CollectorAnswer> {
  const { signal, timers, timeoutMs } = options;
  const controller = new AbortController();
  const cancel = () => controller.abort(signal?.reason);
  if (signal?.aborted) cancel();
  signal?.addEventListener('abort', cancel);
  const timer = timers.set(() => {
    const message = `The collector did not answer within ${timeoutMs} ms`;
    controller.abort(new DOMException(message, 'TimeoutError'));
  }, timeoutMs);
  try {
    const init = {
      method: 'POST',
      body,
      headers,
      signal: controller.signal,
      [OWN_REQUEST]: true,
    } satisfies RequestInit & { [OWN_REQUEST]: true };
    const fetchFn = options.fetch; // called detached: a browser's fetch refuses any other `this`
    // Raced against the abort too: a fetch that ignores its signal (a polyfill, a wrapper)
    // must not hold a send, a flush or `close` past its timeout.
    const aborted = whenAborted(controller.signal);
    const response = await Promise.race([fetchFn(url, init), aborted]);
    const { status } = response;
    const retryAfter = response.headers.get('retry-after');
    if (isRetryableStatus(status)) {
      response.body?.cancel().catch(() => {});
      return { status, retryAfter, body: undefined };
    }
    const text = await Promise.race([response.text(), aborted]);
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // A proxy's HTML error page: the status alone decides.
    }
    return { status, retryAfter, body: parsed };
  } finally {
    timers.clear(timer);
    signal?.removeEventListener('abort', cancel);
  }
}

/** Rejects with the signal's reason once it aborts; never settles otherwise. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** The collector's error message (`{ error: FaultError JSON }`), else `HTTP <status>`. */
export function collectorMessage(answer: CollectorAnswer): string {
  const error = (answer.body as { error?: { message?: unknown } } | undefined)?.error;
  return typeof error?.message === 'string' ? error.message : `HTTP ${answer.status}`;
}

/**
 * Whether an answer acknowledges the batch: a 202, or another 2xx whose JSON body says how many
 * events were `accepted` (a proxy may change the status). Any other 2xx is a page that is not the
 * collector (a wrong endpoint, a catch-all rewrite): taking it for an acknowledgement would
 * delete the events unsent.
 */
export function isAcknowledgement(status: number, body: unknown): boolean {
  if (status === 202) return true;
  return (
    status >= 200 && status < 300 && typeof (body as { accepted?: unknown })?.accepted === 'number'
  );
}

/** The `rejected[]` of a 202 answer, as index → the collector's FaultError JSON. */
export function rejectedByIndex(body: unknown): Map<number, unknown> {
  const rejected = new Map<number, unknown>();
  const list = (body as { rejected?: unknown } | undefined)?.rejected;
  if (Array.isArray(list)) {
    for (const entry of list as { index?: unknown; error?: unknown }[]) {
      if (typeof entry?.index === 'number') rejected.set(entry.index, entry.error);
    }
  }
  return rejected;
}

import { isFaultError } from '../errors/is-fault-error.js';
import { readSafely } from '../errors/read-safely.js';

interface HeadersLike {
  get(name: string): string | null;
}

function headersOf(value: unknown): HeadersLike | undefined {
  const headers = readSafely(value, 'headers');
  return typeof readSafely(headers, 'get') === 'function' ? (headers as HeadersLike) : undefined;
}

/**
 * How long `text` (a `Retry-After` value: delay-seconds or an HTTP date) asks to wait, in ms
 * from `now` (ms since the epoch); `undefined` when it is neither.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function parseRetryAfter(text: string, now: number): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait a failure asks for, in ms, or `undefined`: a FaultError's `context.retryAfterMs`
 * (an open breaker, a rate limiter), else the `Retry-After` or `RateLimit-Reset` header of a
 * Response — the failure itself or its `response` property (HTTP client errors).
 */
export function retryAfterMs(failure: unknown, now: number): number | undefined {
  if (isFaultError(failure)) {
    const fromContext = readSafely(failure.context, 'retryAfterMs');
    if (typeof fromContext === 'number' && fromContext >= 0) return fromContext;
  }
  const headers = headersOf(failure) ?? headersOf(readSafely(failure, 'response'));
  if (headers === undefined) return undefined;
  try {
    const retryAfter = headers.get('retry-after');
    if (retryAfter !== null) return parseRetryAfter(retryAfter, now);
    const reset = headers.get('ratelimit-reset');
    if (reset !== null && /^\s*\d+\s*$/.test(reset)) return Number(reset) * 1000;
  } catch {
    // A hostile headers object gives no hint.
  }
  return undefined;
}

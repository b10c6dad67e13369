import type { CircuitBreakerOptions } from '../breaker/options.js';
import { checkOptions } from '../policy/option-checks.js';
import type { Clock } from '../runtime/clock.js';
import type { Timers } from '../runtime/timers.js';
import type { RetryOptions } from '../retry/retry.js';
import type { PropagateTraceTo } from './trace-propagation.js';

/** Retry options of {@link resilientFetch}: those of `retry()`, plus which methods replay. */
export interface FetchRetryOptions extends RetryOptions {
  /**
   * Methods retried without an `Idempotency-Key` header. Default `GET HEAD OPTIONS PUT DELETE`;
   * add `POST` only when the server deduplicates.
   */
  readonly methods?: readonly string[];
}

/** Per-attempt and overall time limits, in ms. */
export interface FetchTimeouts {
  /** Each attempt's limit. Default 10 000. */
  readonly attemptMs?: number;
  /** The whole call's limit, retries and waits included. Default 60 000. */
  readonly totalMs?: number;
}

/** What `onAuthError` is told about a 401. */
export interface AuthErrorDetails {
  /** The request that was refused (its body is already sent; do not read it). */
  readonly request: Request;
  readonly response: Response;
}

/**
 * Refreshes credentials after a 401, once per call: return headers to set on the repeated
 * request (e.g. a new `Authorization`), `true` to repeat it unchanged (a cookie was renewed),
 * or `false`/nothing to resolve with the 401.
 */
export type AuthErrorHandler = (
  details: AuthErrorDetails,
) => HeadersInit | boolean | undefined | PromiseLike<HeadersInit | boolean | undefined>;

/** What {@link resilientFetch} needs of a rate limiter (`rateLimiter()` fits). */
export interface FetchLimiter {
  take(key: string): PromiseLike<{ readonly allowed: boolean; readonly retryAfterMs: number }>;
}

/** Options of {@link resilientFetch} (names fixed by SPEC §3); every field is optional. */
export interface ResilientFetchOptions {
  /** Retry options, or `false` for a single attempt. Default `{ attempts: 3 }`. */
  readonly retry?: FetchRetryOptions | false;
  /** Options of each origin's breaker, or `false` for none. Default `circuitBreaker()`'s. */
  readonly breaker?: Omit<CircuitBreakerOptions, 'name' | 'clock'> | false;
  /** A number limits each attempt; an object sets both limits. Default `{ attemptMs: 10 000, totalMs: 60 000 }`. */
  readonly timeoutMs?: number | FetchTimeouts;
  /**
   * Takes one unit per attempt, keyed by origin, except while every breaker is open; a refusal
   * waits (or fails) like a 429, and no breaker counts it.
   */
  readonly limiter?: FetchLimiter;
  /** Origins (`https://eu.api.example.com`) tried in order while the primary's breaker is open. */
  readonly fallbackOrigins?: readonly string[];
  /** Refreshes credentials once per call on a 401. */
  readonly onAuthError?: AuthErrorHandler;
  /** The underlying fetch. Default `globalThis.fetch`, read at call time. */
  readonly fetch?: typeof fetch;
  /** Where `traceparent` is sent. Default: same origin in browsers, everywhere elsewhere. */
  readonly propagateTraceTo?: PropagateTraceTo;
  /** The caller's operation: requests continue its trace. Default: a new trace per call. */
  readonly context?: { traceparent(): string };
  /** Time source. Default: the system clock. */
  readonly clock?: Clock;
  /** Timer source. Default: the system timers. */
  readonly timers?: Timers;
}

/** Checks the options {@link resolveFetchOptions} does not hand to another policy. */
export function checkFetchOptions(options: ResilientFetchOptions): void {
  const checks = checkOptions('resilientFetch options')
    .fn('fetch', options.fetch)
    .fn('onAuthError', options.onAuthError)
    .object('limiter', options.limiter);
  const timeouts = options.timeoutMs;
  if (typeof timeouts === 'object' && timeouts !== null) {
    checks
      .number('timeoutMs.attemptMs', timeouts.attemptMs, { min: 1, infinite: true })
      .number('timeoutMs.totalMs', timeouts.totalMs, { min: 1, infinite: true });
  } else {
    checks.number('timeoutMs', timeouts, { min: 1, infinite: true });
  }
  for (const [index, origin] of (options.fallbackOrigins ?? []).entries()) {
    const ok = typeof origin === 'string' && isAbsoluteUrl(origin);
    checks.that(`fallbackOrigins.${index}`, origin, ok, 'an absolute URL such as https://host');
  }
  checks.done();
}

function isAbsoluteUrl(text: string): boolean {
  try {
    return new URL(text).origin !== 'null';
  } catch {
    return false;
  }
}

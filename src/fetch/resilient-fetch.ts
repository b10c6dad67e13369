import { circuitBreaker } from '../breaker/breaker.js';
import type { CircuitBreaker } from '../breaker/circuit-breaker.js';
import { randomHex } from '../runtime/random-id.js';
import { formatTraceparent } from '../context/traceparent.js';
import { FaultError } from '../errors/fault-error.js';
import { isFaultError } from '../errors/is-fault-error.js';
import { compose } from '../policy/compose.js';
import type { ExecutionContext, Policy } from '../policy/policy.js';
import { systemClock } from '../runtime/clock.js';
import { timeout } from '../policy/timeout.js';
import { retry, type RetryOptions } from '../retry/retry.js';
import { isRetryableStatus } from '../retry/retryable-status.js';
import { IDEMPOTENT_METHODS, isReplayable } from './idempotent.js';
import {
  checkFetchOptions,
  type FetchLimiter,
  type FetchTimeouts,
  type ResilientFetchOptions,
} from './options.js';
import { buildRequest, createRequestTemplate, type RequestTemplate } from './request-template.js';
import { tracePropagation } from './trace-propagation.js';

const MAX_BREAKERS = 1000;

function discard(response: Response): void {
  response.body?.cancel().catch(() => {}); // frees the connection of a response we drop
}

/** How long past its total a call may run before the outer timeout ends it (see below). */
const TOTAL_GRACE_MS = 1000;

/**
 * A drop-in `fetch` with a circuit breaker per origin, retries of replayable requests
 * (idempotent methods, or an `Idempotency-Key`) on network failures, timeouts, 408, 429 and
 * 5xx honouring `Retry-After`, a timeout per attempt and overall, an optional rate limiter, W3C
 * `traceparent`, one credential refresh on 401 and fallback origins while the primary's breaker
 * is open (SPEC §3). Bodies are buffered once so retries can resend them.
 *
 * When retries run out on HTTP statuses it resolves with the last Response, as `fetch` would;
 * it rejects with a FaultError only for network failures (`network_error`), timeouts
 * (`timeout`), an open circuit (`circuit_open`) or an abort (`cancelled`), with the attempts in
 * `context.attempts` and recoveries tried in `context.recovery`.
 *
 * @throws FaultError 1101/1201/1203 when an option is invalid.
 * @example
 * const api = resilientFetch({ retry: { attempts: 4 }, timeoutMs: 5000 });
 * const res = await api('https://api.example.com/cart', { signal });
 */
export function resilientFetch(options: ResilientFetchOptions = {}): typeof fetch {
  checkFetchOptions(options);
  const { clock, timers, limiter, onAuthError, context: operation } = options;
  const time = { ...(clock && { clock }), ...(timers && { timers }) };
  const retryOptions = options.retry === false ? { attempts: 1 } : (options.retry ?? {});
  const methods = (retryOptions as { methods?: readonly string[] }).methods ?? IDEMPOTENT_METHODS;
  const limits: FetchTimeouts =
    typeof options.timeoutMs === 'number'
      ? { attemptMs: options.timeoutMs }
      : (options.timeoutMs ?? {});
  // A longer attempt than the default total asks for that long: the total follows it.
  const totalMs = limits.totalMs ?? Math.max(60_000, limits.attemptMs ?? 0);
  // Retries fit in the total: a wait that would outlast it (an open breaker's 10 s, a long
  // Retry-After) ends the call at once with the last failure, not with a timeout after it.
  const budget = { maxElapsedMs: (retryOptions as RetryOptions).maxElapsedMs ?? totalMs };
  const replaying = retry({ ...retryOptions, ...budget, ...time });
  // A Response retried is a Response whose body nobody will read (one attempt never retries).
  replaying.onRetry(({ error }) => error instanceof Response && discard(error));
  const attemptMs = limits.attemptMs ?? 10_000;
  const attemptTimeout = timeout(attemptMs, time);
  // The total is kept by the attempts themselves (the last one is cut where the total ends, so
  // its timeout is recorded among the attempts); this outer one, a moment later, only ends a
  // call stuck outside any attempt (a limiter's store that does not answer).
  const totalTimeout = timeout(totalMs + TOTAL_GRACE_MS, time);
  const monotonic = () => (clock ?? systemClock).monotonic();
  const withRetries: Policy = compose(totalTimeout, replaying);
  const once: Policy = compose(
    totalTimeout,
    retry({ ...retryOptions, ...budget, ...time, attempts: 1 }),
  );
  const breakerOptions = options.breaker;
  const breakers = new Map<string, CircuitBreaker>();
  const fallbackOrigins = (options.fallbackOrigins ?? []).map((o) => new URL(o).origin);
  const shouldTrace = tracePropagation(options.propagateTraceTo);

  function breakerFor(origin: string): CircuitBreaker | undefined {
    if (breakerOptions === false) return undefined;
    let breaker = breakers.get(origin);
    if (breaker === undefined) {
      if (breakers.size >= MAX_BREAKERS) evictClosedBreaker();
      breaker = circuitBreaker({ ...breakerOptions, ...time, name: origin });
      breakers.set(origin, breaker);
    }
    return breaker;
  }
  function evictClosedBreaker(): void {
    for (const [origin, breaker] of breakers) {
      if (breaker.state === 'closed') {
        breaker.dispose();
        breakers.delete(origin);
        return;
      }
    }
  }

  /** The `traceparent` to add to a request that has none, or undefined when it has one. */
  function newTraceparent(template: RequestTemplate): string | undefined {
    if (template.headers.has('traceparent')) return undefined; // the caller's own wins
    return (
      operation?.traceparent() ??
      formatTraceparent({ traceId: randomHex(16), spanId: randomHex(8), sampled: true })
    );
  }

  async function call(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const template = await createRequestTemplate(input, init);
    const primary = new URL(template.url);
    const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const traceparent = newTraceparent(template);
    let headers = template.headers;
    const recovery: Record<string, unknown>[] = [];
    const deadline = monotonic() + totalMs;
    let refreshed = false;
    const underlying = options.fetch ?? globalThis.fetch;

    /** One request to `url`: trace header where allowed, the caller's signal kept for the body. */
    function requestTo(url: string, signal: AbortSignal): Request {
      let sent = headers;
      if (traceparent !== undefined && shouldTrace(new URL(url))) {
        sent = new Headers(headers);
        sent.set('traceparent', traceparent);
      }
      // The attempt's signal ends with the attempt; the caller's must still abort the body.
      const both =
        callerSignal && AbortSignal.any ? AbortSignal.any([signal, callerSignal]) : signal;
      return buildRequest(template, url, sent, both);
    }

    async function send(url: string, signal: AbortSignal): Promise<Response> {
      let request = requestTo(url, signal);
      let response = await underlying(request);
      if (response.status === 401 && onAuthError !== undefined && !refreshed) {
        refreshed = true;
        let renewed: Awaited<ReturnType<typeof onAuthError>>;
        try {
          renewed = await onAuthError({ request, response });
        } catch {
          // The refresh failed (the token endpoint is down): the 401 stands. It is the
          // origin's answer, not the origin's failure, so no breaker counts it.
          renewed = false;
        }
        recovery.push({ action: 'auth_refresh', renewed: renewed !== false && renewed != null });
        if (renewed !== false && renewed != null) {
          discard(response);
          if (renewed !== true) {
            headers = new Headers(headers);
            new Headers(renewed).forEach((value, name) => headers.set(name, value));
          }
          request = requestTo(url, signal);
          response = await underlying(request);
        }
      }
      if (isRetryableStatus(response.status)) throw response;
      return response;
    }

    /** Takes the origin's token; a refusal is back-pressure, which no breaker counts. */
    async function admit(rates: FetchLimiter, origin: string): Promise<void> {
      const decision = await rates.take(origin);
      if (!decision.allowed) {
        throw new FaultError('rate_limited', `Rate limit reached for ${origin}`, {
          captureStack: false,
          context: { origin, retryAfterMs: decision.retryAfterMs },
        });
      }
    }

    /**
     * One attempt on `origin`. The limiter is asked before the breaker, so that neither its
     * refusals nor its own failures (an unreachable shared store) are counted as the origin's
     * outcomes, nor hold a half-open probe; `limited: false` skips it for a call the breaker is
     * known to turn away.
     */
    async function attemptOn(
      origin: string,
      context: ExecutionContext,
      limited = true,
    ): Promise<Response> {
      if (limited && limiter !== undefined) await admit(limiter, origin);
      let url = template.url;
      if (origin !== primary.origin) {
        // The primary's path on the fallback's origin: set, never resolved (`//host/x` as a
        // path would resolve to another host).
        const moved = new URL(primary.href);
        const target = new URL(origin);
        moved.protocol = target.protocol;
        moved.host = target.host;
        moved.username = moved.password = moved.hash = '';
        url = moved.href;
        recovery.push({ action: 'fallback_origin', origin, attempt: context.attempt });
      }
      const left = deadline - monotonic();
      const limit = left >= attemptMs ? attemptTimeout : timeout(Math.max(1, left), time);
      const guarded = (inner: ExecutionContext): Promise<Response> =>
        limit.execute(({ signal }) => send(url, signal), inner);
      const breaker = breakerFor(origin);
      return breaker === undefined ? guarded(context) : breaker.execute(guarded, context);
    }

    /** The primary, else each fallback in turn while breakers refuse (open, or probing). */
    async function attempt(context: ExecutionContext): Promise<Response> {
      let refusal: unknown;
      for (const origin of [primary.origin, ...fallbackOrigins]) {
        if (breakerFor(origin)?.state === 'open') continue;
        try {
          return await attemptOn(origin, context);
        } catch (error) {
          if (!isFaultError(error) || error.type !== 'circuit_open') throw error;
          refusal ??= error;
        }
      }
      if (refusal !== undefined) throw refusal;
      // Every breaker is open (nothing was awaited since each said so): the primary's refusal,
      // with no token spent on a request that does not go out.
      return attemptOn(primary.origin, context, false);
    }

    const policy = isReplayable(template.method, headers, methods) ? withRetries : once;
    try {
      return await policy.execute(attempt, callerSignal ? { signal: callerSignal } : undefined);
    } catch (error) {
      if (isFaultError(error) && error.cause instanceof Response) return error.cause;
      throw withRecovery(error, recovery);
    }
  }
  return call as typeof fetch;
}

/** The error with the recoveries tried recorded in its context (SPEC §3, recovery). */
function withRecovery(error: unknown, recovery: Record<string, unknown>[]): unknown {
  if (recovery.length === 0 || !isFaultError(error)) return error;
  return FaultError.from(error, { context: { recovery } });
}

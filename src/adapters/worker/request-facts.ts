/**
 * What an event records about the incoming request that failed: its method, its URL without
 * secrets, its user agent, and its trace or Cloudflare ray id as correlation. Never its client's
 * IP address (`cf-connecting-ip`, `x-forwarded-for`), cookies or other headers.
 *
 * @module
 */
import type { EventOrigin } from '../../client/build-event.js';
import type { CaptureHint } from '../../client/capture-hint.js';
import { parseTraceparent } from '../../context/traceparent.js';
import { createScrubber, type Scrubber } from '../../scrub/scrub.js';
import type { ScrubOptions } from '../../scrub/scrub-options.js';

/**
 * A bare `key` parameter in a request URL is nearly always an API key (`?key=…` of Google's
 * and faultline's own beacons); the core scrubber leaves a bare `key` alone because in event
 * data it as often names a cache or list key.
 */
const URL_KEYS: readonly RegExp[] = [/^key$/i];

/**
 * The scrubber of request URLs: the client's scrub options plus a bare `key` parameter.
 *
 * @example
 * requestUrlScrubber()('https://api.example/v1?key=AIza…&token=abc&page=2');
 * // 'https://api.example/v1?key=[Filtered]&token=[Filtered]&page=2'
 */
export function requestUrlScrubber(options: ScrubOptions = {}): Scrubber {
  return createScrubber({ ...options, keys: [...(options.keys ?? []), ...URL_KEYS] });
}

/** The capture hint and the event origin of one request. */
export interface RequestFacts {
  readonly hint: CaptureHint;
  readonly origin: EventOrigin;
}

/**
 * Reads a request's facts. A valid W3C `traceparent` gives the trace id, which is also the
 * correlation id (so the caller's events join this one); without one, Cloudflare's `cf-ray`
 * header is the correlation id.
 *
 * @see https://www.w3.org/TR/trace-context/#traceparent-header
 * @example
 * const { hint, origin } = requestFacts(request, scrubUrl);
 * // hint: { context: { request: { method: 'GET' } }, traceId: '4bf9…', correlationId: '4bf9…' }
 * // origin: { url: 'https://shop.example/cart?token=[Filtered]', userAgent: 'curl/8.5.0' }
 */
export function requestFacts(request: Request, scrubUrl: Scrubber): RequestFacts {
  const { headers } = request;
  const trace = parseTraceparent(headers.get('traceparent'));
  const ray = headers.get('cf-ray');
  const correlationId = trace?.traceId ?? ray ?? undefined;
  const userAgent = headers.get('user-agent') ?? undefined;
  return {
    hint: {
      context: { request: { method: request.method } },
      ...(trace !== undefined && { traceId: trace.traceId }),
      ...(correlationId !== undefined && { correlationId }),
    },
    origin: { url: scrubUrl(request.url), ...(userAgent !== undefined && { userAgent }) },
  };
}

/**
 * The per-event facts a caller hands to `captureException` and `captureMessage`.
 *
 * @module
 */
import type { Severity } from '../errors/taxonomy.js';

/** Extra facts for one captured event (`captureException(error, hint)`). */
export interface CaptureHint {
  /** Plain data merged over the error's own context and the scope's contexts. */
  readonly context?: Readonly<Record<string, unknown>>;
  /** Tags for this event only, merged over the scope's. */
  readonly tags?: Readonly<Record<string, unknown>>;
  /** Overrides the taxonomy's severity. */
  readonly severity?: Severity;
  /**
   * Groups the event by these parts instead of its type, message and frames, e.g.
   * `['checkout', 'payment-declined']`. A string is one part.
   */
  readonly fingerprint?: string | readonly string[];
  /** Joins this event with others, e.g. a request id or the W3C trace id of a request. */
  readonly correlationId?: string;
  /** The W3C trace id (32 lowercase hex digits) the failure happened in. */
  readonly traceId?: string;
  /**
   * Where it happened, e.g. the URL of the request a Worker was serving; overrides the
   * client's `origin` for this event. Scrubbed with the event.
   */
  readonly url?: string | undefined;
  /** The user agent, e.g. of the request a Worker was serving; overrides the client's `origin`. */
  readonly userAgent?: string | undefined;
}

/**
 * `over` laid over `base`: a field of `over` wins, and `tags` and `context` merge key by key.
 *
 * @example
 * mergeHints({ tags: { route: '/cart' } }, { tags: { step: 'pay' } }); // { tags: { route: '/cart', step: 'pay' } }
 */
export function mergeHints(base: CaptureHint, over: CaptureHint): CaptureHint {
  const merged: { -readonly [K in keyof CaptureHint]: CaptureHint[K] } = { ...base, ...over };
  if (isRecord(base.tags) && isRecord(over.tags)) merged.tags = { ...base.tags, ...over.tags };
  if (isRecord(base.context) && isRecord(over.context)) {
    merged.context = { ...base.context, ...over.context };
  }
  return merged;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

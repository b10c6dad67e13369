/**
 * The first half of the capture pipeline (SPEC §4): normalise → classify → scrub → fingerprint.
 * What comes out is a bounded, scrubbed wire event (SPEC §6) ready for the filters, dedupe and
 * the buffer.
 *
 * @module
 */
import { FaultError } from '../errors/fault-error.js';
import type { FromOptions } from '../errors/describe-thrown.js';
import type { Scrubber } from '../scrub/scrub.js';
import { fingerprint } from '../stack/fingerprint.js';
import { fnv1a64Parts } from '../stack/hash.js';
import type { StackFrame } from '../stack/stack-frame.js';
import type { WireEvent } from '../wire/event-schema.js';
import { fitWireLimits } from '../wire/fit-wire-limits.js';
import { WIRE_LIMITS as L } from '../wire/limits.js';
import { toPlainData, truncate } from '../wire/to-plain-data.js';
import type { CaptureHint } from './capture-hint.js';
import { fingerprintParts, severityOf } from './loose-input.js';
import type { Scope } from './scope.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Where the event happened: the page or request URL and the user agent. */
export interface EventOrigin {
  readonly url?: string | undefined;
  readonly userAgent?: string | undefined;
}

/** Everything {@link buildEvent} needs besides the thrown value. */
export interface EventSettings {
  readonly scope: Scope;
  readonly scrub: Scrubber;
  readonly release: string | undefined;
  readonly environment: string;
  readonly origin: (() => EventOrigin) | undefined;
  readonly classifier: FromOptions['classifier'];
}

const TRACE_ID = /^[0-9a-f]{32}$/;

/** A built event and its grouping key (what dedupe folds repeats by). */
export interface BuiltEvent {
  readonly event: WireEvent;
  /** The fingerprint: computed, or the app's own grouping (`hint.fingerprint`) as `c:<hash>`. */
  readonly key: string;
}

/**
 * Turns a FaultError into the scrubbed wire event the client buffers: its own wire form, plus
 * the scope (user, tags, contexts, breadcrumbs), release, environment and origin, scrubbed as
 * one value, with its fingerprint computed from the scrubbed message (so an email in a message
 * does not split an issue per user). The event carries a `fingerprint` only when the app chose
 * its grouping (`hint.fingerprint`), which the collector then honours; otherwise the collector
 * computes the same one from what it stores.
 *
 * @example
 * const { event, key } = buildEvent(normalise(thrown, undefined), { tags: { area: 'cart' } }, settings);
 * key; // '3f0c…' (16 hex digits)
 */
export function buildEvent(
  error: FaultError,
  hint: CaptureHint,
  settings: EventSettings,
): BuiltEvent {
  const event = error.toJSON() as Mutable<WireEvent>;
  const fields = settings.scope.fields(hint.tags, hint.context);
  if (fields.context !== undefined) {
    event.context = { ...event.context, ...fields.context };
  }
  if (event.context !== undefined) {
    event.context = toPlainData(event.context) as Record<string, unknown>;
  }
  if (fields.user !== undefined) event.user = toPlainData(fields.user) as Record<string, unknown>;
  if (fields.tags !== undefined) event.tags = fields.tags;
  if (fields.breadcrumbs !== undefined) event.breadcrumbs = fields.breadcrumbs;
  const severity = severityOf(hint.severity);
  if (severity !== undefined) event.severity = severity;
  if (hint.correlationId !== undefined) {
    event.correlationId = truncate(String(hint.correlationId), L.idLength);
  }
  if (typeof hint.traceId === 'string' && TRACE_ID.test(hint.traceId)) event.traceId = hint.traceId;
  if (settings.release !== undefined) event.release = settings.release;
  event.environment = settings.environment;
  const origin = settings.origin?.();
  const url = hint.url ?? origin?.url;
  const userAgent = hint.userAgent ?? origin?.userAgent;
  if (url !== undefined) event.url = truncate(String(url), L.urlLength);
  if (userAgent !== undefined) event.userAgent = truncate(String(userAgent), L.urlLength);
  const scrubbed = settings.scrub(event) as Mutable<WireEvent>;
  // Structural fields stay as made, as the collector keeps them: a random id or trace id may
  // hold a digit run that passes for a card number, and `[card]` is not a valid id.
  scrubbed.id = event.id;
  scrubbed.timestamp = event.timestamp;
  scrubbed.type = event.type;
  scrubbed.code = event.code;
  scrubbed.category = event.category;
  scrubbed.severity = event.severity;
  if (event.traceId !== undefined) scrubbed.traceId = event.traceId;
  fitWireLimits(scrubbed);
  const parts = fingerprintParts(hint.fingerprint);
  if (parts === undefined) {
    const key = fingerprint({
      type: scrubbed.type,
      message: scrubbed.message,
      frames: wireFrames(scrubbed),
    });
    return { event: scrubbed, key };
  }
  // `c:` marks the app's choice on the wire: only such a value groups at the collector, and it
  // is a hash, so no part the app chose (a user id, say) leaves the page.
  const key = `c:${fnv1a64Parts(parts)}`;
  scrubbed.fingerprint = key;
  return { event: scrubbed, key };
}

/** Wire frames are stack frames whose absent fields may be spelled `undefined`. */
function wireFrames(event: WireEvent): readonly StackFrame[] {
  return (event.frames ?? []) as readonly StackFrame[];
}

/**
 * Normalises what was thrown (SPEC §2): a FaultError as is, anything else through
 * `FaultError.from` with the client's classifier. Never throws.
 *
 * @example
 * normalise(new TypeError("Cannot read properties of undefined (reading 'id')"), undefined).type;
 * // 'programming_error'
 */
export function normalise(thrown: unknown, classifier: FromOptions['classifier']): FaultError {
  return FaultError.from(thrown, classifier === undefined ? {} : { classifier });
}

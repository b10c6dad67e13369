import { FaultError } from '../../../src/errors/fault-error.js';
import { createInPlaceScrubber } from '../../../src/scrub/scrub-in-place.js';
import { fingerprint } from '../../../src/stack/fingerprint.js';
import type { StackFrame } from '../../../src/stack/stack-frame.js';
import { WIRE_LIMITS } from '../../../src/wire/limits.js';
import { truncate } from '../../../src/wire/to-plain-data.js';
import { userIdText, userKey } from './user-key.js';
import { utf8Length } from './utf8-length.js';
import { wellFormed } from './well-formed.js';
import type { WireEvent } from '../../../src/wire/event-schema.js';
import type { Rejection, ValidEvent } from './validate-batch.js';

/** How far ahead of the collector's clock an event may be stamped before it is clamped. */
export const MAX_CLOCK_AHEAD_MS = 60_000;
/** Longest issue title; the full message stays in the event. */
export const TITLE_LENGTH = 1024;
/**
 * Most `occurrences` one event may claim; more is cut to this, so sums over a batch and an
 * issue's lifetime stay exact 64-bit integers.
 */
export const MAX_OCCURRENCES = 1_000_000_000;

/**
 * Keys whose values are client IP addresses (SPEC §5: client IPs are not stored by default).
 * The collector never reads the connection's address; this removes the ones SDKs or users put
 * in `user`, `context` or breadcrumb data.
 */
const IP_KEYS =
  /^(?:ips?|ipv[46]|ip[_-]?addr(?:ess)?(?:es)?|remote[_-]?addr(?:ess)?|x[_-]forwarded[_-]for|forwarded|x[_-](?:cluster[_-])?client[_-]ip|x[_-]real[_-]ip|cf[_-]connecting[_-]ip|true[_-]client[_-]ip)$/i;
/**
 * Keys that end in an IP word of their own: `user_ip`, `peer-ips`, `clientIp`, `peerIPs`,
 * `sourceIpAddress`. Case-sensitive, so that `zip` or `tooltip` are not taken for one.
 */
const IP_SUFFIX_KEYS =
  /(?:[_-](?:ip|IP)s?|[a-z\d](?:Ip|IP)s?|[a-z\d_-](?:Ip|IP|ip)[_-]?[Aa]ddr(?:ess)?(?:es)?)$/;

// Compiled once: the collector scrubs every event again with the SDK's defaults plus IP keys,
// whatever the client did (an old SDK, a hand-written sender, scrubbing turned off). In place:
// a validated event is parsed JSON that ingest owns, so the copy `scrub()` makes is not needed.
const scrubEvent = createInPlaceScrubber({ keys: [IP_KEYS, IP_SUFFIX_KEYS] });

/** An event ready to store: scrubbed, fingerprinted by the collector, serialised, within limits. */
export interface PreparedEvent {
  /** Position in the batch. */
  readonly index: number;
  readonly id: string;
  /** Computed here from the scrubbed event, whatever the client sent. */
  readonly fingerprint: string;
  /** When it happened, whole ms, clamped to the collector's clock when ahead of it. */
  readonly timestamp: number;
  readonly type: string;
  readonly category: string;
  readonly severity: string;
  /** How many times it happened (1 unless the client folded repeats into it). */
  readonly occurrences: number;
  /** Title of the issue this event would open: its scrubbed message (else name, else type). */
  readonly title: string;
  /**
   * The user's erasure key: {@link userKey} of the raw `user.id` (before scrubbing, untruncated);
   * `null` when the event names no user.
   */
  readonly userId: string | null;
  /** The stored event: the scrubbed wire event as JSON (see {@link prepareEvent}). */
  readonly payload: string;
}

function tooLarge(): FaultError {
  const limit = WIRE_LIMITS.eventBytes;
  const expected = `an event of at most ${limit} bytes of JSON once scrubbed`;
  const received = `more than ${limit} bytes`;
  return new FaultError(
    'format_error',
    `Invalid event: expected ${expected}, received ${received}`,
    {
      captureStack: false,
      context: { problems: [{ path: '', expected, received }] },
    },
  );
}

/**
 * Whether `payload` is at most {@link WIRE_LIMITS.eventBytes} bytes of UTF-8. Each UTF-16 unit
 * is 1 to 3 bytes: the length alone mostly tells, and the bytes are counted otherwise.
 */
function fitsEventBytes(payload: string): boolean {
  const limit = WIRE_LIMITS.eventBytes;
  if (payload.length * 3 <= limit) return true;
  return payload.length <= limit && utf8Length(payload) <= limit;
}

/** The app's own grouping as the SDK sends it: `c:` and a 64-bit hash in hex. */
const CHOSEN_FINGERPRINT = /^c:[0-9a-f]{16}$/;

/**
 * Makes a valid event storable (SPEC §5, §6):
 *
 * - scrubbed again — emails, cards, JWTs, credentials and sensitive URL parameters in every
 *   string, values under sensitive keys, client IP addresses under IP keys — since the
 *   collector cannot trust what a client did;
 * - grouped by the `fingerprint` the event carries when the app chose its own grouping: a
 *   `c:` and 16 hex digits, the hash the SDK sends only then (`captureException(error,
 *   { fingerprint })`); anything else a client sends there is ignored (it could hold personal
 *   data, or be an older SDK's own computation). Otherwise fingerprinted here from the
 *   scrubbed type, message and frames, so default grouping does not depend on the SDK's
 *   version or settings;
 * - normalised: `timestamp` in whole ms and never more than {@link MAX_CLOCK_AHEAD_MS} ahead of
 *   `receivedAt` (a skewed clock must not pin an issue to the top of the list), `occurrences`
 *   made explicit (default 1, at most {@link MAX_OCCURRENCES}), `fingerprint` set to the
 *   one grouped by; `id`, `type`, `code`, `category`, `severity`, `traceId` and a sent
 *   `fingerprint` kept as validated
 *   (the scrubber must not turn an id that looks like a card number into `[card]`);
 * - bounded: the JSON must fit {@link WIRE_LIMITS.eventBytes}, else the event is rejected.
 *
 * The event is scrubbed in place: the caller gives it up (it must be parsed JSON, as
 * `validateBatch` passes on). `userId` is the user's erasure key, computed by the caller from
 * the raw `user.id` beforehand (see {@link prepareEvents}): the scrubbed one may be `[email]`
 * and would mix users up.
 *
 * @example
 * const prepared = prepareEvent({ index: 0, event }, Date.now(), null);
 * if ('error' in prepared) rejected.push(prepared);
 */
export function prepareEvent(
  valid: ValidEvent,
  receivedAt: number,
  userId: string | null,
): PreparedEvent | Rejection {
  const { index, event } = valid;
  // What is kept as validated, read before the event is scrubbed in place.
  const { id, type, code, category, severity, traceId, fingerprint: chosen } = event;
  const whole = Math.floor(event.timestamp);
  const timestamp = whole > receivedAt + MAX_CLOCK_AHEAD_MS ? receivedAt : whole;
  const occurrences = Math.min(event.occurrences ?? 1, MAX_OCCURRENCES);
  // The event itself, scrubbed (the scrubber answers for JSON data with the same object, or
  // with a copy where keys are renamed): completed in place. Keys keep their places;
  // `fingerprint` and `occurrences` come last when the client sent none.
  const stored = scrubEvent(event) as WireEvent;
  // Texts the collector copies into its own columns (see `wellFormed`).
  stored.message = wellFormed(stored.message);
  if (stored.name !== undefined) stored.name = wellFormed(stored.name);
  if (stored.correlationId !== undefined) stored.correlationId = wellFormed(stored.correlationId);
  const print =
    typeof chosen === 'string' && CHOSEN_FINGERPRINT.test(chosen)
      ? chosen
      : fingerprint({
          type,
          message: stored.message,
          ...(stored.frames === undefined ? {} : { frames: stored.frames as StackFrame[] }),
        });
  stored.id = id;
  stored.timestamp = timestamp;
  stored.type = type;
  stored.code = code;
  stored.category = category;
  stored.severity = severity;
  stored.fingerprint = print;
  stored.occurrences = occurrences;
  if (traceId !== undefined) stored.traceId = traceId;
  // Serialised once: the stored payload, and its size is checked on that very string.
  const payload = JSON.stringify(stored);
  if (!fitsEventBytes(payload)) return { index, error: tooLarge().toJSON() };
  return {
    index,
    id,
    fingerprint: print,
    timestamp,
    type,
    category,
    severity,
    occurrences,
    // Cut by UTF-16 units, which may split a pair: made well-formed again.
    title: wellFormed(truncate(stored.message || stored.name || type, TITLE_LENGTH)),
    userId,
    payload,
  };
}

/** What {@link prepareEvents} makes of a batch's valid events. */
export interface PreparedBatch {
  readonly prepared: PreparedEvent[];
  /** Events too large once scrubbed and serialised. */
  readonly rejected: Rejection[];
}

/** The erasure key of every event's raw `user.id` (hashed once per distinct id), in order. */
function userKeysOf(projectId: string, valid: readonly ValidEvent[]): Promise<(string | null)[]> {
  const keys = new Map<string, Promise<string>>();
  return Promise.all(
    valid.map(function keyOf({ event }): Promise<string | null> | null {
      const id = userIdText(event.user?.id);
      if (id === null) return null;
      let key = keys.get(id);
      if (key === undefined) {
        key = userKey(projectId, id);
        keys.set(id, key);
      }
      return key;
    }),
  );
}

/**
 * {@link prepareEvent} for every valid event of a batch of `projectId`, in order, each with the
 * {@link userKey} of its raw `user.id` (taken before scrubbing). The events are scrubbed in
 * place.
 *
 * @example
 * const { prepared, rejected } = await prepareEvents(batch.valid, Date.now(), project.id);
 */
export async function prepareEvents(
  valid: readonly ValidEvent[],
  receivedAt: number,
  projectId: string,
): Promise<PreparedBatch> {
  const userKeys = await userKeysOf(projectId, valid);
  const prepared: PreparedEvent[] = [];
  const rejected: Rejection[] = [];
  for (let i = 0; i < valid.length; i++) {
    const result = prepareEvent(valid[i]!, receivedAt, userKeys[i] ?? null);
    if ('error' in result) rejected.push(result);
    else prepared.push(result);
  }
  return { prepared, rejected };
}

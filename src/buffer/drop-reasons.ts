/**
 * Why an event was dropped: a closed set of reasons, so every drop is counted under a name the
 * collector and the dashboard know (STYLE §2 item 12, SPEC §4 "never silently lost"). The
 * buffer, the capture pipeline and the transport all count drops with these names, and batches
 * report them in their `dropped` field.
 *
 * @module
 */

/**
 * Every drop reason, in the order the dashboard lists them:
 *
 * - `buffer_overflow`: the buffer was full (count or bytes) and its overflow policy chose this
 *   event (`drop_oldest` evicts the oldest, `drop_newest` refuses the new one).
 * - `storage_quota`: persistent storage ran out of quota and the event was pruned to make room
 *   (oldest, lowest severity first; SPEC §3 recovery).
 * - `event_too_large`: the event alone is larger than the buffer's byte bound.
 * - `storage_error`: storage failed in a way no fallback could absorb.
 * - `client_closed`: the event arrived after the buffer or client was closed.
 * - `sampled`: `sampleRate` left it out.
 * - `ignored`: `ignoreErrors`, `allowUrls`/`denyUrls` or a noise filter matched it.
 * - `before_send`: the user's `beforeSend` returned `null`.
 * - `rate_capped`: a rate cap refused it (the defaults fold repeats instead of dropping).
 * - `invalid`: it could not be serialised, or the collector rejected it as invalid.
 * - `send_failed`: the transport gave up on it.
 */
export const DROP_REASONS = Object.freeze([
  'buffer_overflow',
  'storage_quota',
  'event_too_large',
  'storage_error',
  'client_closed',
  'sampled',
  'ignored',
  'before_send',
  'rate_capped',
  'invalid',
  'send_failed',
] as const);

/** Why an event was dropped; see {@link DROP_REASONS} for what each one means. */
export type DropReason = (typeof DROP_REASONS)[number];

/**
 * True when `value` is one of the {@link DROP_REASONS}.
 *
 * @example
 * isDropReason('buffer_overflow'); // true
 * isDropReason('lost'); // false
 */
export function isDropReason(value: unknown): value is DropReason {
  return (DROP_REASONS as readonly unknown[]).includes(value);
}

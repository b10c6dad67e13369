/**
 * Why the transport gives up on an event: its share of the client's closed `DropReason` union
 * (src/buffer, STYLE §2 item 12). Every drop is counted under its reason and reported to the
 * collector in a later batch's `dropped`.
 *
 * @module
 */
import type { DropReason } from '../buffer/drop-reasons.js';

/**
 * - `invalid`: the collector refused the event itself (a `rejected[]` entry of a 202 answer),
 *   or it could not be serialised as JSON. Sending it again cannot succeed: never retried.
 * - `event_too_large`: the event alone is over the batch byte limit, or the collector answered
 *   413 for a request holding only it.
 */
export type TransportDropReason = Extract<DropReason, 'invalid' | 'event_too_large'>;

/** One event the transport dropped for good: remove it from the buffer and count it. */
export interface TransportDrop {
  /** The event's `id`. */
  readonly id: string;
  readonly reason: TransportDropReason;
  /** What the collector said about it (its FaultError JSON), when it said something. */
  readonly error?: unknown;
}

/**
 * The transport port (STYLE §2 item 3): what the capture client needs from whatever carries
 * its events to the collector. It takes batches of events already scrubbed and buffered, and
 * answers per event — acknowledged, dropped with a reason, or to be sent again later — so the
 * buffer can let an event go only once the collector has it (SPEC §4).
 *
 * @module
 */
import type { BreakerStateName } from '../breaker/state.js';
import type { WireEvent } from '../wire/event-schema.js';
import type { TransportDrop } from './drop-reasons.js';

/** What one `send` or `beacon` carries. */
export interface OutgoingBatch {
  /**
   * Events in buffer order, already scrubbed, each with a unique `id`: the collector ingests
   * idempotently by id, so sending one twice is harmless.
   */
  readonly events: readonly WireEvent[];
  /**
   * Drop counts by reason since the last batch that reported them (the batch's `dropped`).
   * Reset them only when {@link SendResult.droppedReported} says so.
   */
  readonly dropped?: Readonly<Record<string, number>> | undefined;
}

/** Options of {@link Transport.send}. */
export interface SendOptions {
  /**
   * Send now, ignoring the backoff wait and an open breaker (the send is the breaker's probe):
   * for `client.flush()` and coming back `online`. A pending `Retry-After` is still honoured,
   * and a transport stopped by 401/403 tries exactly once. Default false.
   */
  readonly force?: boolean | undefined;
  /** Abandons the send; events not yet acknowledged come back in `retry`. */
  readonly signal?: AbortSignal | undefined;
}

/** What became of each event of a {@link Transport.send}. Every event id is in exactly one list. */
export interface SendResult {
  /** Ids the collector acknowledged (accepted, or already held): remove them from the buffer. */
  readonly acked: readonly string[];
  /** Ids dropped for good, with the reason: remove them and count each drop. */
  readonly dropped: readonly TransportDrop[];
  /** Ids not acknowledged yet: keep them buffered and send them again after `retryInMs`. */
  readonly retry: readonly string[];
  /**
   * How long to wait before sending `retry` again, in ms (backoff, `Retry-After`, or the open
   * breaker's wait): pass it to `batcher.defer()`. Absent when nothing waits, and when the
   * transport is `stopped` (only a forced send tries again).
   */
  readonly retryInMs?: number;
  /**
   * Whether the batch's `dropped` counts are done with: acknowledged by the collector (or
   * refused as malformed, which resending cannot fix). Reset the counts when true.
   */
  readonly droppedReported: boolean;
}

/**
 * Where a transport stands:
 * - `ready`: sends when asked.
 * - `waiting`: backing off after a failure, or told to wait by a 429; sends again at `retryAt`.
 * - `stopped`: the collector refused the key, origin or endpoint (401, 403, 404, 415): a
 *   configuration problem that resending will not fix. Events stay buffered; only a forced
 *   send tries again.
 */
export type TransportState = 'ready' | 'waiting' | 'stopped';

/** The last failed request. Failures flow as data (STYLE §2 item 8). */
export interface TransportFailure {
  /** HTTP status, or 0 when no response came (network failure, timeout, open breaker). */
  readonly status: number;
  /** What went wrong: the collector's error message, or the fetch failure's. */
  readonly message: string;
  /** When, in ms since the epoch. */
  readonly at: number;
}

/** A transport's condition, for `client.status()`. */
export interface TransportStatus {
  readonly state: TransportState;
  /** The collector breaker's state. */
  readonly breaker: BreakerStateName;
  /** When a `waiting` transport may send again, in ms since the epoch. */
  readonly retryAt?: number;
  /** The last failure since the last acknowledged request. */
  readonly lastFailure?: TransportFailure;
}

/**
 * The breaker a transport sends through: {@link collectorBreaker} makes the recommended one,
 * and any `circuitBreaker()` fits. Inside `execute` the transport throws the answer of a 5xx,
 * 408 or 429 (with its `status`) and the fetch failure itself (network error, `TimeoutError`),
 * so the default verdict counts 5xx, 408, network failures and timeouts and ignores 429
 * (back-pressure, SPEC §3). While the circuit turns calls away, `execute` rejects with FaultError
 * `circuit_open` whose `context.retryAfterMs` says when to come back.
 */
export interface TransportBreaker {
  /** `open` only while calls are turned away; `half_open` once a probe may run or runs. */
  readonly state: BreakerStateName;
  /** Runs `fn` unless the circuit turns it away, and counts its outcome. */
  execute<T>(fn: () => Promise<T>): Promise<T>;
  /** Closes the circuit (a forced send that got through). */
  reset(): void;
}

/** Carries batches to the collector (SPEC §4, §5). */
export interface Transport {
  /**
   * Sends the batch in as many requests as the size limits need, one after another, and says
   * what became of each event. Never rejects: failures come back as `retry` with a wait.
   * One send at a time: the caller (the batcher's flush) serialises them.
   */
  send(batch: OutgoingBatch, options?: SendOptions): Promise<SendResult>;
  /**
   * Hands as many events as fit in one beacon (64 KiB) to the browser to deliver after the
   * page is gone (`visibilitychange` → hidden). A beacon is never acknowledged: keep the events
   * buffered until a later `send` acknowledges them (ingest is idempotent). Drop counts never
   * ride in a beacon, since nothing would say whether they arrived. Synchronous, so it runs
   * inside the page-hide handler.
   *
   * @returns the ids handed off (none when no beacon mechanism exists or the transport is
   *   stopped or told to wait).
   */
  beacon(batch: OutgoingBatch): readonly string[];
  /** The transport's current condition. */
  status(): TransportStatus;
}

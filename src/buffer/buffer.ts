/**
 * The event buffer port (SPEC §4, STYLE §2 item 3): where scrubbed wire events wait until the
 * collector acknowledges them. Core declares it; {@link memoryBuffer} implements it everywhere
 * and the browser adapter implements it over IndexedDB.
 *
 * Delivery contract: an event leaves the buffer only when {@link EventBuffer.ack} (the collector
 * took it) or {@link EventBuffer.drop} (counted with a reason) removes it, or when the overflow
 * policy evicts it (counted as `buffer_overflow`). Nothing is lost without a counted drop.
 *
 * @module
 */
import type { WireEvent } from '../wire/event-schema.js';
import type { DropCounts } from './drop-counts.js';
import type { DropReason } from './drop-reasons.js';

/**
 * Which event goes when the buffer is full: `drop_oldest` evicts the oldest events not being
 * sent (keeps the newest, the usual choice for errors) and refuses the new event only when
 * the events being sent leave no room; `drop_newest` refuses the new event. Either way the drop
 * is counted as `buffer_overflow`. Events being sent by another tab are spared for as long as
 * its take lends them (5 minutes, see `LEND_MS`), so that no event ends both sent and dropped.
 */
export type OverflowPolicy = 'drop_oldest' | 'drop_newest';

/** Where a buffer keeps its events right now. */
export type StorageKind = 'memory' | 'indexeddb';

/**
 * What {@link EventBuffer.put} did with an event: stored it (after evicting `evicted` older
 * events to make room), found it already buffered (same `id`: ingest is idempotent by id, so
 * the first copy wins), or dropped it for `reason`.
 */
export type PutResult =
  | { readonly status: 'stored'; readonly evicted: number }
  | { readonly status: 'duplicate' }
  | { readonly status: 'dropped'; readonly reason: DropReason };

/** Bounds of one batch handed out by {@link EventBuffer.take} or {@link EventBuffer.peek}. */
export interface BatchLimits {
  /** Most events in the batch. Integer ≥ 1. Default 100. */
  readonly maxEvents?: number;
  /**
   * Most bytes (UTF-8 JSON of the events) in the batch. Integer ≥ 1. Default 512 KiB. A batch
   * always holds at least one event when one is available, even one larger than this.
   */
  readonly maxBytes?: number;
}

/** Events to send, oldest first, with the drop counts to report beside them. */
export interface BufferBatch {
  /** The events, oldest first. Do not mutate them: they may be the buffered objects. */
  readonly events: readonly WireEvent[];
  /** Their ids, in the same order: what to pass to `ack`, `release` or `drop`. */
  readonly ids: readonly string[];
  /** Sum of the events' sizes in bytes (UTF-8 JSON). */
  readonly bytes: number;
  /** Drops not yet reported, to send as the batch's `dropped` and pass back to `ack`. */
  readonly dropped: DropCounts;
}

/** A snapshot of a buffer for `client.status()` and `/health`-style reports. */
export interface BufferStats {
  /** Where events are kept now. */
  readonly storage: StorageKind;
  /** Why a persistent buffer fell back to memory, e.g. `"SecurityError: …"`; absent if not. */
  readonly fallbackReason?: string;
  /** Events buffered (all tabs, for a shared store). */
  readonly events: number;
  /** Their total size in bytes (UTF-8 JSON). */
  readonly bytes: number;
  /** Events this instance has handed out with `take` and not yet acked, released or dropped. */
  readonly inFlight: number;
  /** The bound on events. */
  readonly maxEvents: number;
  /** The bound on bytes. */
  readonly maxBytes: number;
  /** The overflow policy. */
  readonly overflow: OverflowPolicy;
  /** Drops this instance counted since it was created, by reason. */
  readonly dropped: DropCounts;
  /** Drops waiting to be reported to the collector (all tabs, for a shared store). */
  readonly unreported: DropCounts;
}

/**
 * A bounded store of wire events waiting to be sent. Events must already be scrubbed: this is
 * what reaches disk. Every method resolves, never rejects, whatever the storage does (a failing
 * persistent store falls back to memory); only invalid arguments reject, with a config
 * `FaultError`.
 */
export interface EventBuffer {
  /**
   * Where events are kept now. A persistent buffer reports its own kind until its first
   * operation has found the storage unusable, and `memory` from then on.
   */
  readonly storage: StorageKind;
  /**
   * Buffers one event (one plain-object record per event), enforcing the bounds. `bytes` is
   * its UTF-8 JSON size if the caller already knows it; it is measured otherwise. The object
   * may be kept as is: do not mutate it afterwards.
   */
  put(event: WireEvent, bytes?: number): Promise<PutResult>;
  /**
   * Hands out the oldest events that are not already in flight from this instance, and marks
   * them in flight until `ack`, `release` or `drop`; `dropped` holds the unreported drops not
   * already handed out with another batch.
   */
  take(limits?: BatchLimits): Promise<BufferBatch>;
  /**
   * Reads the oldest events, in flight or not, without marking anything: for a send that is
   * never acknowledged (a beacon on page hide), after which the events stay buffered.
   */
  peek(limits?: BatchLimits): Promise<BufferBatch>;
  /**
   * The collector acknowledged these events (accepted or duplicate) and the drop counts sent
   * with them: removes both. Resolves with how many events were removed; unknown ids are
   * ignored.
   */
  ack(ids: readonly string[], dropped?: DropCounts): Promise<number>;
  /** The send failed: the events (and drop counts) may be handed out again by `take`. */
  release(ids: readonly string[], dropped?: DropCounts): void;
  /**
   * Removes these events and counts them as dropped for `reason` (e.g. `invalid` when the
   * collector rejected them). Resolves with how many were removed.
   */
  drop(ids: readonly string[], reason: DropReason): Promise<number>;
  /**
   * Counts `count` (default 1) events dropped before they reached the buffer (sampled, ignored,
   * `beforeSend`…), so the next batch reports them. Resolves once the count is stored.
   */
  recordDrop(reason: DropReason, count?: number): Promise<void>;
  /** How many events are buffered. */
  size(): Promise<number>;
  /** Depth, bounds and drop counts. */
  stats(): Promise<BufferStats>;
  /**
   * Writes what is pending and releases the storage. Later `put`s are dropped as
   * `client_closed`; reads see an empty buffer.
   */
  close(): Promise<void>;
}

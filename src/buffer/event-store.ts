/**
 * The storage port under an {@link EventBuffer}: raw, atomic operations on stored events and
 * drop counts. A store enforces the bounds inside its own write (so tabs sharing one database
 * stay within them) and may throw: the buffer above it then falls back to memory. The buffer
 * does the rest (measuring, batching writes, in-flight bookkeeping, counting).
 *
 * @module
 */
import type { WireEvent } from '../wire/event-schema.js';
import type { BatchLimits, PutResult, StorageKind } from './buffer.js';
import type { BufferBounds } from './buffer-options.js';
import type { DropCounts } from './drop-counts.js';
import type { DropReason } from './drop-reasons.js';

/** One event with its id and measured size. */
export interface StoredEntry {
  /** The event's `id`: unique in a store. */
  readonly id: string;
  /** Size in bytes of UTF-8 JSON. */
  readonly bytes: number;
  /** The scrubbed wire event itself. */
  readonly event: WireEvent;
}

/** Events to add, oldest first, and drop counts to add, in one atomic write. */
export interface StoreWrite {
  readonly entries: readonly StoredEntry[];
  /** Drops counted before storage (sampled, too large…), added to the unreported counts. */
  readonly drops: DropCounts;
  /**
   * Ids in flight from this instance: `drop_oldest` never evicts them (an event evicted while it
   * is sent would be both delivered and dropped); the new event is refused when nothing else can
   * go. Stores shared between instances spare the ones lent by another (see `read`).
   */
  readonly inFlight: ReadonlySet<string>;
  /** The bounds and overflow policy to enforce. */
  readonly bounds: BufferBounds;
}

/** What a write did. */
export interface StoreWriteResult {
  /** One outcome per entry, in order. */
  readonly outcomes: readonly PutResult[];
  /** Drops the write caused (overflow evictions and refusals, quota pruning). */
  readonly dropped: DropCounts;
}

/** The oldest events and the unreported drop counts. */
export interface StoreRead {
  /** Oldest first. */
  readonly entries: readonly StoredEntry[];
  /** Drops not yet reported. */
  readonly drops: DropCounts;
}

/** How removed events are settled: acknowledged with drop counts, or dropped for a reason. */
export interface StoreRemoval {
  /** Drop counts the collector acknowledged: subtracted from the unreported counts. */
  readonly reported?: DropCounts;
  /** Counts every removed event as a drop for this reason (by its weight). */
  readonly reason?: DropReason;
}

/** What a removal took out. */
export interface Removed {
  /** Events removed. */
  readonly events: number;
  /** The errors they stood for (`weightOf`), what a drop counts. */
  readonly weight: number;
}

/** Depth and unreported drops of a store. */
export interface StoreTotals {
  /** Events stored. */
  readonly events: number;
  /** Their total size in bytes. */
  readonly bytes: number;
  /** Drops not yet reported. */
  readonly drops: DropCounts;
}

/** Atomic operations on stored events; any of them may throw when storage fails. */
export interface EventStore {
  /** What kind of storage this is. */
  readonly kind: StorageKind;
  /** Adds entries (ids already stored are duplicates) and drops, evicting per `bounds`. */
  write(batch: StoreWrite): Promise<StoreWriteResult>;
  /**
   * The oldest entries not in `skip`, within `limits` (at least one if any is there). With
   * `lend`, a store shared between instances records those entries and `skip` (the caller's
   * ids in flight) as lent, so that writes of other instances do not evict them.
   */
  read(
    limits: Required<BatchLimits>,
    skip: ReadonlySet<string>,
    lend?: boolean,
  ): Promise<StoreRead>;
  /**
   * Records anew which ids this instance has in flight (after a release) where the store is
   * shared and `read` lends; nothing elsewhere. Best effort: a failure changes nothing else.
   */
  lend(inFlight: ReadonlySet<string>): Promise<void>;
  /** Removes the entries with these ids; resolves with how many were there, and their weight. */
  remove(ids: readonly string[], settle: StoreRemoval): Promise<Removed>;
  /** Depth and unreported drops. */
  totals(): Promise<StoreTotals>;
  /** Releases the storage; the store is not used afterwards. */
  close(): void;
}

/**
 * Filling one batch from a store's events, oldest first, within its limits: shared by every
 * store's read so batches are cut alike.
 *
 * @module
 */
import type { BatchLimits } from './buffer.js';
import type { StoredEntry } from './event-store.js';

/** A batch being filled. */
export interface BatchCollector {
  /** The entries taken so far, oldest first. */
  readonly entries: StoredEntry[];
  /**
   * Offers the next entry (oldest first): taken unless its id is in `skip` or it would pass the
   * byte limit (the first entry is always taken). Returns false once the batch is full: stop.
   */
  offer(entry: StoredEntry): boolean;
}

/**
 * Starts a batch of at most `limits.maxEvents` events and `limits.maxBytes` bytes (at least one
 * event), skipping the ids in `skip`.
 *
 * @example
 * const batch = collectBatch({ maxEvents: 100, maxBytes: 512 * 1024 }, inFlight);
 * for (const entry of entries) if (!batch.offer(entry)) break;
 */
export function collectBatch(
  limits: Required<BatchLimits>,
  skip: ReadonlySet<string>,
): BatchCollector {
  const entries: StoredEntry[] = [];
  let bytes = 0;
  return {
    entries,
    offer(entry) {
      if (entries.length >= limits.maxEvents) return false;
      if (skip.has(entry.id)) return true;
      if (entries.length > 0 && bytes + entry.bytes > limits.maxBytes) return false;
      entries.push(entry);
      bytes += entry.bytes;
      return entries.length < limits.maxEvents;
    },
  };
}

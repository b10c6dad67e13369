/**
 * An {@link EventStore} in memory: an insertion-ordered map, so the oldest event is the first
 * key and removal by id is O(1). It never throws, which makes it the fallback of every other
 * store.
 *
 * @module
 */
import { collectBatch } from './batch-collector.js';
import { addDrops, subtractDrops, weightOf, type DropCounts } from './drop-counts.js';
import { makeRoom, type Room } from './overflow.js';
import type { PutResult } from './buffer.js';
import type {
  EventStore,
  StoredEntry,
  StoreRead,
  StoreWrite,
  StoreWriteResult,
} from './event-store.js';

const DUPLICATE: PutResult = Object.freeze({ status: 'duplicate' });
const REFUSED: PutResult = Object.freeze({ status: 'dropped', reason: 'buffer_overflow' });

/** The entries not in flight, oldest first. */
function* oldestFirst(
  entries: Map<string, StoredEntry>,
  inFlight: ReadonlySet<string>,
): Generator<StoredEntry> {
  for (const entry of entries.values()) if (!inFlight.has(entry.id)) yield entry;
}

/**
 * A store that keeps events in memory, for one buffer instance.
 *
 * @example
 * const buffer = storeBuffer(() => memoryStore(), { kind: 'memory' });
 */
export function memoryStore(): EventStore {
  const entries = new Map<string, StoredEntry>();
  let bytes = 0;
  let drops: DropCounts = {};

  function evict(id: string): void {
    bytes -= entries.get(id)?.bytes ?? 0;
    entries.delete(id);
  }

  /** Makes room for `entry`: what was evicted, or `undefined` to refuse it. */
  async function room(entry: StoredEntry, batch: StoreWrite): Promise<Room | undefined> {
    const occupancy = { events: entries.size, bytes };
    const candidates = oldestFirst(entries, batch.inFlight);
    return makeRoom(occupancy, entry.bytes, batch.bounds, () => {
      const victim = candidates.next().value;
      return victim && { ...victim, weight: weightOf(victim.event), evict: () => evict(victim.id) };
    });
  }

  return {
    kind: 'memory',
    async write(batch: StoreWrite): Promise<StoreWriteResult> {
      const outcomes: PutResult[] = [];
      let overflowed = 0;
      for (const entry of batch.entries) {
        if (entries.has(entry.id)) {
          outcomes.push(DUPLICATE);
          continue;
        }
        const { maxEvents, maxBytes } = batch.bounds;
        const fits = entries.size < maxEvents && bytes + entry.bytes <= maxBytes;
        const made = fits ? { evicted: 0, weight: 0 } : await room(entry, batch);
        if (made === undefined) {
          overflowed += weightOf(entry.event);
          outcomes.push(REFUSED);
          continue;
        }
        overflowed += made.weight;
        entries.set(entry.id, entry);
        bytes += entry.bytes;
        outcomes.push({ status: 'stored', evicted: made.evicted });
      }
      const dropped: DropCounts = overflowed > 0 ? { buffer_overflow: overflowed } : {};
      drops = addDrops(addDrops(drops, batch.drops), dropped);
      return { outcomes, dropped };
    },
    async read(limits, skip): Promise<StoreRead> {
      const batch = collectBatch(limits, skip);
      for (const entry of entries.values()) if (!batch.offer(entry)) break;
      return { entries: batch.entries, drops };
    },
    async lend() {
      // One instance per memory store: nothing to tell.
    },
    async remove(ids, settle) {
      let removed = 0;
      let weight = 0;
      for (const id of ids) {
        const entry = entries.get(id);
        if (entry === undefined) continue;
        evict(id);
        removed++;
        weight += weightOf(entry.event);
      }
      if (settle.reason !== undefined && removed > 0) {
        drops = addDrops(drops, { [settle.reason]: weight });
      }
      if (settle.reported !== undefined) drops = subtractDrops(drops, settle.reported);
      return { events: removed, weight };
    },
    async totals() {
      return { events: entries.size, bytes, drops };
    },
    close() {
      entries.clear();
      bytes = 0;
    },
  };
}

/**
 * The write of the IndexedDB buffer: a batch of puts in one transaction that enforces the bounds
 * over what every tab stored, and evicts only events no tab has in flight.
 *
 * @module
 */
import type { IDBPDatabase } from 'idb';
import type { PutResult } from '../../buffer/buffer.js';
import { addDrops, weightOf, type DropCounts } from '../../buffer/drop-counts.js';
import type { StoreWrite } from '../../buffer/event-store.js';
import { makeRoom, type Victim } from '../../buffer/overflow.js';
import type { BufferDB, Events } from './buffer-schema.js';
import { recount, stateOf } from './buffer-state.js';
import { inTransaction } from './in-transaction.js';
import { lentKeys, sparedIds } from './lent-record.js';

const RANK: Readonly<Record<string, number>> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
const DUPLICATE: PutResult = Object.freeze({ status: 'duplicate' });
const REFUSED: PutResult = Object.freeze({ status: 'dropped', reason: 'buffer_overflow' });
const INVALID: PutResult = Object.freeze({ status: 'dropped', reason: 'invalid' });

/**
 * The events not in flight (in this tab or, per the lent record, the sending one), oldest
 * first, one per call, as victims that note their ids; none once they run out.
 */
function oldestFirst(
  events: Events,
  inFlight: ReadonlySet<string>,
  gone: Set<string>,
): () => Promise<Victim | undefined> {
  /** `undefined` until opened, `null` once past the last event. */
  let cursor: Awaited<ReturnType<Events['openCursor']>> | undefined;
  return async () => {
    if (cursor === null) return undefined;
    cursor = cursor === undefined ? await events.openCursor() : await cursor.continue();
    while (cursor !== null && inFlight.has(cursor.value.id)) cursor = await cursor.continue();
    if (cursor === null) return undefined;
    const { primaryKey } = cursor;
    const { id, bytes, event } = cursor.value;
    const weight = weightOf(event);
    return { id, bytes, weight, evict: () => (gone.add(id), events.delete(primaryKey)) };
  };
}

/**
 * One atomic write of a batch by the instance `writer` at `now` (ms since the epoch): new
 * events added, duplicates recognised, room made per the bounds (sparing what any tab has in
 * flight), drops counted in the state record. Throws (after aborting) when IndexedDB does.
 *
 * @example
 * const { outcomes, dropped } = await writeOnce(db, batch, instanceId, clock.now());
 */
export async function writeOnce(
  db: IDBPDatabase<BufferDB>,
  batch: StoreWrite,
  writer: string,
  now: number,
) {
  const tx = db.transaction(['events', 'meta'], 'readwrite');
  return inTransaction(tx, async (requests) => {
    const events = tx.objectStore('events');
    const meta = tx.objectStore('meta');
    const [record, count, lent] = await Promise.all([
      meta.get('state'),
      events.count(),
      meta.getAll(lentKeys()),
    ]);
    const state = stateOf(record);
    if (count !== state.events) await recount(await events.openCursor(), state);
    const spared = sparedIds(lent, writer, batch.inFlight, now);
    const byId = events.index('byId');
    const existing = await Promise.all(batch.entries.map((e) => byId.getKey(e.id)));
    const added = new Set<string>();
    const gone = new Set<string>();
    const outcomes: PutResult[] = [];
    let overflowed = 0;
    let invalid = 0;
    for (const [i, entry] of batch.entries.entries()) {
      if ((existing[i] !== undefined || added.has(entry.id)) && !gone.has(entry.id)) {
        outcomes.push(DUPLICATE);
        continue;
      }
      const room = await makeRoom(
        state,
        entry.bytes,
        batch.bounds,
        oldestFirst(events, spared, gone),
      );
      if (room === undefined) {
        overflowed += weightOf(entry.event);
        outcomes.push(REFUSED);
        continue;
      }
      overflowed += room.weight;
      try {
        const rank = RANK[entry.event.severity] ?? 2;
        requests.push(events.add({ id: entry.id, rank, bytes: entry.bytes, event: entry.event }));
      } catch (error) {
        // Something JSON skips (a function) that IndexedDB cannot clone: this event only.
        if ((error as { name?: unknown } | null)?.name !== 'DataCloneError') throw error;
        outcomes.push(INVALID);
        invalid += weightOf(entry.event);
        continue;
      }
      added.add(entry.id);
      gone.delete(entry.id);
      state.events++;
      state.bytes += entry.bytes;
      outcomes.push({ status: 'stored', evicted: room.evicted });
    }
    const dropped: DropCounts = addDrops(
      overflowed > 0 ? { buffer_overflow: overflowed } : {},
      invalid > 0 ? { invalid } : {},
    );
    state.drops = addDrops(addDrops(state.drops, batch.drops), dropped);
    requests.push(meta.put(state));
    return { outcomes, dropped };
  });
}

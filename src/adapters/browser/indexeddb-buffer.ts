/**
 * The browser's event buffer: IndexedDB through `idb`, so buffered events survive reloads and
 * crashes, and every tab of an origin shares them (SPEC §4). Bounds are enforced inside each
 * write transaction, so tabs writing at once stay within them. When IndexedDB is missing,
 * blocked or throws (private modes, storage cleared, quota beyond recovery) the buffer keeps
 * going in memory. With its layout (`buffer-schema.ts`), the only module that runs `idb` code.
 *
 * @module
 */
import { wrap, type IDBPDatabase } from 'idb';
import type { BatchLimits, EventBuffer } from '../../buffer/buffer.js';
import type { BufferOptions } from '../../buffer/buffer-options.js';
import { addDrops, subtractDrops, weightOf, type DropCounts } from '../../buffer/drop-counts.js';
import { collectBatch } from '../../buffer/batch-collector.js';
import type { EventStore, Removed, StoreRead, StoreRemoval } from '../../buffer/event-store.js';
import { storeBuffer } from '../../buffer/store-buffer.js';
import { checkOptions } from '../../policy/option-checks.js';
import { systemClock, type Clock } from '../../runtime/clock.js';
import { createId } from '../../runtime/random-id.js';
import { systemTimers, type Timers } from '../../runtime/timers.js';
import { BUFFER_DB_VERSION, upgrade, type BufferDB, type ReadTx } from './buffer-schema.js';
import { stateOf } from './buffer-state.js';
import { inTransaction } from './in-transaction.js';
import { expiredKeys, lentKeys, lentRecord } from './lent-record.js';
import { openIndexedDb } from './open-indexeddb.js';
import { writeOnce } from './write-events.js';
import { isQuotaExceeded, pruneForQuota, recoverFromQuota } from './quota-recovery.js';
import { getIndexedDB } from './storage-globals.js';

/** Options of {@link indexedDbBuffer}. */
export interface IndexedDbBufferOptions extends BufferOptions {
  /** Database name; tabs using the same name share one buffer. Default `faultline`. */
  readonly name?: string;
  /** The IndexedDB factory. Default: the page's `indexedDB`, if reachable. */
  readonly indexedDB?: IDBFactory;
  /** How long to wait for an open that other tabs block, in ms. Default 5000. */
  readonly openTimeoutMs?: number;
  /** Rounds of pruning (oldest, lowest severity first) when the quota is hit. Default 3. */
  readonly quotaRetries?: number;
  /** Timers for the open timeout. Default: the real ones. */
  readonly timers?: Timers;
  /** The clock of the lent record's lease (see `lent-record.ts`). Default: the system clock. */
  readonly clock?: Clock;
}

/** The oldest events not in `skip` within `limits`, and the unreported drops, in `tx`. */
async function readOldest(
  tx: ReadTx,
  limits: Required<BatchLimits>,
  skip: ReadonlySet<string>,
): Promise<StoreRead> {
  const state = stateOf(await tx.objectStore('meta').get('state'));
  const batch = collectBatch(limits, skip);
  let cursor = await tx.objectStore('events').openCursor();
  while (cursor !== null && batch.offer(cursor.value)) cursor = await cursor.continue();
  return { entries: batch.entries, drops: state.drops };
}

/**
 * {@link readOldest} in a write transaction that also records what `lender` then has in flight
 * (`skip` and the batch) and deletes the records of tabs that went away.
 */
async function lendOldest(
  db: IDBPDatabase<BufferDB>,
  limits: Required<BatchLimits>,
  skip: ReadonlySet<string>,
  lender: string,
  now: number,
): Promise<StoreRead> {
  // Relaxed: the record is a safeguard for the next minutes, not data to flush to disk first.
  const tx = db.transaction(['events', 'meta'], 'readwrite', { durability: 'relaxed' });
  return inTransaction(tx, async (requests) => {
    const meta = tx.objectStore('meta');
    const [read, records] = await Promise.all([
      readOldest(tx, limits, skip),
      meta.getAll(lentKeys()),
    ]);
    const ids = [...skip, ...read.entries.map((entry) => entry.id)];
    for (const key of expiredKeys(records, now)) requests.push(meta.delete(key));
    requests.push(meta.put(lentRecord(lender, ids, now)));
    return read;
  });
}

/** Removes events by id in one transaction, settling them as acknowledged or dropped. */
async function removeOnce(
  db: IDBPDatabase<BufferDB>,
  ids: readonly string[],
  settle: StoreRemoval,
): Promise<Removed> {
  const tx = db.transaction(['events', 'meta'], 'readwrite');
  return inTransaction(tx, async (requests) => {
    const events = tx.objectStore('events');
    const meta = tx.objectStore('meta');
    const state = stateOf(await meta.get('state'));
    const records = await Promise.all([...new Set(ids)].map((id) => events.index('byId').get(id)));
    let removed = 0;
    let weight = 0;
    for (const record of records) {
      if (record?.seq === undefined) continue;
      requests.push(events.delete(record.seq));
      state.events--;
      state.bytes -= record.bytes;
      removed++;
      weight += weightOf(record.event);
    }
    if (settle.reason !== undefined && removed > 0) {
      state.drops = addDrops(state.drops, { [settle.reason]: weight });
    }
    if (settle.reported !== undefined) state.drops = subtractDrops(state.drops, settle.reported);
    requests.push(meta.put(state));
    return { events: removed, weight };
  });
}

/** What {@link idbStore} needs besides the database. */
interface StoreContext {
  readonly quotaRetries: number;
  /** Counts the drops the store makes on its own (quota pruning). */
  readonly report: (drops: DropCounts) => void;
  readonly clock: Clock;
}

/** The {@link EventStore} over an open database. */
function idbStore(
  db: IDBPDatabase<BufferDB>,
  { quotaRetries, report, clock }: StoreContext,
): EventStore {
  const recovery = {
    prune: (needBytes: number) => pruneForQuota(db, needBytes, clock.now()),
    report: (pruned: number) => report({ storage_quota: pruned }),
    retries: quotaRetries,
  };
  const recovering = <T>(run: () => Promise<T>, needBytes: number) =>
    recoverFromQuota(run, needBytes, recovery);
  /** Names this instance in the lent record. */
  const instance = createId();

  return {
    kind: 'indexeddb',
    write: (batch) =>
      recovering(
        () => writeOnce(db, batch, instance, clock.now()),
        batch.entries.reduce((sum, e) => sum + e.bytes, 0),
      ),
    async read(limits, skip, lend = false) {
      if (lend) {
        try {
          return await lendOldest(db, limits, skip, instance, clock.now());
        } catch (error) {
          // The record is a safeguard: over the quota, the batch goes out without it.
          if (!isQuotaExceeded(error)) throw error;
        }
      }
      const tx = db.transaction(['events', 'meta'], 'readonly');
      return inTransaction(tx, () => readOldest(tx, limits, skip));
    },
    async lend(inFlight) {
      const tx = db.transaction('meta', 'readwrite', { durability: 'relaxed' });
      await inTransaction(tx, async (requests) => {
        requests.push(tx.store.put(lentRecord(instance, [...inFlight], clock.now())));
      });
    },
    remove: (ids, settle) => recovering(() => removeOnce(db, ids, settle), 0),
    async totals() {
      const state = stateOf(await db.get('meta', 'state'));
      return { events: state.events, bytes: state.bytes, drops: state.drops };
    },
    close() {
      db.close();
    },
  };
}

/**
 * An event buffer in IndexedDB, shared by every tab of the origin that uses the same `name`,
 * opened on first use. Defaults: 1000 events, 5 MiB, `drop_oldest` (as `memoryBuffer`).
 * When IndexedDB is missing, blocked or throws, it continues in memory: `storage` turns to
 * `memory` and `stats().fallbackReason` says why. A tab whose buffer is in memory must send its
 * own events, whether or not it is the sending tab (see `tabLeader`).
 *
 * @throws FaultError 1101/1201/1203 when an option is invalid.
 * @example
 * const buffer = indexedDbBuffer({ name: `faultline-${key}`, maxEvents: 5000 });
 * await buffer.put(scrubbedEvent);
 * // after a reload, in any tab:
 * const batch = await buffer.take();
 */
export function indexedDbBuffer(options: IndexedDbBufferOptions = {}): EventBuffer {
  checkOptions('IndexedDB buffer options')
    .that('name', options.name, options.name === undefined || options.name !== '', 'a name')
    .number('openTimeoutMs', options.openTimeoutMs, { min: 0, integer: true })
    .number('quotaRetries', options.quotaRetries, { min: 0, max: 100, integer: true })
    .done();
  const name = options.name ?? 'faultline';
  const open = async (report: (drops: DropCounts) => void): Promise<EventStore> => {
    const factory = options.indexedDB ?? getIndexedDB();
    if (factory === undefined) throw new DOMException('IndexedDB is unavailable', 'NotFoundError');
    const raw = await openIndexedDb(factory, name, BUFFER_DB_VERSION, upgrade, {
      timeoutMs: options.openTimeoutMs ?? 5000,
      timers: options.timers ?? systemTimers,
    });
    return idbStore(wrap(raw) as unknown as IDBPDatabase<BufferDB>, {
      quotaRetries: options.quotaRetries ?? 3,
      report,
      clock: options.clock ?? systemClock,
    });
  };
  return storeBuffer(open, { ...options, kind: 'indexeddb' });
}

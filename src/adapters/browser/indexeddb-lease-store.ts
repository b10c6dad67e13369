/**
 * Leases in IndexedDB, for electing a sending tab where Web Locks are missing. A read-then-write
 * inside one `readwrite` transaction is atomic across tabs (IndexedDB runs transactions with
 * overlapping scopes one after another), which is all a lease needs. Plain IndexedDB: leases
 * are two requests, not worth a dependency.
 *
 * @module
 */
import { systemTimers, type Timers } from '../../runtime/timers.js';
import type { LeaseStore } from './lease-election.js';
import { openIndexedDb } from './open-indexeddb.js';

/** Options of {@link indexedDbLeaseStore}. */
export interface IndexedDbLeaseStoreOptions {
  /** Database name. Default `faultline-leases`. */
  readonly name?: string;
  /** How long an open blocked by other tabs may wait, in ms. Default 5000. */
  readonly openTimeoutMs?: number;
  /** Timers for the open timeout. Default: the real ones. */
  readonly timers?: Timers;
}

interface LeaseRecord {
  name: string;
  holder: string;
  /** Wall-clock ms since the epoch. */
  expiresAt: number;
}

const STORE = 'leases';

/**
 * A {@link LeaseStore} in the database `options.name` of `factory`, opened on first use and
 * reopened after a failure.
 *
 * @example
 * const leases = indexedDbLeaseStore(indexedDB);
 * await leases.acquire('faultline:sender', tabId, Date.now(), 10_000); // true if free
 */
export function indexedDbLeaseStore(
  factory: IDBFactory,
  options: IndexedDbLeaseStoreOptions = {},
): LeaseStore {
  let database: Promise<IDBDatabase> | undefined;

  const open = (): Promise<IDBDatabase> =>
    (database ??= openIndexedDb(
      factory,
      options.name ?? 'faultline-leases',
      1,
      (db) => {
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'name' });
      },
      { timeoutMs: options.openTimeoutMs ?? 5000, timers: options.timers ?? systemTimers },
    ));

  /** Runs `step` on the lease `name` in one readwrite transaction; resolves when committed. */
  async function update<T>(
    name: string,
    step: (lease: LeaseRecord | undefined, store: IDBObjectStore) => T,
  ): Promise<T> {
    try {
      const db = await open();
      return await new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, 'readwrite');
        const store = tx.objectStore(STORE);
        const read = store.get(name);
        let result: T;
        read.onsuccess = () => {
          result = step(read.result as LeaseRecord | undefined, store);
        };
        tx.oncomplete = () => resolve(result);
        tx.onabort = () => reject(tx.error ?? new DOMException('Lease aborted', 'AbortError'));
      });
    } catch (error) {
      // A closed or broken connection: open a fresh one next time.
      database = undefined;
      throw error;
    }
  }

  return {
    acquire(name, holder, now, ttlMs) {
      return update(name, (lease, store) => {
        if (lease !== undefined && lease.holder !== holder && lease.expiresAt > now) return false;
        store.put({ name, holder, expiresAt: now + ttlMs } satisfies LeaseRecord);
        return true;
      });
    },
    async release(name, holder) {
      await update(name, (lease, store) => {
        if (lease?.holder === holder) store.delete(name);
      });
    },
  };
}

/**
 * Opening an IndexedDB database without hanging or throwing: a synchronous throw (a
 * SecurityError in an opaque origin), an error event (Firefox private windows before 115, a
 * newer version on disk) and an open blocked by other tabs past a timeout all become a
 * rejection, so callers can fall back. Shared by the event buffer and the tab-leader lease.
 *
 * @module
 */
import type { Timers } from '../../runtime/timers.js';

/** How long to wait and with which timers. */
export interface OpenIndexedDbOptions {
  /** How long an open blocked by other tabs may wait, in ms. */
  readonly timeoutMs: number;
  readonly timers: Timers;
}

/**
 * Opens `name` at `version`, running `upgrade` when the database is new or older. The
 * connection closes itself when a newer version elsewhere asks to upgrade, so later
 * transactions throw (and callers fall back) instead of blocking that tab.
 *
 * @example
 * const db = await openIndexedDb(indexedDB, 'app', 1, (db) => db.createObjectStore('kv'), {
 *   timeoutMs: 5000,
 *   timers: systemTimers,
 * });
 */
export function openIndexedDb(
  factory: IDBFactory,
  name: string,
  version: number,
  upgrade: (db: IDBDatabase) => void,
  { timeoutMs, timers }: OpenIndexedDbOptions,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let late = false;
    const request = factory.open(name, version);
    const timer = timers.set(() => {
      late = true;
      reject(new DOMException(`IndexedDB "${name}" blocked for ${timeoutMs} ms`, 'TimeoutError'));
    }, timeoutMs);
    request.onupgradeneeded = () => upgrade(request.result);
    request.onsuccess = () => {
      timers.clear(timer);
      const db = request.result;
      if (late) return db.close();
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      timers.clear(timer);
      // Handled here: without this the failure would also surface as an uncaught error event.
      event.preventDefault();
      reject(
        request.error ?? new DOMException(`IndexedDB "${name}" failed to open`, 'UnknownError'),
      );
    };
  });
}

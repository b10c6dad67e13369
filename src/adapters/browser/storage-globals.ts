/**
 * Guarded, lazy access to the browser's storage globals (STYLE §2 item 4): nothing here runs at
 * import time, and a missing or throwing global reads as `undefined` rather than an exception.
 * (Reading `indexedDB` throws a SecurityError in some sandboxed and third-party frames.)
 *
 * @module
 */

/**
 * The page's `IDBFactory`, or `undefined` where IndexedDB is missing or unreachable.
 *
 * @example
 * const factory = getIndexedDB();
 * if (factory === undefined) useMemory();
 */
export function getIndexedDB(): IDBFactory | undefined {
  try {
    const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    return typeof factory?.open === 'function' ? factory : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Web Locks `LockManager`, or `undefined` where it is missing (insecure contexts, older
 * browsers, runtimes without `navigator`).
 *
 * @example
 * const locks = getLockManager();
 * if (locks !== undefined) await locks.request('job', async () => work());
 */
export function getLockManager(): LockManager | undefined {
  try {
    const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
    return typeof locks?.request === 'function' ? locks : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `BroadcastChannel` constructor, or `undefined` where it is missing (older browsers,
 * runtimes without it).
 *
 * @example
 * const Channel = getBroadcastChannel();
 * const channel = Channel === undefined ? undefined : new Channel('faultline:sender');
 */
export function getBroadcastChannel(): typeof BroadcastChannel | undefined {
  try {
    const Channel = (globalThis as { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
    return typeof Channel === 'function' ? Channel : undefined;
  } catch {
    return undefined;
  }
}

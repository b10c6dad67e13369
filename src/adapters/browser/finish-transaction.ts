/**
 * Ending an IndexedDB transaction (as wrapped by idb) without leaking rejections: the pattern
 * every buffer transaction follows, so a failure half-way never commits half a write.
 *
 * @module
 */

/** The part of an idb transaction that {@link finishTransaction} uses. */
export interface FinishableTransaction {
  readonly done: Promise<void>;
  abort(): void;
}

/**
 * Waits for `tx` to commit, or, when `failed`, aborts it so nothing of it commits and marks the
 * `requests` it left pending (which then reject) and its `done` as handled.
 *
 * @example
 * let failed = true;
 * try {
 *   requests.push(store.put(value));
 *   await Promise.all(requests);
 *   failed = false;
 * } finally {
 *   await finishTransaction(tx, failed, requests);
 * }
 */
export async function finishTransaction(
  tx: FinishableTransaction,
  failed: boolean,
  requests: readonly Promise<unknown>[] = [],
): Promise<void> {
  if (!failed) return tx.done;
  for (const request of requests) request.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
  await tx.done.catch(() => undefined);
}

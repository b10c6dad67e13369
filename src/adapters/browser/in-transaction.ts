/**
 * Running an IndexedDB transaction (as wrapped by idb) without leaking rejections: the pattern
 * every buffer transaction follows, so a failure half-way never commits half a write.
 *
 * @module
 */

/** The part of an idb transaction that {@link inTransaction} uses. */
export interface FinishableTransaction {
  readonly done: Promise<void>;
  abort(): void;
}

/**
 * Runs `body` in `tx`: the requests it pushes onto `requests` are awaited after it, then the
 * commit. When anything throws, the transaction is aborted, so nothing of it commits, its
 * pending requests and `done` are marked handled, and the error goes on to the caller.
 *
 * @example
 * const tx = db.transaction('events', 'readwrite');
 * await inTransaction(tx, async (requests) => {
 *   requests.push(tx.store.put(value));
 * });
 */
export async function inTransaction<T>(
  tx: FinishableTransaction,
  body: (requests: Promise<unknown>[]) => Promise<T>,
): Promise<T> {
  const requests: Promise<unknown>[] = [];
  let failed = true;
  try {
    const result = await body(requests);
    await Promise.all(requests);
    failed = false;
    return result;
  } finally {
    await finish(tx, failed, requests);
  }
}

/** Waits for the commit, or aborts `tx` and marks what it left pending as handled. */
async function finish(
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

/**
 * Recovering when storage is full (SPEC §3: storage pruned, oldest and lowest severity first,
 * when IndexedDB's quota is hit; each recovery bounded): recognising the quota error across
 * browsers (STYLE §2 item 10: one table, a row per engine) and retrying after pruning.
 *
 * @module
 */
import type { IDBPDatabase } from 'idb';
import type { BufferDB } from './buffer-schema.js';
import { weightOf } from '../../buffer/drop-counts.js';
import { stateOf } from './buffer-state.js';
import { inTransaction } from './in-transaction.js';
import { lentKeys, sparedIds } from './lent-record.js';

/** Error names that mean the origin's storage quota is exhausted. */
const QUOTA_ERROR_NAMES: ReadonlySet<string> = new Set([
  // The standard DOMException: Chromium, Firefox ≥ 85, Safari (also Safari's old private mode).
  'QuotaExceededError',
  // Firefox before 85.
  'NS_ERROR_DOM_QUOTA_REACHED',
]);

/**
 * True when `error` (from a request, a transaction's `error`, or a rejected promise) says the
 * storage quota is exhausted.
 *
 * @example
 * isQuotaExceeded(new DOMException('full', 'QuotaExceededError')); // true
 */
export function isQuotaExceeded(error: unknown): boolean {
  const name = (error as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' && QUOTA_ERROR_NAMES.has(name);
}

/** How {@link recoverFromQuota} makes room and counts what it removed. */
export interface QuotaRecovery {
  /** Deletes stored events to free at least `needBytes`; resolves with how many errors went. */
  prune(needBytes: number): Promise<number>;
  /** Counts pruned errors (as `storage_quota` drops). */
  report(pruned: number): void;
  /** Most prune-and-retry rounds. */
  readonly retries: number;
}

/**
 * Runs `run`; when the quota refuses it, prunes at least `needBytes`, counts what went, and
 * runs it again, at most `recovery.retries` times. Other errors, a prune that frees nothing,
 * and the last refusal are thrown.
 *
 * @example
 * await recoverFromQuota(() => writeBatch(db, batch), batchBytes, {
 *   prune: (bytes) => pruneLowestSeverity(db, bytes),
 *   report: (n) => count('storage_quota', n),
 *   retries: 3,
 * });
 */
export async function recoverFromQuota<T>(
  run: () => Promise<T>,
  needBytes: number,
  recovery: QuotaRecovery,
): Promise<T> {
  for (let round = 0; ; round++) {
    try {
      return await run();
    } catch (error) {
      if (!isQuotaExceeded(error) || round >= recovery.retries) throw error;
      const removed = await recovery.prune(needBytes);
      if (removed === 0) throw error;
      // Counted now: the pruning stands even if the retry fails and memory takes over.
      recovery.report(removed);
    }
  }
}

/**
 * Frees at least `needBytes` (and a tenth of what is stored) by deleting the lowest-severity,
 * oldest events (SPEC §3 recovery), sparing those lent to a send at `now` (see
 * `lent-record.ts`): an event pruned while it is sent would end both delivered and dropped.
 * Deletes only: a transaction that also wrote the state record would itself be refused over
 * quota, so the next write counts these (see `recount`, which can only count events). Resolves
 * with how many errors went (the events' `weightOf`).
 *
 * @example
 * const pruned = await pruneForQuota(db, entry.bytes, clock.now());
 */
export async function pruneForQuota(
  db: IDBPDatabase<BufferDB>,
  needBytes: number,
  now: number,
): Promise<number> {
  const [state, lent] = await Promise.all([db.get('meta', 'state'), db.getAll('meta', lentKeys())]);
  const stored = stateOf(state).bytes;
  const spared = sparedIds(lent, '', new Set(), now);
  const tx = db.transaction('events', 'readwrite');
  return inTransaction(tx, async () => {
    const target = Math.max(needBytes, Math.ceil(stored / 10));
    let freed = 0;
    let weight = 0;
    let cursor = await tx.store.index('byRank').openCursor();
    while (cursor !== null && (freed < target || weight === 0)) {
      if (!spared.has(cursor.value.id)) {
        freed += cursor.value.bytes;
        weight += weightOf(cursor.value.event);
        await cursor.delete();
      }
      cursor = await cursor.continue();
    }
    return weight;
  });
}

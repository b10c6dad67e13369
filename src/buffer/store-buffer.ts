/**
 * The {@link EventBuffer} engine over any {@link EventStore}: measures events, batches the puts
 * of one tick into one store write, tracks what is in flight, counts every drop, and runs the
 * store's operations one at a time. When a store fails to open or throws, the buffer moves to a
 * memory store for good and retries the operation there, so no method ever rejects for a
 * storage failure (SPEC §4: falls back to memory when storage is missing or throws).
 *
 * @module
 */
import { checkOptions } from '../policy/option-checks.js';
import type {
  BatchLimits,
  BufferBatch,
  BufferStats,
  EventBuffer,
  PutResult,
  StorageKind,
} from './buffer.js';
import { resolveBatchLimits, resolveBufferBounds, type BufferOptions } from './buffer-options.js';
import { addDrops, subtractDrops, weightOf, type DropCounts } from './drop-counts.js';
import { isDropReason, type DropReason } from './drop-reasons.js';
import { eventBytes } from './event-bytes.js';
import type {
  EventStore,
  Removed,
  StoredEntry,
  StoreRead,
  StoreWriteResult,
} from './event-store.js';
import { memoryStore } from './memory-store.js';
import type { WireEvent } from '../wire/event-schema.js';

/** Options of {@link storeBuffer}. */
export interface StoreBufferOptions extends BufferOptions {
  /** What `storage` reports before the store has opened. Default `memory`. */
  readonly kind?: StorageKind;
}

interface PendingPut {
  readonly entry: StoredEntry;
  readonly resolve: (result: PutResult) => void;
}

const EMPTY: StoreRead = Object.freeze({ entries: [], drops: {} });
const NONE_REMOVED: Removed = Object.freeze({ events: 0, weight: 0 });
const REASON = 'one of DROP_REASONS';
const STORAGE_ERROR: PutResult = Object.freeze({ status: 'dropped', reason: 'storage_error' });

function describeError(error: unknown): string {
  const { name, message } = Object(error) as { name?: unknown; message?: unknown };
  const text = message === undefined ? String(error) : `${String(name ?? 'Error')}: ${message}`;
  return text.slice(0, 200);
}

function toBatch({ entries }: StoreRead, dropped: DropCounts): BufferBatch {
  const bytes = entries.reduce((sum, e) => sum + e.bytes, 0);
  return { events: entries.map((e) => e.event), ids: entries.map((e) => e.id), bytes, dropped };
}

/**
 * An event buffer over the store that `open` returns (called once, on first use, with a
 * `report` function through which the store counts drops it makes on its own, such as quota
 * pruning). If `open` throws or rejects, or the store throws later, the buffer keeps going in
 * memory and reports why in `stats().fallbackReason`.
 *
 * @throws FaultError 1101/1201/1203 when the bounds are invalid.
 * @example
 * const buffer = storeBuffer(() => openMyStore(), { kind: 'indexeddb', maxEvents: 5000 });
 * await buffer.put(event);
 * const batch = await buffer.take({ maxEvents: 100 });
 * // …send batch.events with batch.dropped, then:
 * await buffer.ack(batch.ids, batch.dropped);
 */
export function storeBuffer(
  open: (report: (drops: DropCounts) => void) => EventStore | Promise<EventStore>,
  options: StoreBufferOptions = {},
): EventBuffer {
  const bounds = resolveBufferBounds(options);
  let store: EventStore | undefined;
  let kind: StorageKind = options.kind ?? 'memory';
  let fallbackReason: string | undefined;
  let closed = false;
  let chain: Promise<unknown> = Promise.resolve();
  let pending: PendingPut[] = [];
  let pendingDrops: DropCounts = {};
  let queuedWrite: Promise<void> | undefined;
  const inFlight = new Set<string>();
  let lentDrops: DropCounts = {};
  let lifetime: DropCounts = {};

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = chain.then(task);
    chain = result.catch(() => undefined);
    return result;
  }

  function fallBack(error: unknown, failed: EventStore | undefined): EventStore {
    try {
      failed?.close();
    } catch {
      // Already broken: nothing more to release.
    }
    store = memoryStore();
    kind = 'memory';
    fallbackReason = describeError(error);
    inFlight.clear();
    lentDrops = {};
    return store;
  }

  async function ready(): Promise<EventStore> {
    if (store !== undefined) return store;
    try {
      store = await open((drops) => (lifetime = addDrops(lifetime, drops)));
      kind = store.kind;
      return store;
    } catch (error) {
      return fallBack(error, undefined);
    }
  }

  /** Runs `op` on the store; on a throw, moves to memory and runs it there. */
  async function attempt<T>(op: (s: EventStore) => Promise<T>, failed: () => T): Promise<T> {
    const current = await ready();
    try {
      return await op(current);
    } catch (error) {
      if (current.kind === 'memory') return failed();
      try {
        return await op(fallBack(error, current));
      } catch {
        return failed();
      }
    }
  }

  function count(reason: DropReason, n: number, persist: boolean): void {
    lifetime = addDrops(lifetime, { [reason]: n });
    if (persist) pendingDrops = addDrops(pendingDrops, { [reason]: n });
  }

  function scheduleWrite(): Promise<void> {
    queuedWrite ??= enqueue(async () => {
      queuedWrite = undefined;
      const batch = pending;
      const drops = pendingDrops;
      pending = [];
      pendingDrops = {};
      const entries = batch.map((p) => p.entry);
      const result = await attempt<StoreWriteResult>(
        (s) => s.write({ entries, drops, inFlight, bounds }),
        () => ({ outcomes: entries.map(() => STORAGE_ERROR), dropped: {} }),
      );
      lifetime = addDrops(lifetime, result.dropped);
      batch.forEach((p, i) => {
        const outcome = result.outcomes[i] ?? STORAGE_ERROR;
        if (outcome === STORAGE_ERROR) count('storage_error', weightOf(p.entry.event), false);
        p.resolve(outcome);
      });
    });
    return queuedWrite;
  }

  function refuse(reason: DropReason, event?: WireEvent): Promise<PutResult> {
    count(reason, weightOf(event), !closed);
    if (!closed) void scheduleWrite();
    return Promise.resolve({ status: 'dropped', reason });
  }

  function settle(ids: readonly string[], dropped: DropCounts): void {
    for (const id of ids) inFlight.delete(id);
    lentDrops = subtractDrops(lentDrops, dropped);
  }

  return {
    get storage() {
      return kind;
    },
    put(event: WireEvent, bytes?: number): Promise<PutResult> {
      if (closed) return refuse('client_closed', event);
      const id = (event as { id?: unknown } | null)?.id;
      if (typeof id !== 'string' || id === '') return refuse('invalid', event);
      let size: number;
      try {
        size = bytes ?? eventBytes(event);
      } catch {
        return refuse('invalid', event);
      }
      if (size > bounds.maxBytes) return refuse('event_too_large', event);
      return new Promise((resolve) => {
        pending.push({ entry: { id, bytes: size, event }, resolve });
        void scheduleWrite();
      });
    },
    async take(limits?: BatchLimits): Promise<BufferBatch> {
      const resolved = resolveBatchLimits(limits);
      return enqueue(() =>
        attempt(
          async (s) => {
            const read = await s.read(resolved, inFlight, true);
            for (const entry of read.entries) inFlight.add(entry.id);
            const dropped = subtractDrops(read.drops, lentDrops);
            lentDrops = addDrops(lentDrops, dropped);
            return toBatch(read, dropped);
          },
          () => toBatch(EMPTY, {}),
        ),
      );
    },
    async peek(limits?: BatchLimits): Promise<BufferBatch> {
      const resolved = resolveBatchLimits(limits);
      return enqueue(() =>
        attempt(
          async (s) => {
            const read = await s.read(resolved, new Set());
            return toBatch(read, addDrops(read.drops, pendingDrops));
          },
          () => toBatch(EMPTY, {}),
        ),
      );
    },
    ack(ids: readonly string[], dropped: DropCounts = {}): Promise<number> {
      return enqueue(async () => {
        const removed = await attempt(
          (s) => s.remove(ids, { reported: dropped }),
          () => NONE_REMOVED,
        );
        settle(ids, dropped);
        return removed.events;
      });
    },
    release(ids: readonly string[], dropped: DropCounts = {}): void {
      settle(ids, dropped);
      // Other instances may evict what is no longer in flight here.
      if (ids.length > 0) void enqueue(async () => store?.lend(inFlight)).catch(() => undefined);
    },
    async drop(ids: readonly string[], reason: DropReason): Promise<number> {
      checkOptions('drop arguments').that('reason', reason, isDropReason(reason), REASON).done();
      return enqueue(async () => {
        const removed = await attempt(
          (s) => s.remove(ids, { reason }),
          () => NONE_REMOVED,
        );
        if (removed.weight > 0) count(reason, removed.weight, false);
        settle(ids, {});
        return removed.events;
      });
    },
    async recordDrop(reason: DropReason, n = 1): Promise<void> {
      checkOptions('recordDrop arguments')
        .that('reason', reason, isDropReason(reason), REASON)
        .number('count', n, { min: 1, integer: true })
        .done();
      count(reason, n, !closed);
      if (!closed) await scheduleWrite();
    },
    size(): Promise<number> {
      return enqueue(() =>
        attempt(
          async (s) => (await s.totals()).events,
          () => 0,
        ),
      );
    },
    stats(): Promise<BufferStats> {
      return enqueue(() =>
        attempt(
          (s) => s.totals(),
          () => ({ events: 0, bytes: 0, drops: {} }),
        ).then((totals) => ({
          storage: kind,
          ...(fallbackReason === undefined ? {} : { fallbackReason }),
          events: totals.events,
          bytes: totals.bytes,
          inFlight: inFlight.size,
          ...bounds,
          dropped: lifetime,
          unreported: addDrops(totals.drops, pendingDrops),
        })),
      );
    },
    close(): Promise<void> {
      closed = true;
      return enqueue(async () => {
        const current = store;
        store = memoryStore();
        inFlight.clear();
        try {
          current?.close();
        } catch {
          // Closing is best effort: the page may be going away.
        }
      });
    },
  };
}

/**
 * The state record of the IndexedDB buffer: depth, bytes and unreported drop counts of all tabs,
 * kept beside the events and updated in the same transactions, so the bounds hold across tabs
 * without reading every event on each write.
 *
 * @module
 */
import { addDrops, type DropCounts } from '../../buffer/drop-counts.js';

/** What the `meta` store keeps under the key `state`. */
export interface StateRecord {
  key: 'state';
  /** Events stored. */
  events: number;
  /** Their total size in bytes (UTF-8 JSON). */
  bytes: number;
  /** Drops not yet reported to the collector. */
  drops: DropCounts;
}

/** The part of an IndexedDB cursor over stored events that {@link recount} reads. */
export interface EventCursor {
  readonly value: { readonly bytes: number };
  continue(): Promise<EventCursor | null>;
}

/**
 * A copy of `record` to update, or the state of an empty buffer.
 *
 * @example
 * const state = stateOf(await meta.get('state'));
 */
export function stateOf(record: { readonly key: string } | undefined): StateRecord {
  return record?.key === 'state'
    ? { ...(record as StateRecord) }
    : { key: 'state', events: 0, bytes: 0, drops: {} };
}

/**
 * Recounts depth and bytes from the events, walking `cursor` to the end. Events missing from
 * the recorded depth were pruned at the quota by a transaction that could not also record it
 * (Chromium refuses a transaction that writes while usage is over quota, but lets one that only
 * deletes commit), so they are counted here as `storage_quota` drops, by the next write that
 * succeeds.
 *
 * @example
 * if ((await events.count()) !== state.events) await recount(await events.openCursor(), state);
 */
export async function recount(cursor: EventCursor | null, state: StateRecord): Promise<void> {
  let count = 0;
  let bytes = 0;
  for (; cursor !== null; cursor = await cursor.continue()) {
    count++;
    bytes += cursor.value.bytes;
  }
  if (state.events > count) {
    state.drops = addDrops(state.drops, { storage_quota: state.events - count });
  }
  state.events = count;
  state.bytes = bytes;
}

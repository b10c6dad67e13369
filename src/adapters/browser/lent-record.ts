/**
 * The lent record of the IndexedDB buffer: the ids of the events the sending tab has in flight,
 * kept beside the events so that another tab making room for its own events does not evict
 * them. An event evicted while it is being sent would end up both delivered and counted as
 * dropped.
 *
 * @module
 */

/** What the `meta` store keeps under the key `lent`. */
export interface LentRecord {
  key: 'lent';
  /** The buffer instance (tab) that lent them: its own writes go by its own in-flight set. */
  lender: string;
  /** Ids in flight from the tab that last took a batch. */
  ids: string[];
  /** Until when, ms since the epoch: a tab that closed or crashed mid-send stops holding them. */
  until: number;
}

/**
 * How long a take protects its events, in ms: longer than a send with its timeout (30 s by
 * default) and splits; a send that outlives it may see its events evicted, as before.
 */
export const LEND_MS = 120_000;

/**
 * The record of `ids` lent by `lender` from `now`.
 *
 * @example
 * requests.push(meta.put(lentRecord(instanceId, [...inFlight], clock.now())));
 */
export function lentRecord(lender: string, ids: string[], now: number): LentRecord {
  return { key: 'lent', lender, ids, until: now + LEND_MS };
}

/**
 * The ids to spare when `writer` makes room at `now`: its own in-flight ids (`own`), and those
 * `record` still protects for another instance. A writer's own record is ignored: its in-flight
 * set is newer (it shrinks on release without a write). A `writer` of `''` names no instance:
 * every id the record protects is spared.
 *
 * @example
 * const spared = lentIds(await meta.get('lent'), instanceId, batch.inFlight, clock.now());
 */
export function lentIds(
  record: { key: string } | undefined,
  writer: string,
  own: ReadonlySet<string>,
  now: number,
): ReadonlySet<string> {
  if (record?.key !== 'lent') return own;
  const lent = record as LentRecord;
  if (lent.lender === writer || lent.until <= now || lent.ids.length === 0) return own;
  return new Set([...own, ...lent.ids]);
}

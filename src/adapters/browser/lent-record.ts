/**
 * The lent records of the IndexedDB buffer: per tab, the ids of the events it has in flight,
 * kept beside the events so that another tab making room for its own events (or pruning at the
 * quota) does not remove them. An event removed while it is being sent would end up both
 * delivered and counted as dropped. One record per tab, as two tabs may send at once for a
 * moment (a lead lost mid-send).
 *
 * @module
 */

/** What the `meta` store keeps under `lent:<lender>`. */
export interface LentRecord {
  /** `lent:` and the buffer instance (tab) that lent the ids. */
  key: `lent:${string}`;
  /** The events that tab has in flight. */
  ids: string[];
  /** Until when, ms since the epoch: a tab that closed or crashed mid-send stops holding them. */
  until: number;
}

/**
 * How long a take, or a release, protects the events then in flight, in ms: well past a send
 * with its default 30 s timeout and the splits a 413 makes. A send that outlives it may see its
 * events evicted.
 */
export const LEND_MS = 300_000;

/**
 * The key range of every lent record in the `meta` store (made on call: the global exists only
 * where IndexedDB does).
 *
 * @example
 * const records = await meta.getAll(lentKeys());
 */
export function lentKeys(): IDBKeyRange {
  return IDBKeyRange.bound('lent:', 'lent:\uffff');
}

/**
 * The record of `ids` lent by `lender` from `now`.
 *
 * @example
 * requests.push(meta.put(lentRecord(instanceId, [...inFlight], clock.now())));
 */
export function lentRecord(lender: string, ids: string[], now: number): LentRecord {
  return { key: `lent:${lender}`, ids, until: now + LEND_MS };
}

function isLent(record: { key: string }): record is LentRecord {
  return record.key.startsWith('lent:');
}

/**
 * The ids to spare when `writer` removes events at `now`: its own in-flight ids (`own`), and
 * those the other instances' unexpired `records` hold. A writer's own record is ignored: its
 * in-flight set is as new. A `writer` of `''` names no instance: every record counts.
 *
 * @example
 * const spared = sparedIds(await meta.getAll(lentKeys()), instanceId, inFlight, clock.now());
 */
export function sparedIds(
  records: readonly { key: string }[],
  writer: string,
  own: ReadonlySet<string>,
  now: number,
): ReadonlySet<string> {
  const spared = new Set(own);
  for (const record of records) {
    if (!isLent(record) || record.key === `lent:${writer}` || record.until <= now) continue;
    for (const id of record.ids) spared.add(id);
  }
  return spared;
}

/**
 * The keys of `records` expired at `now`: tabs that went away mid-send.
 *
 * @example
 * for (const key of expiredKeys(records, now)) requests.push(meta.delete(key));
 */
export function expiredKeys(records: readonly { key: string }[], now: number): string[] {
  return records.filter((r) => isLent(r) && r.until <= now).map((r) => r.key);
}

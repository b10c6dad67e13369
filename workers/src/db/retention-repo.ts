/**
 * One project's retention cutoff: rows of `projectId` older than these are past retention.
 * `beforeMs` applies to times in ms, `beforeMinute` to per-minute bucket keys.
 */
export interface RetentionCutoff {
  readonly projectId: string;
  readonly beforeMs: number;
  readonly beforeMinute: number;
}

/** The tables retention prunes, each by its time column (see migrations/0002). */
export type RetentionTable = 'events' | 'event_buckets' | 'dropped_counts' | 'audit_log';

// One DELETE per table covering every project: the cutoffs arrive as one JSON array, joined
// (CROSS JOIN keeps json_each as the outer loop) so each project's rows are found through the
// table's (project_id, time) index, oldest first, without sorting the whole backlog. D1 has no
// `DELETE … LIMIT`, hence the rowid subquery; its LIMIT bounds the rows one statement deletes.
/**
 * The bounded DELETE of each table: `?1` the cutoffs as JSON, `?2` the most rows to delete.
 * Every one finds its rows through an index on (project_id, time), never a table scan.
 */
export const DELETE_EXPIRED: Readonly<Record<RetentionTable, string>> = {
  events: deleteStatement('events', 'received_at', 'beforeMs'),
  event_buckets: deleteStatement('event_buckets', 'minute', 'beforeMinute'),
  dropped_counts: deleteStatement('dropped_counts', 'minute', 'beforeMinute'),
  audit_log: deleteStatement('audit_log', 'at', 'beforeMs'),
};

/** The DELETE of `table`'s rows whose `column` is before the cutoff `cutoff` of their project. */
function deleteStatement(table: RetentionTable, column: string, cutoff: string): string {
  return `DELETE FROM ${table} WHERE rowid IN (
    SELECT t.rowid FROM json_each(?1) AS p CROSS JOIN ${table} AS t
    WHERE t.project_id = p.value ->> 'projectId' AND t.${column} < p.value ->> '${cutoff}'
    LIMIT ?2)`;
}

/** Every table retention prunes. */
export const RETENTION_TABLES = Object.keys(DELETE_EXPIRED) as readonly RetentionTable[];

/**
 * Deletes at most `limit` rows past their project's cutoff from each of `tables`, in one D1
 * round trip (one implicit transaction), and returns how many rows each table lost.
 */
export async function deleteExpired(
  db: D1Database,
  tables: readonly RetentionTable[],
  cutoffs: readonly RetentionCutoff[],
  limit: number,
): Promise<Map<RetentionTable, number>> {
  const json = JSON.stringify(cutoffs);
  const results = await db.batch(
    tables.map((table) => db.prepare(DELETE_EXPIRED[table]).bind(json, limit)),
  );
  return new Map(tables.map((table, i) => [table, results[i]?.meta.changes ?? 0]));
}

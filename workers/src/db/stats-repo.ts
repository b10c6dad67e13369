/** One row of the stats query: events of one category and severity in one interval. */
export interface BucketRow {
  /** Start of the interval, in minutes since the epoch. */
  readonly startMinute: number;
  readonly category: string;
  readonly severity: string;
  readonly count: number;
}

/**
 * A project's per-minute event counts (`event_buckets`) summed per interval of
 * `minutesPerInterval` minutes, by category and severity, for minutes in `[fromMinute,
 * toMinute)`. Intervals start at multiples of their length since the epoch.
 */
export async function sumBuckets(
  db: D1Database,
  projectId: string,
  fromMinute: number,
  toMinute: number,
  minutesPerInterval: number,
): Promise<BucketRow[]> {
  // D1 may bind a JS number as REAL; the cast keeps the division an integer (flooring) one.
  const { results } = await db
    .prepare(
      `SELECT (minute / CAST(?1 AS INTEGER)) * CAST(?1 AS INTEGER) AS startMinute, category,
        severity, SUM(count) AS count
      FROM event_buckets
      WHERE project_id = ?2 AND minute >= ?3 AND minute < ?4
      GROUP BY 1, category, severity
      ORDER BY 1, category, severity`,
    )
    .bind(minutesPerInterval, projectId, fromMinute, toMinute)
    .all<BucketRow>();
  return results;
}

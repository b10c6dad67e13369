import type { BucketRow } from '../db/stats-repo.js';

/** Event counts of one interval (or of a whole range), in total and by category and severity. */
export interface StatsCounts {
  count: number;
  byCategory: Record<string, number>;
  bySeverity: Record<string, number>;
}

/** One interval of the series. */
export interface StatsPoint extends StatsCounts {
  /** Start of the interval, ms since the epoch. */
  readonly start: number;
}

/** What `GET /v1/stats` answers. */
export interface StatsSeries {
  readonly interval: 'minute' | 'hour';
  /** Start of the first interval, ms (the requested `from` rounded down to the interval). */
  readonly from: number;
  /** End of the last interval, ms, exclusive (the requested `to` rounded up). */
  readonly to: number;
  readonly totals: StatsCounts;
  /** Every interval from `from` to `to`, oldest first, zero-filled so it charts directly. */
  readonly series: StatsPoint[];
}

function emptyCounts(): StatsCounts {
  return { count: 0, byCategory: {}, bySeverity: {} };
}

function add(counts: StatsCounts, row: BucketRow): void {
  counts.count += row.count;
  counts.byCategory[row.category] = (counts.byCategory[row.category] ?? 0) + row.count;
  counts.bySeverity[row.severity] = (counts.bySeverity[row.severity] ?? 0) + row.count;
}

/**
 * Builds the dense series of `[fromMinute, toMinute)` in intervals of `minutesPerInterval`
 * from summed bucket rows (see `sumBuckets`).
 *
 * @example
 * statsSeries('hour', 0, 120, 60, [{ startMinute: 60, category: 'data', severity: 'low', count: 2 }]);
 * // series: [{ start: 0, count: 0, … }, { start: 3_600_000, count: 2, byCategory: { data: 2 }, … }]
 */
export function statsSeries(
  interval: 'minute' | 'hour',
  fromMinute: number,
  toMinute: number,
  minutesPerInterval: number,
  rows: readonly BucketRow[],
): StatsSeries {
  const series: StatsPoint[] = [];
  for (let minute = fromMinute; minute < toMinute; minute += minutesPerInterval) {
    series.push({ start: minute * 60_000, ...emptyCounts() });
  }
  const totals = emptyCounts();
  for (const row of rows) {
    const point = series[(row.startMinute - fromMinute) / minutesPerInterval];
    if (point === undefined) continue; // outside the range: cannot happen with sumBuckets
    add(point, row);
    add(totals, row);
  }
  return { interval, from: fromMinute * 60_000, to: toMinute * 60_000, totals, series };
}

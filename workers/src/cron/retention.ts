import { loadProjects } from '../config/projects.js';
import {
  RETENTION_TABLES,
  deleteExpired,
  type RetentionCutoff,
  type RetentionTable,
} from '../db/retention-repo.js';
import type { Env } from '../env.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/**
 * Most round trips one run makes whatever the ingest rate: each deletes from at most four
 * tables, so a run stays under D1's 1000 queries per invocation (Workers Paid).
 * @see https://developers.cloudflare.com/d1/platform/limits/
 */
export const MAX_RETENTION_BATCHES = 200;

/** Options of {@link pruneExpired}. */
export interface RetentionOptions {
  /** Most rows one DELETE removes from one table. Default 5000. */
  readonly batchSize?: number;
  /**
   * Most D1 round trips per run; each deletes at most `batchSize` rows from each table. Default:
   * enough to delete a minute of every project's `ingestPerMinute` and one more (the cron runs
   * every minute, so retention keeps up with ingest at its limits), at most
   * {@link MAX_RETENTION_BATCHES}.
   */
  readonly maxBatches?: number;
}

/** What one retention run did. */
export interface RetentionSummary {
  /** Rows deleted per table. */
  readonly deleted: Readonly<Record<RetentionTable, number>>;
  /** D1 round trips made. */
  readonly batches: number;
  /** False when the budget ran out with expired rows left: the next run carries on. */
  readonly complete: boolean;
}

/**
 * Prunes what is past each project's `retentionDays` (SPEC §5, issue 4 item 5): events by the
 * time the collector received them (a client clock cannot age an event out early), per-minute
 * event buckets and client drop counts by their minute, and the read audit log by its time.
 * Deletes go in bounded batches, at most `maxBatches` round trips per run (sized to the
 * projects' ingest limits), so a large backlog drains over successive cron runs instead of
 * overrunning one.
 *
 * Issues are kept even when their last event is gone: they still carry their counts, first and
 * last seen, and status, so an issue resolved long ago is still known when it recurs (a
 * regression rather than a new issue). Rows of projects no longer configured are kept too: a
 * mistyped configuration must not erase a tenant's data.
 *
 * @param now The run's time in ms (the cron's `scheduledTime`).
 * @throws FaultError of {@link loadProjects} when the configuration is invalid.
 * @example
 * await pruneExpired(env, controller.scheduledTime); // from a scheduled handler
 */
export async function pruneExpired(
  env: Env,
  now: number,
  options: RetentionOptions = {},
): Promise<RetentionSummary> {
  const batchSize = options.batchSize ?? 5000;
  const { projects } = loadProjects(env).config;
  const perMinute = projects.reduce((sum, project) => sum + project.ingestPerMinute, 0);
  const maxBatches =
    options.maxBatches ?? Math.min(MAX_RETENTION_BATCHES, 1 + Math.ceil(perMinute / batchSize));
  const cutoffs = projects.map(function cutoffOf(project) {
    const beforeMs = now - project.retentionDays * DAY_MS;
    return { projectId: project.id, beforeMs, beforeMinute: Math.floor(beforeMs / MINUTE_MS) };
  }) satisfies RetentionCutoff[];
  const deleted = Object.fromEntries(RETENTION_TABLES.map((table) => [table, 0])) as Record<
    RetentionTable,
    number
  >;
  let pending: readonly RetentionTable[] = RETENTION_TABLES;
  let batches = 0;
  while (pending.length > 0 && batches < maxBatches) {
    const changes = await deleteExpired(env.DB, pending, cutoffs, batchSize);
    batches += 1;
    for (const [table, count] of changes) deleted[table] += count;
    // A table that gave up a full batch may hold more; one that gave less is done.
    pending = pending.filter((table) => changes.get(table) === batchSize);
  }
  return { deleted, batches, complete: pending.length === 0 };
}

import { userKey } from '../ingest/user-key.js';

/** How much one erasure call deletes (see {@link deleteUserEvents}). */
export interface ErasureBudget {
  /** Rows deleted per statement: keeps each D1 query short. Default 2000. */
  readonly batchSize?: number;
  /**
   * Statements per call. Default 400 (800 000 events), under D1's 1000 queries per Worker
   * invocation; a user with more is erased over several calls.
   */
  readonly maxBatches?: number;
}

/** What one erasure call did. */
export interface Erasure {
  /** Events deleted by this call. */
  readonly deleted: number;
  /** False when the budget ran out with events left: call again. */
  readonly complete: boolean;
}

/**
 * Erases the stored events of one user in a project, in bounded batches, within `budget`.
 * `userId` is the raw `user.id` the client sent: it is looked up as its {@link userKey}, which
 * is what ingest stores in `events.user_id`. Issues, their counts and the per-minute buckets
 * are left as they are: they are aggregates that hold no personal data (see routes/users.ts).
 *
 * @example
 * const { deleted, complete } = await deleteUserEvents(env.DB, 'acme', 'alice@example.com');
 */
export async function deleteUserEvents(
  db: D1Database,
  projectId: string,
  userId: string,
  { batchSize = 2000, maxBatches = 400 }: ErasureBudget = {},
): Promise<Erasure> {
  const statement = db
    .prepare(
      `DELETE FROM events WHERE rowid IN (
        SELECT rowid FROM events WHERE project_id = ? AND user_id = ? LIMIT ?)`,
    )
    .bind(projectId, await userKey(projectId, userId), batchSize);
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const { meta } = await statement.run();
    deleted += meta.changes;
    if (meta.changes < batchSize) return { deleted, complete: true };
  }
  return { deleted, complete: false };
}

import { userKey } from '../ingest/user-key.js';

/** Rows deleted per statement: keeps each D1 query short however many events a user has. */
const DELETE_BATCH = 500;

/**
 * Erases every stored event of one user in a project, in bounded batches, and returns how many
 * were deleted. `userId` is the raw `user.id` the client sent: it is looked up as its
 * {@link userKey}, which is what ingest stores in `events.user_id`. Issues, their counts and
 * the per-minute buckets are left as they are: they are aggregates that hold no personal data
 * (see routes/users.ts).
 */
export async function deleteUserEvents(
  db: D1Database,
  projectId: string,
  userId: string,
): Promise<number> {
  const statement = db
    .prepare(
      `DELETE FROM events WHERE rowid IN (
        SELECT rowid FROM events WHERE project_id = ? AND user_id = ? LIMIT ?)`,
    )
    .bind(projectId, await userKey(projectId, userId), DELETE_BATCH);
  let deleted = 0;
  for (;;) {
    const { meta } = await statement.run();
    deleted += meta.changes;
    if (meta.changes < DELETE_BATCH) return deleted;
  }
}

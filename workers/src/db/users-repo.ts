/** Rows deleted per statement: keeps each D1 query short however many events a user has. */
const DELETE_BATCH = 500;

/**
 * Erases every stored event of one user (`events.user_id`) in a project, in bounded batches,
 * and returns how many were deleted. Issues, their counts and the per-minute buckets are left
 * as they are: they are aggregates that hold no personal data (see routes/users.ts).
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
    .bind(projectId, userId, DELETE_BATCH);
  let deleted = 0;
  for (;;) {
    const { meta } = await statement.run();
    deleted += meta.changes;
    if (meta.changes < DELETE_BATCH) return deleted;
  }
}

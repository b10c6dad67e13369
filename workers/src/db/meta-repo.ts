/**
 * The schema version the last migration sets (`meta.schema_version`, see
 * `workers/migrations/`). Bump it with every migration: `/health` reports a database behind it
 * as not ready, since the code would query tables that do not exist yet.
 */
export const SCHEMA_VERSION = 2;

/** The schema version recorded in D1 by the migrations, or 0 when none is recorded. */
export async function readSchemaVersion(db: D1Database): Promise<number> {
  const row = await db
    .prepare("SELECT value FROM meta WHERE key = 'schema_version'")
    .first<{ value: string }>();
  return Number(row?.value ?? 0);
}

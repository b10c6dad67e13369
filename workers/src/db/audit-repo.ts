/** One audited request of the query API. */
export interface AuditEntry {
  /** When, ms since the epoch. */
  readonly at: number;
  readonly projectId: string;
  /** A short hash of the read token (see `tokenIdOf`), never the token. */
  readonly tokenId: string;
  readonly method: string;
  readonly path: string;
  /** The status the request was answered with. */
  readonly status: number;
}

/** Appends one entry to the audit log. */
export async function insertAuditEntry(db: D1Database, entry: AuditEntry): Promise<void> {
  await db
    .prepare(
      'INSERT INTO audit_log (at, project_id, token_id, method, path, status) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .bind(entry.at, entry.projectId, entry.tokenId, entry.method, entry.path, entry.status)
    .run();
}

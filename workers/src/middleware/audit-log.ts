import type { Context, MiddlewareHandler } from 'hono';
import { insertAuditEntry } from '../db/audit-repo.js';
import type { ReadEnv } from './read-token.js';

/** Options of {@link auditLog}. */
export interface AuditLogOptions {
  /**
   * The path to record. Default: the request path (without the query string, which may carry
   * search text). A route whose path holds personal data records a redacted form instead.
   */
  readonly path?: (c: Context<ReadEnv>) => string;
}

function requestPath(c: Context<ReadEnv>): string {
  return c.req.path;
}

/**
 * Middleware that audit-logs every request of the query API (SPEC §5: "read access is
 * audit-logged without turning every read into a blocking write"): after the route has
 * answered, one `audit_log` row (time, project, token id, method, path, status) is written
 * under `waitUntil`, so the response never waits on the write and a failed write never fails
 * the read. Goes after {@link readToken}: only authenticated requests have a project to log.
 *
 * @example
 * app.get('/v1/issues', readToken(), auditLog(), listIssues);
 */
export function auditLog(options: AuditLogOptions = {}): MiddlewareHandler<ReadEnv> {
  const pathOf = options.path ?? requestPath;
  return async function auditLogMiddleware(c, next) {
    await next();
    const entry = {
      at: Date.now(),
      projectId: c.get('project').id,
      tokenId: c.get('tokenId'),
      method: c.req.method,
      path: pathOf(c),
      status: c.res.status,
    };
    c.executionCtx.waitUntil(
      insertAuditEntry(c.env.DB, entry).catch(function auditWriteFailed(error: unknown) {
        console.error('faultline: audit log write failed', error);
      }),
    );
  };
}

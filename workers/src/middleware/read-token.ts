import type { MiddlewareHandler } from 'hono';
import { FaultError } from '../../../src/errors/fault-error.js';
import { loadProjects, type Project } from '../config/projects.js';
import type { Env } from '../env.js';
import { sha256Hex } from '../crypto/sha256.js';

/** What {@link readToken} puts on the context for the query routes. */
export type ReadVariables = {
  /** The project the token belongs to: every query is scoped to it. */
  project: Project;
  /** A short hash of the token, for the audit log; the token itself goes no further. */
  tokenId: string;
};

/** The Hono environment of the routes behind {@link readToken}. */
export type ReadEnv = { Bindings: Env; Variables: ReadVariables };

// RFC 6750 §2.1: `Bearer` (any case), then a b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * A short, stable id of a read token: the first 16 hex digits of its SHA-256. Enough to tell a
 * project's tokens apart in the audit log; the token cannot be read back from it.
 */
export function tokenIdOf(token: string): string {
  return sha256Hex(token).slice(0, 16);
}

function unauthorized(message: string): FaultError {
  return new FaultError('authentication_failed', message, { captureStack: false });
}

/**
 * Middleware of the query API: `Authorization: Bearer <read token>` → the token's project on
 * `c.get('project')` (and its {@link tokenIdOf} on `c.get('tokenId')`).
 *
 * @throws FaultError `authentication_failed` (4401, answered 401 with `WWW-Authenticate:
 *   Bearer`) when the header is missing, malformed or names no project's read token.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 * @example
 * app.get('/v1/issues', readToken(), function list(c) { return c.json(c.get('project').id); });
 */
export function readToken(): MiddlewareHandler<ReadEnv> {
  return async function readTokenMiddleware(c, next) {
    const header = c.req.header('authorization');
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
    // Set before throwing: the error renderer answers on this context, keeping the header.
    c.header('WWW-Authenticate', 'Bearer realm="faultline"');
    if (token === undefined) {
      throw unauthorized('Send the read token as "Authorization: Bearer <token>"');
    }
    const project = loadProjects(c.env).byReadToken(token);
    if (project === undefined) throw unauthorized('Unknown read token');
    c.header('WWW-Authenticate', undefined);
    c.set('project', project);
    c.set('tokenId', tokenIdOf(token));
    await next();
  };
}

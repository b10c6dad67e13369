import type { Context, MiddlewareHandler } from 'hono';
import { FaultError } from '../../../src/errors/fault-error.js';
import { loadProjects, type Project } from '../config/projects.js';
import type { Env } from '../env.js';

/** The header SDKs send the project's public key in. */
export const PUBLIC_KEY_HEADER = 'x-faultline-key';

/** Response headers a page may read: `Retry-After` tells the SDK when to come back (429). */
export const EXPOSED_HEADERS = 'Retry-After';

/** What {@link publicKey} puts on the context. */
export type PublicKeyVariables = {
  /**
   * The project the key belongs to. Always set behind {@link publicKey} except on `OPTIONS`
   * (CORS preflights carry no key), where it is set only when `?key=` names a project.
   */
  project: Project;
};

/** The Hono environment of the routes behind {@link publicKey}. */
export type PublicKeyEnv = { Bindings: Env; Variables: PublicKeyVariables };

function unauthorized(message: string): FaultError {
  return new FaultError('authentication_failed', message, { captureStack: false });
}

/**
 * The CORS headers that let a page at `origin` read an answer, and `Vary: Origin`. For a 401
 * (`allowedOrigin()` never runs for it: there is no project to check the origin against) any
 * origin may read it: the body is only the FaultError, with no data.
 */
export function exposeToOrigin(c: Context, origin: string): void {
  c.header('Access-Control-Allow-Origin', origin);
  c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  c.header('Vary', 'Origin', { append: true });
}

/**
 * Middleware of the SDK-facing routes: the project's public key from the `x-faultline-key`
 * header, else from `?key=` (beacons and WebSockets cannot set headers), → the key's project on
 * `c.get('project')`. Public keys ship in web pages: they identify a project, they do not
 * prove anything, so browsers are further held to the project's origins by `allowedOrigin()`.
 *
 * `OPTIONS` requests pass without a key: a CORS preflight never carries one (Fetch standard,
 * CORS-preflight request), and `allowedOrigin()` answers it.
 *
 * @throws FaultError `authentication_failed` (4401, answered 401) when no key is sent or the
 *   key belongs to no project; when the request has an `Origin`, the 401 carries
 *   `Access-Control-Allow-Origin: <origin>`, `Access-Control-Expose-Headers: Retry-After` and
 *   `Vary: Origin`, so a page with a wrong key reads the 401 rather than a network error.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch
 * @example
 * events.post('/', publicKey(), allowedOrigin(), function post(c) {
 *   return c.json({ project: c.get('project').id });
 * });
 */
export function publicKey(): MiddlewareHandler<PublicKeyEnv> {
  return async function publicKeyMiddleware(c, next) {
    const key = c.req.header(PUBLIC_KEY_HEADER) || c.req.query('key') || undefined;
    const project = key === undefined ? undefined : loadProjects(c.env).byPublicKey(key);
    if (project !== undefined) c.set('project', project);
    else if (c.req.method !== 'OPTIONS') {
      const origin = c.req.header('origin');
      if (origin !== undefined) exposeToOrigin(c, origin);
      throw unauthorized(
        key === undefined
          ? `Send the project's public key in the ${PUBLIC_KEY_HEADER} header or as ?key=`
          : 'Unknown public key',
      );
    }
    await next();
  };
}

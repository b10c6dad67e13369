import type { Context, MiddlewareHandler } from 'hono';
import { FaultError } from '../../../src/errors/fault-error.js';
import { loadProjects, type CollectorConfig, type Project } from '../config/projects.js';
import { exposeToOrigin, PUBLIC_KEY_HEADER, type PublicKeyEnv } from './public-key.js';

/** Options of {@link allowedOrigin}. */
export interface AllowedOriginOptions {
  /** Methods a preflight allows (`OPTIONS` is implied). Default `['POST']`. */
  readonly methods?: readonly string[];
  /**
   * Request headers a preflight allows. Default `content-type`, `content-encoding` and
   * `x-faultline-key`.
   */
  readonly headers?: readonly string[];
  /**
   * How long a browser may cache a preflight, in seconds. Default 7200 (Chromium's cap;
   * Firefox caps at 86 400).
   */
  readonly maxAgeSeconds?: number;
}

const originsOfAnyProject = new WeakMap<CollectorConfig, ReadonlySet<string>>();

/** Every origin some project allows, built once per configuration. */
function anyProjectOrigins(config: CollectorConfig): ReadonlySet<string> {
  let origins = originsOfAnyProject.get(config);
  if (origins === undefined) {
    origins = new Set(config.projects.flatMap((project) => project.allowedOrigins));
    originsOfAnyProject.set(config, origins);
  }
  return origins;
}

function forbidden(origin: string): FaultError {
  return new FaultError('permission_denied', `Origin ${origin} is not allowed for this project`, {
    captureStack: false,
    context: { origin },
  });
}

/**
 * Middleware after `publicKey()`: holds browsers to the project's `allowedOrigins` (SPEC §5).
 *
 * - A request without `Origin` (servers, curl, the Workers SDK) passes: only browsers send it,
 *   and only browsers need holding to a page's origin.
 * - A request whose `Origin` is on the project's list passes, and its response — errors
 *   included, so a page can read a 429's `Retry-After` — carries
 *   `Access-Control-Allow-Origin: <origin>` and `Access-Control-Expose-Headers: Retry-After`.
 * - A CORS preflight (`OPTIONS` with `Origin`) is answered here, 204 with the allowed methods
 *   and headers, when the origin is on the list of the project `?key=` names or, since a
 *   preflight carries no `x-faultline-key`, on the list of any project; the real request is
 *   checked against its own project afterwards. An `OPTIONS` without `Origin` gets 204 and
 *   `Allow`.
 *
 * Every answer carries `Vary: Origin`, so a cache never serves one origin's answer to another.
 *
 * @throws FaultError `permission_denied` (4402, answered 403) when `Origin` is present and not
 *   allowed (the literal `null` of sandboxed and `file:` pages included).
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 * @example
 * events.use('*', publicKey(), allowedOrigin({ methods: ['POST'] }));
 */
export function allowedOrigin(options: AllowedOriginOptions = {}): MiddlewareHandler<PublicKeyEnv> {
  const methods = [...(options.methods ?? ['POST']), 'OPTIONS'].join(', ');
  const headers = (options.headers ?? ['content-type', 'content-encoding', PUBLIC_KEY_HEADER]).join(
    ', ',
  );
  const maxAge = String(options.maxAgeSeconds ?? 7200);

  function preflight(c: Context<PublicKeyEnv>, origin: string | undefined): Response {
    if (origin === undefined) return c.body(null, 204, { Allow: methods, Vary: 'Origin' });
    const project = c.get('project') as Project | undefined;
    const allowed =
      project === undefined
        ? anyProjectOrigins(loadProjects(c.env).config).has(origin)
        : project.allowedOrigins.includes(origin);
    if (!allowed) throw forbidden(origin);
    return c.body(null, 204, {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': methods,
      'Access-Control-Allow-Headers': headers,
      'Access-Control-Max-Age': maxAge,
      Vary: 'Origin',
    });
  }

  return async function allowedOriginMiddleware(c, next) {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') return preflight(c, origin);
    const project = c.get('project') as Project | undefined;
    if (project === undefined) {
      throw new Error('allowedOrigin() must run after publicKey()');
    }
    if (origin !== undefined && !project.allowedOrigins.includes(origin)) throw forbidden(origin);
    await next();
    if (origin === undefined) c.header('Vary', 'Origin', { append: true });
    else exposeToOrigin(c, origin);
  };
}

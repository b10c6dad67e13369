/**
 * `faultline()`: error capture for a Hono app (SPEC §4). Only types come from `hono`, so the
 * Worker entry loads without it.
 *
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { ClientScope } from '../../client/client-scope.js';
import { faultErrorResponse } from './fault-error-response.js';
import { isolateCapture } from './isolate-capture.js';
import { isOwnBatch } from './own-batch.js';
import type { WorkerContext, WorkerOptionsInput } from './worker-options.js';

/**
 * Hono middleware capturing the errors of the routes after it. Hono catches a route's error
 * itself and answers with `app.onError` before the middleware resumes, so the middleware reads
 * `c.error` after `await next()`; an error that `onError` re-throws is captured too. Then:
 * - `respond: 'rethrow'` (default): the app's answer stands (its `onError` response, or the
 *   re-thrown error);
 * - `respond: 'fault-error'`: the answer becomes `faultErrorResponse` (with the status and
 *   `Retry-After` of an `HTTPException` of 500 and above that the app threw).
 *
 * An `HTTPException` (or any error with `getResponse()`) with a status below 500 is the app's
 * deliberate answer (404, 401…) and is not captured. Request facts, the per-isolate client
 * made from `c.env`, the flush through `c.executionCtx.waitUntil` and the own-batch rule are
 * those of `withFaultline`. Register it first, so it sees every route's errors. Routes reach the
 * client as `c.get('faultline')` (absent when its options are invalid) for their own captures,
 * breadcrumbs and tags, flushed after the response like the rest.
 *
 * @example
 * const app = new Hono<{ Bindings: Env; Variables: FaultlineVariables }>();
 * app.use(faultline((env: Env) => ({ endpoint: env.FAULTLINE_ENDPOINT, key: env.FAULTLINE_KEY })));
 * app.get('/cart', (c) => {
 *   c.get('faultline')?.addBreadcrumb({ category: 'cart', message: 'loaded' });
 *   return c.json(loadCart());
 * });
 * export default app;
 */
export function faultline<B extends object = object>(
  options: WorkerOptionsInput<B>,
): MiddlewareHandler<{ Bindings: B; Variables: FaultlineVariables }> {
  const captureFor = isolateCapture(options);
  return async function faultlineMiddleware(c, next) {
    const capture = captureFor(c.env);
    const request = capture?.begin(c.req.raw);
    if (request !== undefined) c.set('faultline', request.client);
    let rethrown: { readonly error: unknown } | undefined;
    try {
      await next();
    } catch (error) {
      rethrown = { error }; // the app's onError re-threw it, or Hono: it was not an Error
    }
    // `throw undefined` is a failure too: what was thrown is told apart from nothing thrown.
    const failed = rethrown ?? (c.error === undefined ? undefined : { error: c.error });
    if (request !== undefined && failed !== undefined && !isDeliberate(failed.error)) {
      const failure = isOwnBatch(c.req.raw) ? undefined : request.capture(failed.error);
      if (failure !== undefined && capture?.respond === 'fault-error') {
        rethrown = undefined;
        c.res = undefined; // else Hono merges the old response's headers into the new one
        c.res = keepingItsStatus(faultErrorResponse(failure.error, failure), failed.error);
      }
    }
    capture?.flushAfter(executionContextOf(c));
    if (rethrown !== undefined) throw rethrown.error;
  };
}

/** What the middleware sets on a Hono context: the request's view of the capture client. */
export interface FaultlineVariables {
  /**
   * The request's fork of the isolate's client (`Client.fork`): captures, breadcrumbs, user
   * and tags for this request's events alone. Absent when the options were invalid (the app
   * runs uncaptured).
   */
  faultline?: ClientScope;
}

/**
 * `res`, with the status and `Retry-After` of the response an HTTP exception carries (a 503
 * the app threw on purpose, asking callers to come back later), when `thrown` is one.
 */
function keepingItsStatus(res: Response, thrown: unknown): Response {
  let own: unknown;
  try {
    const exception = (thrown ?? {}) as { getResponse?: unknown };
    if (typeof exception.getResponse === 'function') own = exception.getResponse();
  } catch {
    return res;
  }
  if (!(own instanceof Response)) return res;
  const headers = new Headers(res.headers);
  const retryAfter = own.headers.get('retry-after');
  if (retryAfter !== null) headers.set('retry-after', retryAfter);
  return new Response(res.body, { status: own.status, headers });
}

/** An HTTP exception the app threw on purpose: a client error it answers itself. */
function isDeliberate(thrown: unknown): boolean {
  const exception = (thrown ?? {}) as { getResponse?: unknown; status?: unknown };
  return (
    typeof exception.getResponse === 'function' &&
    typeof exception.status === 'number' &&
    exception.status < 500
  );
}

/** `c.executionCtx`, which throws outside Workers (Node, Bun, tests calling `app.request`). */
function executionContextOf(c: Context): WorkerContext | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}

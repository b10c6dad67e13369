/**
 * `faultline()`: error capture for a Hono app (SPEC §4). Only types come from `hono`, so the
 * Worker entry loads without it.
 *
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Client } from '../../client/client-api.js';
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
 * - `respond: 'fault-error'`: the answer becomes `faultErrorResponse`.
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
    if (capture !== undefined) c.set('faultline', capture.client);
    let rethrown: { readonly error: unknown } | undefined;
    try {
      await next();
    } catch (error) {
      rethrown = { error }; // the app's onError re-threw it
    }
    const thrown = rethrown === undefined ? c.error : rethrown.error;
    if (capture !== undefined && thrown !== undefined && !isDeliberate(thrown)) {
      const failure = isOwnBatch(c.req.raw) ? undefined : capture.capture(thrown, c.req.raw);
      if (failure !== undefined && capture.respond === 'fault-error') {
        rethrown = undefined;
        c.res = undefined; // else Hono merges the old response's headers into the new one
        c.res = faultErrorResponse(failure.error, failure);
      }
    }
    capture?.flushAfter(executionContextOf(c));
    if (rethrown !== undefined) throw rethrown.error;
  };
}

/** What the middleware sets on a Hono context: the isolate's capture client. */
export interface FaultlineVariables {
  /** Absent when the options were invalid (the app runs uncaptured). */
  faultline?: Client;
}

/** An HTTP exception the app threw on purpose: a client error it answers itself. */
function isDeliberate(thrown: unknown): boolean {
  const exception = thrown as { getResponse?: unknown; status?: unknown };
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

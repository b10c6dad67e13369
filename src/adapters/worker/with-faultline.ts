/**
 * `withFaultline`: error capture around a module Worker's `fetch` handler (SPEC §4).
 *
 * @module
 */
import { faultErrorResponse } from './fault-error-response.js';
import { isolateCapture } from './isolate-capture.js';
import { isOwnBatch } from './own-batch.js';
import type { WorkerContext, WorkerOptionsInput } from './worker-options.js';

/** A module Worker's `fetch` handler. */
export type FetchHandler<
  E,
  C extends WorkerContext = WorkerContext,
  R extends Request = Request,
> = (request: R, env: E, ctx: C) => Response | Promise<Response>;

/**
 * Wraps a Worker's `fetch` handler so that what it throws is captured with the request's
 * facts (method, URL with secrets filtered, user agent, `traceparent` trace id or `cf-ray` as
 * correlation; never the client's IP), then flushed with `ctx.waitUntil` so the response waits
 * for nothing, then re-thrown (default) or answered with `faultErrorResponse`
 * (`respond: 'fault-error'`). The client is made once per isolate, on its first request, from
 * the options or from `options(env)`; events wait in memory between flushes. When a batch
 * posted to this Worker by a faultline transport fails, that error is re-thrown uncaptured (no
 * feedback loop).
 *
 * For a Hono app, use the `faultline` middleware instead: Hono catches handler errors itself,
 * so nothing reaches this wrapper.
 *
 * @example
 * export default {
 *   fetch: withFaultline(
 *     (env: Env) => ({ endpoint: env.FAULTLINE_ENDPOINT, key: env.FAULTLINE_KEY, collector: env.COLLECTOR }),
 *     async (request, env, ctx) => new Response(await render(request, env)),
 *   ),
 * } satisfies ExportedHandler<Env>;
 */
export function withFaultline<E, C extends WorkerContext, R extends Request>(
  options: WorkerOptionsInput<E>,
  handler: FetchHandler<E, C, R>,
): (request: R, env: E, ctx: C) => Promise<Response> {
  const captureFor = isolateCapture(options);
  return async function faultlineFetch(request, env, ctx) {
    const capture = captureFor(env);
    try {
      return await handler(request, env, ctx);
    } catch (thrown) {
      if (capture === undefined) throw thrown;
      const failure = isOwnBatch(request) ? undefined : capture.begin(request).capture(thrown);
      if (failure === undefined || capture.respond !== 'fault-error') throw thrown;
      return faultErrorResponse(failure.error, failure);
    } finally {
      capture?.flushAfter(ctx);
    }
  };
}

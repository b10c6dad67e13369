/**
 * Options of the Worker entry (`withFaultline` and the Hono `faultline` middleware), and the
 * slices of the Workers runtime it needs, typed structurally so `src/` needs no Workers types.
 *
 * @module
 */
import type { ClientOptions } from '../../client/client-options.js';

/**
 * The part of a Worker's `ExecutionContext` the entry uses: `waitUntil` keeps the isolate alive
 * after the response for the flush to the collector.
 */
export interface WorkerContext {
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * A Service Binding (`Fetcher`) to a collector Worker in the same account, e.g. `env.COLLECTOR`.
 * Only its `fetch` is used.
 */
export interface CollectorBinding {
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
}

/**
 * What a thrown error is answered with once captured:
 * - `'rethrow'`: the error propagates as if faultline were not there (workerd answers 500 and
 *   logs it; in a Hono app, the app's `onError` response stands);
 * - `'fault-error'`: a JSON `{ error }` response with the status of `faultErrorResponse`.
 */
export type ErrorResponseMode = 'rethrow' | 'fault-error';

/**
 * Options of the Worker entry: the client options of SPEC §4 (`endpoint` and `key` required),
 * except `origin`, which the entry sets to each failed request's URL and user agent. Workers
 * buffer in memory by default (`eventBuffer`): the buffer lives as long as the isolate, so
 * events a failed send left behind go out with a later request's flush.
 */
export interface WorkerOptions extends Omit<ClientOptions, 'origin'> {
  /**
   * Sends batches through this Service Binding instead of the public network (the transport's
   * `fetch` becomes `(input, init) => collector.fetch(input, init)`); `endpoint` then only
   * names the path (`${endpoint}/v1/events`), its host is not resolved. Takes precedence over
   * `fetch`. Default: none (`fetch`).
   */
  readonly collector?: CollectorBinding | undefined;
  /** How a captured error is answered (see {@link ErrorResponseMode}). Default `'rethrow'`. */
  readonly respond?: ErrorResponseMode | undefined;
  /**
   * How long the flush after each request may take, in ms; it runs in `ctx.waitUntil`, so the
   * response never waits for it. Default 5000.
   */
  readonly flushTimeoutMs?: number | undefined;
}

/**
 * {@link WorkerOptions}, or a function making them from the Worker's `env` (bindings and
 * secrets), called once per isolate on its first request.
 */
export type WorkerOptionsInput<E> = WorkerOptions | ((env: E) => WorkerOptions);

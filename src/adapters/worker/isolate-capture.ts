/**
 * The capture that `withFaultline` and the Hono middleware share: one client per isolate, made
 * from the Worker's `env` on the first request and kept while the isolate lives, so its memory
 * buffer outlives a request and what one flush could not send goes out with the first request
 * after the transport's wait (a backoff, an open breaker).
 *
 * @module
 */
import type { Client } from '../../client/client-api.js';
import type { ClientScope } from '../../client/client-scope.js';
import { createClient } from '../../client/client.js';
import { FaultError } from '../../errors/fault-error.js';
import { systemClock, type Clock } from '../../runtime/clock.js';
import { requestFacts, requestUrlScrubber } from './request-facts.js';
import type {
  ErrorResponseMode,
  WorkerContext,
  WorkerOptions,
  WorkerOptionsInput,
} from './worker-options.js';
import { checkOptions } from '../../policy/option-checks.js';

/** A captured request failure. */
export interface CapturedFailure {
  /** What was thrown, normalised with the client's classifier. */
  readonly error: FaultError;
  /** The event's id; `undefined` when it was left out (filters, sampling) or folded. */
  readonly eventId: string | undefined;
  /** The request's trace id or `cf-ray`. */
  readonly correlationId: string | undefined;
}

/** One request's capture: its own view of the client, and the capture of what it threw. */
export interface RequestCapture {
  /**
   * The request's fork of the isolate's client (`Client.fork`): its breadcrumbs, user and
   * tags stay with this request's events, which all carry the request's facts.
   */
  readonly client: ClientScope;
  /** Captures what the request's handling threw. Never throws. */
  capture(thrown: unknown): CapturedFailure;
}

/** The isolate's capture client, as the Worker entry uses it. */
export interface IsolateCapture {
  /** How a captured error is answered. */
  readonly respond: ErrorResponseMode;
  /** The isolate's client: what it is told reaches the events of every request after. */
  readonly client: Client;
  /** Starts capturing for `request`. Never throws. */
  begin(request: Request): RequestCapture;
  /**
   * Flushes after a response when something was captured or buffered since the last complete
   * flush (a request that captured nothing costs nothing): inside `ctx.waitUntil`, so the
   * response waits for nothing; without a context (a Hono app outside Workers), in the
   * background.
   */
  flushAfter(ctx: WorkerContext | undefined): void;
}

/**
 * Makes the lookup of the isolate's capture. The first call builds the client from the
 * options (calling them with `env` when they are a function); when that throws (a missing
 * secret, an invalid endpoint), the problem is logged once with `console.error` and the lookup
 * answers `undefined` for the isolate's life: the Worker keeps serving, uncaptured, rather than
 * failing every request over its error reporting.
 *
 * @example
 * const captureFor = isolateCapture((env: Env) => ({ endpoint: env.FAULTLINE_ENDPOINT, key: env.FAULTLINE_KEY }));
 * const capture = captureFor(env);
 */
export function isolateCapture<E>(
  input: WorkerOptionsInput<E>,
): (env: E) => IsolateCapture | undefined {
  let made: IsolateCapture | null | undefined;
  return function captureFor(env) {
    if (made === undefined) {
      try {
        made = makeCapture(typeof input === 'function' ? input(env) : input);
      } catch (problem) {
        made = null;
        console.error('faultline: errors are not captured in this isolate:', problem);
      }
    }
    return made ?? undefined;
  };
}

function makeCapture(options: WorkerOptions): IsolateCapture {
  const { collector, respond = 'rethrow', flushTimeoutMs = 5000, ...clientOptions } = options;
  checkOptions('worker options')
    .oneOf('respond', respond, ['rethrow', 'fault-error'])
    .number('flushTimeoutMs', flushTimeoutMs, { min: 0, max: 30_000 })
    .done();
  const clock = clientOptions.clock ?? systemClock;
  const client = createClient({
    // A retry exhausted in a request is thrown there and captured with the request's facts.
    captureResilience: 'breakers',
    ...clientOptions,
    ...(collector !== undefined && {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => collector.fetch(input, init),
    }),
  });
  // Something may wait in the buffer or in dedupe: set by captures (folded ones too), by events
  // the client buffers on its own (resilience reports), and by a flush that left events behind.
  let unsent = false;
  client.onEvent(() => (unsent = true));
  const scrubUrl = requestUrlScrubber(options.scrub);
  const from = options.classifier === undefined ? {} : { classifier: options.classifier };
  return {
    respond,
    client,
    begin(request) {
      const { hint, origin } = requestFacts(request, scrubUrl);
      const scoped = client.fork({ ...hint, ...origin });
      return {
        client: scoped,
        capture(thrown) {
          // What was thrown, as it was: captured once however often it is handed over.
          const eventId = scoped.captureException(thrown);
          unsent = true;
          return {
            error: FaultError.from(thrown, from),
            eventId,
            correlationId: hint.correlationId,
          };
        },
      };
    },
    flushAfter(ctx) {
      if (!unsent) return;
      unsent = false;
      const flushed = flushUnlessWaiting(client, clock, flushTimeoutMs).then((empty) => {
        if (!empty) unsent = true;
        return empty;
      });
      ctx?.waitUntil(flushed);
    },
  };
}

/**
 * `client.flush(timeoutMs)` unless the transport waits (a backoff, an open breaker): a flush
 * forces its first send, and one forced send per request that captured something would hit a
 * collector that is down once per failing request. What waits stays in memory for the first
 * request after the wait. Resolves with whether the buffer is empty.
 */
async function flushUnlessWaiting(
  client: Client,
  clock: Clock,
  timeoutMs: number,
): Promise<boolean> {
  const { transport } = await client.status();
  if (transport.state === 'waiting' && (transport.retryAt ?? 0) > clock.now()) return false;
  return client.flush(timeoutMs);
}

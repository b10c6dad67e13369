// An injected `fetch` that answers like the collector, scripted per request.
import { readBatch } from './wire-events.js';

/** One request the fake collector saw. */
export interface SeenRequest {
  readonly url: string;
  readonly init: RequestInit;
  readonly headers: Record<string, string>;
  readonly batch: ReturnType<typeof readBatch>;
}

/** Answers one request; may look at what it carried. */
export type Answer = (request: SeenRequest) => Response | Promise<Response>;

/** 202 acknowledging every event but those at `rejected` indexes. */
export const accept =
  (...rejected: number[]): Answer =>
  ({ batch }) =>
    Response.json(
      {
        accepted: batch.events.length - rejected.length,
        duplicate: 0,
        rejected: rejected.map((index) => ({
          index,
          error: { type: 'validation_failed', message: `event ${index} is bad` },
        })),
      },
      { status: 202 },
    );

/** An error answer with the collector's `{ error }` body. */
export const refuse =
  (status: number, headers: Record<string, string> = {}, message = `refused ${status}`): Answer =>
  () =>
    Response.json({ error: { type: 'x', message } }, { status, headers });

/** A fetch failure, as browsers report it. */
export const offline: Answer = () => Promise.reject(new TypeError('Failed to fetch'));

/**
 * A fake `fetch`: each request takes the next answer of `script` (the last one repeats), or
 * `answer(request)` when `script` is a function.
 */
export function fakeCollector(script: Answer[] | Answer) {
  const seen: SeenRequest[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = { ...(init.headers as Record<string, string>) };
    const body = init.body as Uint8Array | string;
    const batch = readBatch(body, headers['content-encoding']);
    const request = { url: String(input), init, headers, batch };
    seen.push(request);
    const answer =
      typeof script === 'function' ? script : script.length > 1 ? script.shift() : script[0];
    return (answer as Answer)(request);
  }) as typeof fetch;
  return { fetch: fetchFn, seen, eventIds: () => seen.map((r) => r.batch.events.map((e) => e.id)) };
}

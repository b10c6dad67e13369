// Fixtures of the Worker entry suites: a Service-Binding-like collector that forwards to the real
// collector Worker (SELF) once opened, and reads of what the collector stored.
import { SELF, env, waitOnExecutionContext } from 'cloudflare:test';
import { expect } from 'vitest';
import { ACME_KEY } from './ingest-fixtures.js';

/** A W3C trace id and a `traceparent` carrying it. */
export const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
export const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

/** Client options for the acme project, through `binding`. */
export function acmeOptions(binding: CollectorDouble['binding']) {
  return {
    endpoint: 'https://collector.internal',
    key: ACME_KEY,
    collector: binding,
    release: 'shop@1.2.3',
    environment: 'test',
  };
}

/** A collector binding in front of the real collector Worker (SELF). */
export interface CollectorDouble {
  readonly binding: { fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> };
  /** Calls made so far (held, refused or answered). */
  readonly calls: number;
  /** From now on, every call (held ones too) reaches the collector. */
  open(): void;
}

/**
 * A collector binding. `open` (default) forwards each call to SELF; `held` holds calls until
 * `open()`; `down` answers 503 until `open()`.
 */
export function collectorDouble(state: 'open' | 'held' | 'down' = 'open'): CollectorDouble {
  let release: () => void = () => undefined;
  let gate = state === 'held' ? new Promise<void>((resolve) => (release = resolve)) : undefined;
  let down = state === 'down';
  let calls = 0;
  return {
    binding: {
      async fetch(input, init) {
        calls++;
        await gate;
        if (down) return new Response('{}', { status: 503 });
        return SELF.fetch(input, init);
      },
    },
    get calls() {
      return calls;
    },
    open() {
      down = false;
      gate = undefined;
      release();
    },
  };
}

/** Payloads of the acme events whose message contains `word`. */
export async function storedWith(word: string): Promise<Record<string, unknown>[]> {
  const { results } = await env.DB.prepare(
    "SELECT payload FROM events WHERE project_id = 'acme' AND instr(message, ?) > 0",
  )
    .bind(word)
    .all<{ payload: string }>();
  return results.map((row) => JSON.parse(row.payload) as Record<string, unknown>);
}

/**
 * What a held collector received once the response was out: nothing yet (the answer did not
 * wait for the flush), then, opened, the events the `waitUntil` flush stored.
 */
export async function deliveredAfterResponse(
  collector: CollectorDouble,
  ctx: ExecutionContext,
  word: string,
): Promise<Record<string, unknown>[]> {
  expect(await storedWith(word)).toEqual([]);
  collector.open();
  await waitOnExecutionContext(ctx);
  return storedWith(word);
}
